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
import { snippetEntries } from './snippet-completion';
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
  if (!schema) {
    for (const snippet of snippetEntries(snippets, text, lines.offsetAt(position), cursor)) {
      items.push({
        label: snippet.label,
        kind: 'Snippet',
        insertText: snippet.insertText,
        range,
        detail: snippet.detail,
        documentation: `\n\`\`\`yaml\n${snippet.preview}\n\`\`\`\n`,
        sortText: `~${snippet.label}`,
      });
    }
  }
  return items;
}
