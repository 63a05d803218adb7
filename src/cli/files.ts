/** Reading a design document's bytes as text, without ever throwing at the user. */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { LIMITS } from '../engine';
import type { Range } from '../engine';

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

export type FileText =
  | { kind: 'text'; text: string }
  /** Not UTF-8: `text` is a lossy decoding (good enough to tell whether it is a design). */
  | { kind: 'invalid-utf8'; text: string; range: Range }
  | { kind: 'too-large'; length: number; unit: 'bytes' | 'characters' };

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** UTF-8 never takes more than 3 bytes per UTF-16 code unit, so past this a file is too long whatever it holds. */
const MAX_BYTES = LIMITS.maxLength * 3;

/** Where the first byte that is not UTF-8 sits, as a zero-based line and character. */
export function firstInvalidByte(bytes: Uint8Array, lossyText: string): Range {
  // Re-encoding the lossy text reproduces the input exactly up to the first bad byte
  // (a genuine U+FFFD round-trips as the same three bytes).
  const again = Buffer.from(lossyText, 'utf8');
  let at = 0;
  while (at < bytes.length && at < again.length && bytes[at] === again[at]) at++;
  // lastIndexOf with -1 would search from the end: a bad first byte is on line 0.
  const lineStart = at > 0 ? bytes.lastIndexOf(0x0a, at - 1) + 1 : 0;
  let line = 0;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const character = strict.decode(bytes.subarray(lineStart, at)).length;
  return { start: { line, character }, end: { line, character: character + 1 } };
}

/** Decodes bytes as UTF-8; a BOM is dropped, as editors do. */
export function decodeText(bytes: Uint8Array): FileText {
  if (bytes.length > MAX_BYTES) return { kind: 'too-large', length: bytes.length, unit: 'bytes' };
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const loose = lossy.decode(bytes);
    if (loose.length > LIMITS.maxLength) return { kind: 'too-large', length: loose.length, unit: 'characters' };
    // The range is counted on the text without the BOM, as the editor shows it.
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return { kind: 'invalid-utf8', text: loose, range: firstInvalidByte(body, loose) };
  }
  if (text.length > LIMITS.maxLength) return { kind: 'too-large', length: text.length, unit: 'characters' };
  return { kind: 'text', text };
}

export function readText(absolutePath: string, displayPath: string): FileText {
  try {
    const size = statSync(absolutePath).size;
    // Refused before reading, so a huge file costs nothing.
    if (size > MAX_BYTES) return { kind: 'too-large', length: size, unit: 'bytes' };
    return decodeText(readFileSync(absolutePath));
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
