/**
 * Fix-all: apply every finding's safe fix, review again, repeat until nothing is left to
 * fix. Used by the editor's `source.fixAll.mlsystem` and by tests.
 */
import { applyEdits } from './edits';
import { parse } from './parse';
import { review } from './review';
import type { Finding, Fix, Range, ReviewOptions, TextEdit } from './types';

// Fixes that insert at one place go one per round; a draft with every gap needs a few dozen.
const MAX_ROUNDS = 50;

/** The fix fix-all may apply: the one its rule marks preferred (never a waiver, never a guess between choices). */
export function safeFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.isPreferred && f.kind !== 'waive' && f.edits.length > 0);
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  // Edits that touch the same point (two insertions at one place) count as overlapping too.
  return a.some((x) => b.some((y) => !before(x.range.end, y.range.start) && !before(y.range.end, x.range.start)));
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all rounds. */
  applied: number;
  /** Rounds that changed the text. */
  rounds: number;
}

export function fixAll(text: string, options: ReviewOptions = {}, maxRounds = MAX_ROUNDS): FixAllResult {
  let applied = 0;
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    const chosen: TextEdit[][] = [];
    for (const finding of review(text, options).findings) {
      const fix = safeFix(finding);
      if (fix && !chosen.some((edits) => overlaps(edits, fix.edits))) chosen.push(fix.edits);
    }
    if (!chosen.length) break;
    let next = applyEdits(text, chosen.flat());
    const readable = parse(text).errors.length;
    if (parse(next).errors.length > readable) {
      // Fixes whose edits do not overlap can still clash: "Rename to `moves`" and "Add
      // `moves: a`" make one key twice. Then they go one by one, each kept only if the
      // YAML stays as readable as before (no duplicate key, nothing broken).
      const kept: TextEdit[][] = [];
      for (const edits of chosen) {
        if (parse(applyEdits(text, [...kept, edits].flat())).errors.length <= readable) kept.push(edits);
      }
      chosen.splice(0, chosen.length, ...kept);
      next = applyEdits(text, kept.flat());
    }
    if (!chosen.length || next === text) break;
    text = next;
    applied += chosen.length;
  }
  return { text, applied, rounds };
}
