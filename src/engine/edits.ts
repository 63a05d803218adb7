/**
 * Text edits for fixes: insert, replace and remove YAML nodes in place, so a fix changes
 * only its own lines and keeps the author's formatting and comments everywhere else.
 */
import { stringify } from 'yaml';
import { defineLazy } from './lazy';
import { isMap, isScalar, isSeq, LineIndex, Locator } from './locate';
import type { Located, Node, Pair, YAMLMap, YAMLSeq } from './locate';
import type { DataPath, TextEdit } from './basics';
import { inFormatOrder, keysAt } from './schema-navigator';

const BLOCK_OPTIONS = { indent: 2, lineWidth: 0, minContentWidth: 0 } as const;

/** A value as block YAML, every line indented by `indent`, ending with a line break. */
export function toBlock(value: unknown, indent: number, flowPadding = false): string {
  const pad = ' '.repeat(indent);
  return stringify(value, { ...BLOCK_OPTIONS, flowCollectionPadding: flowPadding })
    .split('\n')
    .filter((line, i, all) => line.length > 0 || i < all.length - 1)
    .map((line) => (line ? pad + line : line))
    .join('\n') + '\n';
}

/**
 * A value as one line of flow YAML. `compact` writes `{status: done}` rather than
 * `{ status: done }`, for documents that write their flow collections that way.
 */
export function toFlow(value: unknown, compact = false): string {
  const flow = stringify(value, { ...BLOCK_OPTIONS, collectionStyle: 'flow' }).trim();
  return compact ? compactBrackets(flow) : flow;
}

