/**
 * Completion in design documents, host-free: keys the schema allows at the cursor and that
 * are not there yet, enum values, the document's own names where a value refers to one
 * (objective ids, rule ids, waiver targets), and the design snippets where a line starts.
 */
import { LineIndex } from '../engine';
import type { JsonSchema, Position, Range } from '../engine';
import type { CompletionKindName } from './kinds';
import { completionEntries } from './schema-completion';
import type { CompletionEntry } from './schema-completion';
import type { DesignSnippet } from './snippets';
import { cursorContext } from './yaml-cursor';

/** Characters after which editors should ask again. */
export const COMPLETION_TRIGGERS = [' ', ',', '-', '['];

const KINDS: Record<CompletionEntry['kind'], CompletionKindName> = {
  key: 'Property',
  value: 'EnumMember',
  reference: 'Reference',
};

export interface CompletionData {
  label: string;
  kind: CompletionKindName;
  /** Snippet syntax (`$0`, `${1|a,b|}`); `\t` stands for one level of indentation. */
  insertText: string;
  /** The word being replaced. */
  range: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
}

/** A snippet body as the text it inserts, for showing it: placeholders read as their defaults. */
function snippetPreview(body: string): string {
  return body.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+/g, (_m, choice: string | undefined, label: string | undefined) => choice ?? label ?? '');
}

/** `schema` completes another document than a design (a configuration file): no snippets, no design ids. */
export function designCompletions(text: string, position: Position, snippets: readonly DesignSnippet[], schema?: JsonSchema): CompletionData[] {
  const lines = new LineIndex(text);
  const cursor = cursorContext(text, lines.offsetAt(position));
  if (!cursor) return [];
  const range = lines.range(cursor.wordStart, cursor.wordEnd);
  const items: CompletionData[] = [];
  for (const entry of completionEntries(cursor, schema)) {
    const item: CompletionData = { label: entry.label, kind: KINDS[entry.kind], insertText: entry.insertText, range };
    if (entry.detail) item.detail = entry.detail;
    if (entry.documentation) item.documentation = entry.documentation;
    if (entry.sortText) item.sortText = entry.sortText;
    items.push(item);
  }
  // Snippets start a line: offered where a key or a new list item goes.
  const lineBefore = text.slice(lines.lineStart(range.start.line), cursor.wordStart);
  if (!schema && cursor.kind !== 'value' && /^\s*(-\s+)?$/.test(lineBefore)) {
    for (const snippet of snippets) {
      items.push({
        label: snippet.prefix,
        kind: 'Snippet',
        insertText: snippet.body,
        range,
        detail: snippet.description,
        documentation: `\n\`\`\`yaml\n${snippetPreview(snippet.body)}\n\`\`\`\n`,
        sortText: `~${snippet.prefix}`,
      });
    }
  }
  return items;
}
