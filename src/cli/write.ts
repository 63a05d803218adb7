/** Writing files the review produces or fixes; every failure is one line (exit 2). */
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeFsError } from './files';

export class CannotWriteError extends Error {
  constructor(display: string, cause: unknown) {
    super(`cannot write "${display}": ${typeof cause === 'string' ? cause : describeFsError(cause)}`);
  }
}

/**
 * Replaces the file's content (or creates it), or leaves it exactly as it was. A file
 * without any write permission is refused even where the process could override that
 * (root): it was made read-only on purpose. A symbolic link keeps pointing at its file.
 */
export function writeAtomically(absolute: string, display: string, content: string): void {
  let target = absolute;
  let mode: number | undefined;
  try {
    target = realpathSync(absolute);
    mode = statSync(target).mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CannotWriteError(display, e);
  }
  if (mode !== undefined && (mode & 0o222) === 0) throw new CannotWriteError(display, 'the file is read-only');
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx', mode: mode ?? 0o666 });
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw new CannotWriteError(display, e);
  }
}
