/** `--diagram OUT.svg`: the lifecycle diagram of one design, drawn by the panel's own renderer. */
import { writeFileSync } from 'node:fs';
import type { LifecycleModel } from '../engine';
import { renderLifecycleSvg } from '../render/svg';
import { CannotWriteError } from './write';

export function writeDiagram(model: LifecycleModel, absolute: string, display: string): void {
  const svg = renderLifecycleSvg(model, { theme: 'print' });
  try {
    writeFileSync(absolute, svg);
  } catch (e) {
    throw new CannotWriteError(display, e);
  }
}
