/**
 * Code actions, host-free: a finding's fixes (its own and "Waive <rule> here") as quick
 * fixes, and fix-all (`source.fixAll.mlsystem`) as one edit. Kinds are LSP's dotted
 * strings, which VS Code's `CodeActionKind` values are too.
 */
import { fixAll, LineIndex } from '../engine';
import type { FixAllResult, ReviewOptions, TextEdit } from '../engine';
import { minimalReplacement } from './minimal-replacement';

export const QUICK_FIX_KIND = 'quickfix';
export const FIX_ALL_KIND = 'source.fixAll.mlsystem';

/** Whether two kinds overlap in the hierarchy (`source` and `source.fixAll.mlsystem` do), as VS Code's `intersects`. */
function intersects(a: string, b: string): boolean {
  const contains = (outer: string, inner: string): boolean => inner === outer || inner.startsWith(`${outer}.`);
  return contains(a, b) || contains(b, a);
}

/**
 * Which actions a request for `only` wants. Fix-all is offered when asked for (on save,
 * "Source Action..."); `fixAllUnasked` also offers it to a request that names no kind
 * (editors that list every action in one menu).
 */
export function requestedActions(only: readonly string[] | undefined, fixAllUnasked = false): { quickFixes: boolean; fixAll: boolean } {
  if (!only) return { quickFixes: true, fixAll: fixAllUnasked };
  const quickFixes = only.some((k) => intersects(QUICK_FIX_KIND, k));
  const fixAllWanted = only.some((k) => intersects(FIX_ALL_KIND, k));
  return { quickFixes, fixAll: fixAllWanted && !quickFixes };
}

export interface FixAllAction {
  title: string;
  /** How many fixes it applies (for the host's message). */
  applied: number;
  /** One replacement: the part of the document fix-all changed. */
  edit: TextEdit;
}

/** Every preferred fix, round after round, as one edit; undefined when nothing can be fixed. */
export function fixAllAction(text: string, options: ReviewOptions): FixAllAction | undefined {
  return fixAllEdit(text, fixAll(text, options));
}

/** The action for a fix-all result computed elsewhere (in a worker thread, for a large design). */
export function fixAllEdit(text: string, { text: fixed, applied }: FixAllResult): FixAllAction | undefined {
  const change = minimalReplacement(text, fixed);
  if (!change || !applied) return undefined;
  return { title: `Fix all auto-fixable design problems (${applied})`, applied, edit: { range: new LineIndex(text).range(change.start, change.end), newText: change.newText } };
}
