/** Reading a design document's bytes, without ever throwing at the user. */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { MAX_DESIGN_BYTES } from '../engine';

/** A path the user named (or a file found) that cannot be read: exit 2, one line. */
export class CannotReadError extends Error {
  constructor(readonly displayPath: string, cause: unknown) {
    super(`cannot read "${displayPath}": ${describeFsError(cause)}`);
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ELOOP': return 'too many symbolic links';
    default: return (e as Error)?.message?.split('\n')[0] ?? String(e);
  }
}

const lossy = new TextDecoder('utf-8');

/** A file's bytes for the engine to decode and review; undefined when it is too large (refused before reading, so a huge file costs nothing). */
export function readBytes(absolutePath: string, displayPath: string): Uint8Array | undefined {
  try {
    if (statSync(absolutePath).size > MAX_DESIGN_BYTES) return undefined;
    return readFileSync(absolutePath);
  } catch (e) {
    throw new CannotReadError(displayPath, e);
  }
}

/** Enough of a file's start to tell whether it is a design (a top-level `mlsystem` key). */
export const DETECTION_BYTES = 1024 * 1024;

/** The text used to recognise a design by content: the whole file, or its first MiB when it is too large to review anyway. */
export function readHead(absolutePath: string, displayPath: string): string {
  try {
    const size = statSync(absolutePath).size;
    if (size <= DETECTION_BYTES) return lossy.decode(readFileSync(absolutePath));
    const head = Buffer.alloc(DETECTION_BYTES);
    const fd = openSync(absolutePath, 'r');
    try {
      return lossy.decode(head.subarray(0, readSync(fd, head, 0, DETECTION_BYTES, 0)));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new CannotReadError(displayPath, e);
  }
}
