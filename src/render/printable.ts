/**
 * Untrusted text (keys, values, messages quoting them, file names) made safe for a
 * terminal, a CI log or an editor notification: control characters (C0, DEL, C1: ESC, BEL, ...), bidirectional
 * marks, overrides and isolates, and line and paragraph separators are shown as escapes
 * (`\u001b`, `\n`) instead of reaching the terminal, so a document can neither drive the
 * terminal nor start a log line of its own (a forged CI workflow command).
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The text with every unsafe character escaped, except those in `keep`: a format with its
 * own escaping for line breaks (GitHub's `%0A`) keeps `\r\n`, a diff keeps tabs and line ends.
 */
export function printable(text: string, keep = ''): string {
  return text.replace(UNSAFE, (c) => (keep.includes(c) ? c : NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
