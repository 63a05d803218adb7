/**
 * Edits that fill what a mapping lacks, shared by the rules' fixes: keys inserted together,
 * empty keys filled in place, same-place insertions joined.
 */
import type { DataPath, TextEdit } from './basics';
import type { Editor } from './edits';
import type { Locator } from './locate';
import { asRecord, isFilled } from './read';

/**
 * Edits that make the mapping at `mapPath` hold every key of `wanted`: absent keys are
 * inserted together, keys present but empty are filled in place. Keys already filled and
 * other keys (notes, x- extensions) are left alone. When the mapping is null or empty it
 * is replaced by the whole of `wanted`.
 */
export function fillKeys(edit: Editor, loc: Locator, current: unknown, mapPath: DataPath, wanted: Readonly<Record<string, unknown>>): TextEdit[] {
  const record = asRecord(current);
  if (!record || !Object.keys(record).length) {
    const e = loc.locate(mapPath) ? edit.fillEmpty(mapPath, wanted) : edit.insertEntries(mapPath, { ...wanted });
    return e ? [e] : [];
  }
  const edits: TextEdit[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    if (Object.hasOwn(record, key) && !isFilled(record[key])) {
      const e = edit.fillEmpty([...mapPath, key], value);
      if (e) edits.push(e);
    }
  }
  const absent = Object.fromEntries(Object.entries(wanted).filter(([key]) => !Object.hasOwn(record, key)));
  return [...edits, ...edit.placeEntries(mapPath, absent)];
}

/**
 * Insertions at the same offset joined into one edit, in the order given, so the editor
 * and `applyEdits` produce the same text (they would order same-place insertions apart).
 */
export function joinInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const isInsertion = (e: TextEdit): boolean => e.range.end.line === e.range.start.line && e.range.end.character === e.range.start.character;
  const groups: TextEdit[][] = [];
  for (const e of edits) {
    const group = isInsertion(e)
      ? groups.find((g) => isInsertion(g[0]) && g[0].range.start.line === e.range.start.line && g[0].range.start.character === e.range.start.character)
      : undefined;
    if (group) group.push(e);
    else groups.push([e]);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0];
    // Each insertion at the end of a text without a final newline leads with one; keep only the first.
    // The text is joined when read, so fixes nobody applies are never written out.
    let text: string | undefined;
    const join = (): string => group.map((e) => e.newText).reduce((all, next) => all + (all.endsWith('\n') ? next.replace(/^\n/, '') : next));
    return { range: group[0].range, get newText(): string { return (text ??= join()); } };
  });
}
