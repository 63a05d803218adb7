/**
 * `--fix` and `--fix-dry-run`: the engine's fix-all (the clear corrections only, as in the
 * editor) applied to a design's text as it is on disk. Line endings and a byte-order mark
 * stay as they were; a write is atomic (a temporary file in the same folder, then a
 * rename), so an interrupted run never leaves half a file.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixAll } from '../engine';
import type { ReviewOptions } from '../engine';
import { printable } from '../render/printable';

/**
 * Fix-all on text as read (BOM already dropped). A file written with CRLF throughout is
 * fixed as LF and given its CRLF back, so inserted lines end as the others do.
 */
export function fixText(text: string, options: ReviewOptions): { text: string; applied: number } {
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  const result = fixAll(crlf ? text.replace(/\r\n/g, '\n') : text, options);
  return { text: crlf ? result.text.replace(/\n/g, '\r\n') : result.text, applied: result.applied };
}

/**
 * A unified diff of one file, for `--fix-dry-run`. Control characters in the lines are
 * escaped like every other text this tool prints (tabs and line ends are kept, so the
 * diff still applies with `patch -p1` or `git apply` for every ordinary design).
 */
export function unifiedDiff(display: string, before: string, after: string): string {
  const name = printable(display);
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return printable(patch, '\t\r\n');
}
