/**
 * Which design snippets fit where the cursor is, and how each is offered. Host-free.
 *
 * A snippet goes in one place: a list item goes where a new item of its list goes
 * (`framing`, `business.objectives`, ...), a section or pillar where its key is missing, the
 * whole design only in an empty document. Nothing else is offered: inside a framing item
 * the keys valid there are what the author needs, not a new `- id:` item or a design.
 */
import { objectiveIds } from './schema-completion';
import { snippetToText } from './snippets';
import type { DesignSnippet } from './snippets';
import { cursorContext } from './yaml-cursor';
import type { CursorContext, DataPath } from './yaml-cursor';

export type SnippetHome = { list: DataPath } | { key: string; under: DataPath } | { document: true };

export interface SnippetEntry {
  label: string;
  /** Snippet syntax. */
  insertText: string;
  detail: string;
  /** The text the snippet inserts with its defaults, as YAML (no tab-stop syntax). */
  preview: string;
}

/** The lists whose items the snippets are, by prefix (the framing snippets share one). */
const LIST_SNIPPETS: readonly [prefix: string, list: DataPath][] = [
  ['mlsystem-framing-', ['framing']],
  ['mlsystem-objective', ['business', 'objectives']],
  ['mlsystem-stakeholder', ['stakeholders']],
  ['mlsystem-waiver', ['waivers']],
];

/** Where a snippet goes; undefined for one this module does not know (never offered). */
export function snippetHome(snippet: DesignSnippet): SnippetHome | undefined {
  if (snippet.prefix === 'mlsystem-design') return { document: true };
  const list = LIST_SNIPPETS.find(([prefix]) => snippet.prefix.startsWith(prefix));
  if (list) return { list: list[1] };
  const key = /^([a-z_]+):/.exec(snippet.body)?.[1];
  if (!key) return undefined;
  return snippet.prefix.startsWith('mlsystem-pillar-') ? { key, under: ['requirements'] } : { key, under: [] };
}

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/**
 * The list a new item at the cursor would join, and whether its `- ` is typed already. The
 * text is read as if the author had typed `- ` here, so a blank line at the items'
 * indentation counts too.
 */
export function newItemAt(text: string, offset: number, wordStart: number): { list: DataPath; dashTyped: boolean } | undefined {
  const lineStart = text.lastIndexOf('\n', wordStart - 1) + 1;
  const before = text.slice(lineStart, wordStart);
  const dashTyped = /^[ \t]*-[ \t]+$/.test(before);
  // At column 0 with no dash, the line holds a top-level key (a list written flush left starts with its dash).
  if (!dashTyped && !/^[ \t]+$/.test(before)) return undefined;
  const probe = dashTyped ? text : `${text.slice(0, wordStart)}- ${text.slice(wordStart)}`;
  const context = cursorContext(probe, dashTyped ? offset : offset + 2);
  const last = context?.path[context.path.length - 1];
  // A list at the top level is no design: the line holds a top-level key.
  if (context?.kind !== 'item' || typeof last !== 'number' || context.path.length < 2) return undefined;
  const list = context.path.slice(0, -1);
  if (!list.every((segment) => typeof segment === 'number' || /^[A-Za-z0-9_-]+$/.test(segment))) return undefined;
  // Only where the document has a list (or an empty key for one): a dash under a mapping is a typo, not an item.
  // Read from the probe: while the author types the prefix on its own line, the text itself may not be YAML.
  const written = list.reduce<unknown>((value, segment) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined), context.data);
  if (written !== undefined && written !== null && !Array.isArray(written)) return undefined;
  return { list, dashTyped };
}

/** A framing snippet serves the document's own objectives: their ids as a choice, not a placeholder id. */
function withObjectiveChoice(body: string, data: unknown): string {
  const ids = objectiveIds(data).filter((id) => /^[A-Za-z0-9_.-]+$/.test(id));
  if (!ids.length) return body;
  return body.replace(/(serves: \[)\$\{(\d+):[^}]*\}\]/, (_m, lead: string, n: string) => `${lead}\${${n}|${ids.join(',')}|}]`);
}

/** The snippets that fit the cursor, ready to offer. */
export function snippetEntries(snippets: readonly DesignSnippet[], text: string, offset: number, cursor: CursorContext & { data?: unknown }): SnippetEntry[] {
  const lineStart = text.lastIndexOf('\n', cursor.wordStart - 1) + 1;
  const item = newItemAt(text, offset, cursor.wordStart);
  // Where a list's new item goes, a blank line belongs to the list, not to the mapping above it.
  const onEmptyKeyLine = !item && cursor.kind === 'key' && /^[ \t]*$/.test(text.slice(lineStart, cursor.wordStart));
  const out: SnippetEntry[] = [];
  for (const snippet of snippets) {
    const home = snippetHome(snippet);
    if (!home) continue;
    let body = snippet.body;
    if ('document' in home) {
      if (!onEmptyKeyLine || cursor.path.length || cursor.presentKeys.length) continue;
    } else if ('key' in home) {
      if (!onEmptyKeyLine || !samePath(cursor.path, home.under) || cursor.presentKeys.includes(home.key)) continue;
    } else {
      if (!item || !samePath(item.list, home.list)) continue;
      // The author typed the dash: the snippet's own is dropped.
      if (item.dashTyped) body = body.replace(/^-[ \t]+/, '');
    }
    body = withObjectiveChoice(body, cursor.data);
    out.push({ label: snippet.prefix, insertText: body, detail: snippet.description, preview: snippetToText(body) });
  }
  return out;
}
