/** Reading a design document's bytes, without ever throwing at the user. */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { DETECTION_BYTES, MAX_DESIGN_BYTES } from '../engine';

/** A path the user named (or a file found) that cannot be read: exit 2, one line. */
export class CannotReadError extends Error {
  /** Why, in a few words ("permission denied", "not a regular file"). */
  readonly reason: string;
  constructor(readonly displayPath: string, cause: unknown) {
    const reason = cause instanceof CannotReadError ? cause.reason : describeFsError(cause);
    super(`cannot read "${displayPath}": ${reason}`);
    this.reason = reason;
  }
}

/** A FIFO, a device (`/dev/zero`), a socket: reading one could block or never end. */
export class NotRegularFileError extends Error {
  constructor() {
    super('not a regular file');
  }
}

export function describeFsError(e: unknown): string {
  if (e instanceof NotRegularFileError) return e.message;
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

/**
 * Runs `read` on a file descriptor only when the path (links followed) is a regular file.
 * Opened without blocking and checked on the descriptor itself, so a named pipe or a link
 * to a device is refused at once, and nothing can be swapped in between check and read.
 */
function withRegularFile<T>(absolutePath: string, displayPath: string, read: (fd: number, size: number) => T): T {
  try {
    const fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) throw new NotRegularFileError();
      return read(fd, stats.size);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new CannotReadError(displayPath, e);
  }
}

/** A file's bytes for the engine to decode and review; undefined when it is too large (refused before reading, so a huge file costs nothing). */
export function readBytes(absolutePath: string, displayPath: string): Uint8Array | undefined {
  return withRegularFile(absolutePath, displayPath, (fd, size) => (size > MAX_DESIGN_BYTES ? undefined : readFileSync(fd)));
}

/** A small text file (a config file) as UTF-8, refusing what is not a regular file. */
export function readRegularText(absolutePath: string, displayPath: string): string {
  return withRegularFile(absolutePath, displayPath, (fd) => readFileSync(fd, 'utf8'));
}

/** The text used to recognise a design by content: the whole file, or its first MiB when it is too large to review anyway. */
export function readHead(absolutePath: string, displayPath: string): string {
  return withRegularFile(absolutePath, displayPath, (fd, size) => {
    if (size <= DETECTION_BYTES) return lossy.decode(readFileSync(fd));
    const head = Buffer.alloc(DETECTION_BYTES);
    return lossy.decode(head.subarray(0, readSync(fd, head, 0, DETECTION_BYTES, 0)));
  });
}
