/**
 * A design's bytes as text: UTF-8, a BOM dropped as editors do. Hosts that read files
 * (the CLI) hand the bytes here, so the engine makes the finding for text that is not UTF-8.
 */
import type { Range } from './basics';
import { LIMITS } from './parse';

// The engine type-checks without DOM or Node types; these are the parts of the standard
// TextDecoder/TextEncoder (present in browsers, Node and VS Code's runtimes) it uses.
declare const TextDecoder: new (label: 'utf-8', options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

export type DecodedText =
  | { kind: 'text'; text: string }
  /** Not UTF-8: `text` is a lossy decoding (good enough to tell whether it is a design). */
  | { kind: 'invalid-utf8'; text: string; range: Range }
  | { kind: 'too-large'; length: number; unit: 'bytes' | 'characters' };

/** UTF-8 never takes more than 3 bytes per UTF-16 code unit, so past this a file is too long whatever it holds. */
export const MAX_DESIGN_BYTES = LIMITS.maxLength * 3;

/** The `yaml-syntax` message for bytes that are not UTF-8. */
export const INVALID_UTF8_MESSAGE = 'The file is not valid UTF-8 text, so it cannot be read as YAML: save it as UTF-8.';

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Where the first byte that is not UTF-8 sits, as a zero-based line and character. */
function firstInvalidByte(bytes: Uint8Array, lossyText: string): Range {
  // Re-encoding the lossy text reproduces the input exactly up to the first bad byte
  // (a genuine U+FFFD round-trips as the same three bytes).
  const again = new TextEncoder().encode(lossyText);
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
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_DESIGN_BYTES) return { kind: 'too-large', length: bytes.length, unit: 'bytes' };
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
