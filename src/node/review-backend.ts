/**
 * What runs the engine for an editor host: on its thread, or in a worker (review-runner.ts).
 * No Node here, so the browser build may name it and review on its own thread.
 *
 * An editor host keeps a review as plain data: the findings without their fixes, and the
 * lifecycle model. A finding's fixes and the document symbols are built where the review
 * ran, when a code action, a hover or the Outline asks for them: a host copying every fix
 * and the whole outline of a large design at each edit would block its thread for longer
 * than a frame.
 */
import { review } from '../engine';
import type { Finding, Fix, LifecycleModel, ReviewOptions, ReviewResult, WaivedFinding } from '../engine';
import { designSymbols } from '../features/symbols';
import type { SymbolData } from '../features/symbols';

/** A finding as an editor host holds it: everything but its fixes (`EditorReview.fixesOf`). */
export type HostFinding = Omit<Finding, 'fixes'>;
export type HostWaivedFinding = Omit<WaivedFinding, 'fixes'>;

export interface EditorReview {
  /** Reported findings, sorted by position (as the engine's `ReviewResult.findings`). */
  readonly findings: readonly HostFinding[];
  readonly waived: readonly HostWaivedFinding[];
  /** The design as plain data, or undefined while the text cannot be read. */
  readonly design: unknown;
  readonly lifecycle: LifecycleModel;
  /** The fixes of one of `findings` (its own and "Waive <rule> here"), for the text reviewed. */
  fixesOf(finding: HostFinding): Promise<Fix[]>;
  /** The design's document symbols (Outline, breadcrumbs), for the text reviewed. */
  symbols(): Promise<SymbolData[]>;
}

export interface ReviewBackend {
  /** `key` names the document, so a backend may keep only its newest waiting text. */
  run(text: string, options: ReviewOptions, key?: string): Promise<EditorReview>;
  /** The document is closed: whatever the backend keeps for it may go. */
  forget?(key: string): void;
}

/** A review made on this thread, as an editor host holds it: fixes and symbols are built from it when asked. */
export function editorReviewOf(text: string, result: ReviewResult): EditorReview {
  return {
    findings: result.findings,
    waived: result.waived,
    design: result.design,
    get lifecycle() {
      return result.lifecycle;
    },
    fixesOf: (finding) => Promise.resolve(result.findings.find((f) => f === finding)?.fixes ?? []),
    symbols: () => Promise.resolve(designSymbols(text, result.outline)),
  };
}

/** Reviews on the caller's thread (the browser's extension host, itself a web worker). */
export const inThreadBackend: ReviewBackend = {
  run: (text, options) => Promise.resolve(editorReviewOf(text, review(text, options))),
};