/** `{ a: [ b ] }` -> `{a: [b]}`, leaving quoted text alone. */
function compactBrackets(flow: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < flow.length; i++) {
    const c = flow[i];
    if (quote) {
      out += c;
      if (c === '\\' && quote === '"') out += flow[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if ((c === ' ' && (out.endsWith('{') || out.endsWith('['))) || (c === ' ' && (flow[i + 1] === '}' || flow[i + 1] === ']'))) continue;
    out += c;
  }
  return out;
}

/**
 * Text a review can safely edit. A lone carriage return is a line break to YAML readers
 * and editors but not to this engine's line index, so fixes would land on the wrong
 * lines. A comment line that starts with a tab (`\t# ...`) makes the `yaml` package read a
 * key written after a plain value that follows it as part of that value (`a:\n\t# c\n  b\n`
 * then `z: 1` is an error). Such texts get no fixes.
 */
export function canEditText(text: string): boolean {
  return !/\r(?!\n)|^\t#/m.test(text);
}

/** Apply non-overlapping edits to a text (tests, fix-all, and hosts without an editor). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}

/** A collection with no tag, or the default one for its kind (`!!map`, `!!seq`). */
function plainlyTagged(node: YAMLMap | YAMLSeq, kind: 'map' | 'seq'): boolean {
  return !node.tag || node.tag === `tag:yaml.org,2002:${kind}`;
}

export class Editor {
  /** The document's own line break, so a fix never mixes CRLF and LF. */
  private readonly eol: string;

  /** Whether the document writes flow collections without inner spaces (`{status: done}`). */
  private readonly compact: boolean;
  /** False for text whose line breaks this engine cannot place edits by (see canEditText): no fixes then. */
  readonly canEdit: boolean;

  constructor(private readonly loc: Locator) {
    this.eol = loc.lines.text.includes('\r\n') ? '\r\n' : '\n';
    const text = loc.lines.text;
    this.canEdit = canEditText(text);
    this.compact = /[{[][^\s{}[\]]/.test(text) && !/[{[] +[^\s}\]]/.test(text);
  }

  /**
   * The node at `path` for a fix to write at, or `shared` when it is read through a
   * merge's alias (`<<: *defaults`): writing there would change every mapping that merges it.
   */
  private writable(path: DataPath): Located | 'shared' | undefined {
    const located = this.loc.locate(path);
    return located?.through ? 'shared' : located;
  }

  private flow(value: unknown): string {
    return toFlow(value, this.compact);
  }

  private get text(): string {
    return this.loc.lines.text;
  }

  /**
   * An edit whose text may be computed on first read: a review offers a fix for every
   * finding, and most are never applied, so writing their YAML waits until a host asks.
   */
  private edit(start: number, end: number, newText: string | (() => string)): TextEdit {
    const range = this.loc.lines.range(start, end);
    const withEol = (text: string): string => (this.eol === '\n' ? text : text.replace(/\r?\n/g, this.eol));
    if (typeof newText === 'string') return { range, newText: withEol(newText) };
    return defineLazy({ range }, { newText: () => withEol(newText()) }, true) as TextEdit;
  }


  /**
   * Where a node starts with its properties: a node's range begins after an anchor or a
   * tag written before it on the same line (`&x key`, `!tag key`), and indentation and
   * list dashes are found from there.
   */
  private withProps(node: Node | null | undefined): number {
    const start = node?.range?.[0] ?? 0;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    // An anchor's name runs to a space or a tab (it may hold characters JavaScript counts as
    // white space, such as U+FEFF); an empty node's range starts right after its props (`? &a`).
    const props = /(?:[&!][^ \t\r\n]*(?:[ \t]+|$))+$/.exec(this.text.slice(lineStart, start));
    return props ? start - props[0].length : start;
  }

  /**
   * Whether the line starting at `lineStart` starts with a byte-order mark the parser
   * takes as one: before any content (only blank lines and comments above it). Later in
   * the text a U+FEFF is an ordinary character.
   */
  private startsWithBom(lineStart: number): boolean {
    return this.text[lineStart] === '\ufeff' && /^(?:[ \t]*(?:#[^\n]*)?\n)*$/.test(this.text.slice(0, lineStart));
  }

  private column(offset: number): number {
    const position = this.loc.lines.positionAt(offset);
    // A byte-order mark takes no column: the first line's keys are at column 0.
    return this.startsWithBom(offset - position.character) ? Math.max(position.character - 1, 0) : position.character;
  }

  /**
   * The column a mapping's keys are indented to, from its first key: the `?` of an
   * explicit key (`? a`, `- ? x`), otherwise the key itself (after any anchor or tag).
   */
  private keyColumn(key: Node): number {
    const start = this.withProps(key);
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    // After a byte-order mark the parser starts the top-level mapping at column 0, whatever
    // spaces follow the mark (`\ufeff mlsystem:`): its next keys go at column 0.
    if (/^\ufeff[ ]*$/.test(this.text.slice(lineStart, start)) && this.startsWithBom(lineStart)) return 0;
    const explicit = /\?[ \t]*$/.exec(this.text.slice(lineStart, start));
    return this.column(explicit ? start - explicit[0].length : start);
  }

  /** The text after a flow collection's last item: a separator when no trailing comma is written already. */
  private flowSeparator(lastEnd: number, close: number): string {
    return this.text.slice(lastEnd, close).includes(',') ? ' ' : ', ';
  }

  /** Offset of the start of the line after the one holding `offset - 1`, and whether a line break must lead. */
  private afterLine(endOffset: number): { at: number; lead: string } {
    const lines = this.loc.lines;
    const line = lines.positionAt(Math.max(endOffset - 1, 0)).line;
    if (line + 1 < lines.lineCount) return { at: lines.lineStart(line + 1), lead: '' };
    return { at: this.text.length, lead: this.text.length && !this.text.endsWith('\n') ? '\n' : '' };
  }

  private pairEnd(pair: Pair): number {
    const value = pair.value as Node | null;
    return value?.range?.[1] ?? (pair.key as Node).range?.[1] ?? 0;
  }

  private isFlow(node: YAMLMap | YAMLSeq): boolean {
    if (node.flow) return true;
    const start = node.range?.[0] ?? 0;
    // A block mapping whose first key is a flow collection (`[a, b]: x`) starts with a bracket too.
    const first = (isMap(node) ? node.items[0]?.key : node.items[0]) as Node | null | undefined;
    if (first?.range?.[0] === start) return false;
    return this.text[start] === '{' || this.text[start] === '[';
  }

  /**
   * Replace the value of the entry at `path` (typically null, blank or an empty collection)
   * with `value`: a scalar on the key's line, a collection as a block below it (as flow
   * when the entry sits inside a flow mapping, where a block would not parse).
   */
  fillEmpty(path: DataPath, value: unknown): TextEdit | undefined {
    const located = this.writable(path);
    if (located === 'shared') return undefined;
    const pair = located?.pair;
    if (!pair) {
      // The document itself is empty (not `~`: text after a root scalar would not parse).
      if (path.length === 0 && !this.loc.doc?.contents) {
        const { at, lead } = this.afterLine(this.text.length);
        return this.edit(at, at, () => lead + toBlock(value, 0, !this.compact));
      }
      return undefined;
    }
    const key = pair.key as Node;
    const keyEnd = key.range?.[1] ?? 0;
    const node = located.node;
    const valueEnd = node?.range && node.range[1] > node.range[0] ? node.range[1] : this.text.indexOf(':', keyEnd) + 1;
    // A block scalar's range takes its line break with it: give the line break back.
    const eol = this.text[valueEnd - 1] === '\n' ? '\n' : '';
    if (value === null || typeof value !== 'object' || (located.parent && this.isFlow(located.parent))) {
      return this.edit(keyEnd, valueEnd, () => ': ' + this.flow(value) + eol);
    }
    const indent = this.keyColumn(key) + 2;
    return this.edit(keyEnd, valueEnd, () => ':\n' + toBlock(value, indent).replace(/\n$/, '') + eol);
  }

  /** Add entries to the mapping at `mapPath`, creating missing parents. Undefined when it is not a mapping. */
  insertEntries(mapPath: DataPath, entries: Record<string, unknown>): TextEdit | undefined {
    const located = this.writable(mapPath);
    if (located === 'shared') return undefined;
    if (!located) {
      const key = mapPath[mapPath.length - 1];
      if (typeof key !== 'string') return undefined;
      return this.insertEntries(mapPath.slice(0, -1), { [key]: entries });
    }
    const node = located.node;
    if (node === null || (isScalar(node) && node.value === null)) return this.fillEmpty(mapPath, entries);
    // A `!!set` takes keys only; other tagged mappings may not take what a fix writes either.
    if (!isMap(node) || !plainlyTagged(node, 'map')) return undefined;
    // A key that is itself a block collection (`? a: 1`) leaves no column to write at.
    if (node.items.some((p) => (isMap(p.key) || isSeq(p.key)) && !this.isFlow(p.key))) return undefined;
    if (this.isFlow(node)) {
      const close = this.text.lastIndexOf('}', (node.range?.[1] ?? 1) - 1);
      if (close < 0) return undefined;
      const last = node.items[node.items.length - 1];
      // Only spaces and commas may stand between the last entry and the brace, and an
      // explicit key (`? a`) in a flow mapping leaves no safe place to add one.
      if (last && /[^\s,]/.test(this.text.slice(this.pairEnd(last), close))) return undefined;
      if (node.items.some((p) => /\?\s*$/.test(this.text.slice(Math.max(0, ((p.key as Node | null)?.range?.[0] ?? 0) - 8), (p.key as Node | null)?.range?.[0] ?? 0)))) return undefined;
      const lead = last ? this.flowSeparator(this.pairEnd(last), close) : '';
      const body = this.flow(entries).replace(/^\{\s*|\s*\}$/g, '');
      return this.edit(close, close, () => lead + body + (last || this.compact ? '' : ' '));
    }
    if (!node.items.length) return this.fillEmpty(mapPath, entries);
    // The last key's column: a mapping's first line may be indented differently (` a: 1` after a BOM).
    const indent = this.keyColumn(node.items[node.items.length - 1].key as Node);
    // Keys at other columns (an empty key after a flow collection, ` ]: `) leave no column an insert would join.
    if (node.items.some((p) => p.key !== null && this.keyColumn(p.key as Node) !== indent)) return undefined;
    const ordered = Object.fromEntries(inFormatOrder(mapPath, Object.keys(entries)).map((key) => [key, entries[key]]));
    const { at, lead } = this.blockInsertion(node, mapPath, Object.keys(ordered)[0]);
    return this.edit(at, at, () => lead + toBlock(ordered, indent, !this.compact));
  }

  /**
   * Add entries to the mapping at `mapPath`, each where the format puts it among the
   * entries already there: one edit per place (`task` beside `inputs`, `baseline` after
   * `metrics`). Empty when the mapping cannot take them.
   */
  placeEntries(mapPath: DataPath, entries: Record<string, unknown>): TextEdit[] {
    const keys = inFormatOrder(mapPath, Object.keys(entries));
    if (!keys.length) return [];
    const located = this.writable(mapPath);
    const node = located === 'shared' ? undefined : located?.node;
    const groups = new Map<number, string[]>();
    if (isMap(node) && node.items.length && !this.isFlow(node)) {
      for (const key of keys) {
        const at = this.blockInsertion(node, mapPath, key).at;
        groups.set(at, [...(groups.get(at) ?? []), key]);
      }
    } else {
      groups.set(0, keys);
    }
    return [...groups.values()].flatMap((group) => this.insertEntries(mapPath, Object.fromEntries(group.map((key) => [key, entries[key]]))) ?? []);
  }

  /**
   * Where new entries starting with `key` go in a block mapping, in the format's order (a
   * missing section among the sections, a framing's `task` beside its `inputs`). Past the
   * last entry the format puts before `key`, up to the next entry it puts after `key`:
   * there, after the entries between them, so keys it does not know (`x-` keys) stay with
   * what they follow. When the first entry already comes after `key`, before it (if it
   * starts its line). Anywhere else, and for a key the format does not know, at the end.
   */
  private blockInsertion(node: YAMLMap, mapPath: DataPath, key: string): { at: number; lead: string } {
    const order = keysAt(mapPath);
    const rank = order.indexOf(key);
    const items = node.items as Pair[];
    const ranks = items.map((p) => (isScalar(p.key) && typeof p.key.value === 'string' ? order.indexOf(p.key.value) : -1));
    let next = -1;
    if (rank >= 0) {
      let lastBefore = -1;
      ranks.forEach((r, i) => {
        if (r >= 0 && r < rank) lastBefore = i;
      });
      next = ranks.findIndex((r, i) => i > lastBefore && r > rank);
    }
    if (next === 0) {
      const start = this.withProps(items[0].key as Node);
      const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
      // Nothing but indentation before it (not `- id: x`, nor a byte-order mark).
      if (/^[ ]*$/.test(this.text.slice(lineStart, start))) return { at: lineStart, lead: '' };
    }
    return this.afterLine(this.pairEnd(items[next > 0 ? next - 1 : items.length - 1]));
  }

  /** Append an item to the list at `seqPath`, creating it (and its parents) when missing. */
  appendItem(seqPath: DataPath, value: unknown): TextEdit | undefined {
    const located = this.writable(seqPath);
    if (located === 'shared') return undefined;
    const key = seqPath[seqPath.length - 1];
    if (!located) {
      if (typeof key !== 'string') return undefined;
      return this.insertEntries(seqPath.slice(0, -1), { [key]: [value] });
    }
    const node = located.node;
    if (node === null || (isScalar(node) && node.value === null)) return this.fillEmpty(seqPath, [value]);
    // `!!omap` and `!!pairs` lists hold one-key mappings only.
    if (!isSeq(node) || !plainlyTagged(node, 'seq')) return undefined;
    if (this.isFlow(node)) {
      const close = this.text.lastIndexOf(']', (node.range?.[1] ?? 1) - 1);
      if (close < 0) return undefined;
      const last = node.items[node.items.length - 1] as Node | undefined;
      const lead = last ? this.flowSeparator(last.range?.[1] ?? close, close) : '';
      return this.edit(close, close, () => lead + this.flow(value));
    }
    if (!node.items.length) return this.fillEmpty(seqPath, [value]);
    const dash = this.text.lastIndexOf('-', this.withProps(node.items[0] as Node));
    const indent = this.column(dash);
    const last = node.items[node.items.length - 1] as Node;
    const { at, lead } = this.afterLine(last.range?.[1] ?? 0);
    return this.edit(at, at, () => lead + toBlock([value], indent, !this.compact));
  }

  /** Replace the value at `path` with `value` written on one line. */
  replaceValue(path: DataPath, value: unknown): TextEdit | undefined {
    const located = this.writable(path);
    const range = located === 'shared' ? undefined : located?.node?.range;
    if (!range) return undefined;
    return this.edit(range[0], range[1], () => this.flow(value));
  }

  /** Rename the key of the mapping entry at `path`. */
  renameKey(path: DataPath, newKey: string): TextEdit | undefined {
    const located = this.writable(path);
    const range = located === 'shared' ? undefined : (located?.pair?.key as Node | undefined)?.range;
    if (!range) return undefined;
    return this.edit(range[0], range[1], () => this.flow(newKey));
  }

  /** Remove the mapping entry at `path`, with its lines. */
  removeEntry(path: DataPath): TextEdit | undefined {
    const located = this.writable(path);
    if (located === 'shared') return undefined;
    const pair = located?.pair;
    const keyStart = (pair?.key as Node | undefined)?.range?.[0];
    if (!pair || keyStart === undefined || !located?.parent) return undefined;
    if (this.isFlow(located.parent) || located.parent.items.length === 1) {
      // The last entry of a mapping: leave an empty flow mapping so the parent stays a mapping.
      if (path.length > 1) return this.replaceValue(path.slice(0, -1), {});
    }
    const lines = this.loc.lines;
    const start = lines.lineStart(lines.positionAt(keyStart).line);
    return this.edit(start, this.afterLine(this.pairEnd(pair)).at, '');
  }

  /** Remove a list item with its lines; the last item takes its list's entry with it. */
  removeItem(seqPath: DataPath, index: number): TextEdit | undefined {
    const located = this.writable(seqPath);
    const seq = located === 'shared' ? undefined : located?.node;
    if (!isSeq(seq) || !seq.items[index]) return undefined;
    const items = seq.items as Node[];
    if (items.length === 1) {
      if (typeof seqPath[seqPath.length - 1] === 'string') return this.removeEntry(seqPath);
      return this.replaceValue(seqPath, []);
    }
    const item = items[index];
    if (this.isFlow(seq)) {
      const start = index > 0 ? items[index - 1].range![1] : item.range![0];
      const end = index > 0 ? item.range![1] : items[index + 1].range![0];
      return this.edit(start, end, '');
    }
    const lines = this.loc.lines;
    const lineOf = (n: Node): number => lines.positionAt(this.text.lastIndexOf('-', this.withProps(n))).line;
    // The item's own comment lines above it go with it, when they sit at its dash's column or deeper.
    const dashColumn = this.column(this.text.lastIndexOf('-', this.withProps(item)));
    let first = lineOf(item);
    const previousItemLine = index > 0 ? lines.positionAt(Math.max(items[index - 1].range![1] - 1, 0)).line : -1;
    while (first - 1 > previousItemLine) {
      const above = this.text.slice(lines.lineStart(first - 1), lines.lineStart(first)).replace(/\r?\n$/, '');
      const comment = /^([ \t]*)#/.exec(above);
      if (!comment || comment[1].length < dashColumn) break;
      first--;
    }
    const start = lines.lineStart(first);
    const end = index + 1 < items.length ? lines.lineStart(lineOf(items[index + 1])) : this.afterLine(item.range![1]).at;
    return this.edit(start, end, '');
  }
}
