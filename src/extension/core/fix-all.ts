/**
 * Fix-all: apply every preferred fix, review again, and repeat, since one fix can make
 * another finding appear or go (a pillar inserted, then its keys checked). Host-free.
 */
import { applyEdits } from '../../engine';
import type { ReviewResult, TextEdit } from '../../engine';

export const FIX_ALL_ROUNDS = 10;

export interface FixAllResult {
  text: string;
  /** Fixes applied, over all rounds. */
  applied: number;
  rounds: number;
}

function offsetKey(e: TextEdit): [number, number, number, number] {
  return [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character];
}

function before(a: TextEdit['range']['end'], b: TextEdit['range']['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Preferred fixes whose edits overlap none already chosen (touching insertions wait a round). */
export function compatiblePreferredEdits(result: ReviewResult): { edits: TextEdit[]; fixes: number } {
  const chosen: TextEdit[] = [];
  let fixes = 0;
  for (const finding of result.findings) {
    const fix = finding.fixes.find((f) => f.isPreferred);
    if (!fix || !fix.edits.length) continue;
    const clashes = fix.edits.some((e) => chosen.some((c) => !(before(e.range.end, c.range.start) || before(c.range.end, e.range.start))));
    if (clashes) continue;
    chosen.push(...fix.edits);
    fixes++;
  }
  chosen.sort((a, b) => {
    const x = offsetKey(a);
    const y = offsetKey(b);
    return x[0] - y[0] || x[1] - y[1];
  });
  return { edits: chosen, fixes };
}

export function fixAll(text: string, reviewText: (text: string) => ReviewResult, maxRounds = FIX_ALL_ROUNDS): FixAllResult {
  let current = text;
  let applied = 0;
  let rounds = 0;
  while (rounds < maxRounds) {
    const { edits, fixes } = compatiblePreferredEdits(reviewText(current));
    if (!fixes) break;
    const next = applyEdits(current, edits);
    rounds++;
    if (next === current) break;
    applied += fixes;
    current = next;
  }
  return { text: current, applied, rounds };
}

/** The smallest single replacement turning `from` into `to`: the changed middle, by offsets. */
export function minimalReplacement(from: string, to: string): { start: number; end: number; newText: string } | undefined {
  if (from === to) return undefined;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  return { start, end: endFrom, newText: to.slice(start, endTo) };
}
