/**
 * Data path <-> text range, in one place. Every finding's range and every fix's edit
 * position goes through here (ajv's instancePath included).
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Anchor, DataPath, Position, Range } from './basics';

/** Offsets <-> zero-based line/character positions for one text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStart(position.line);
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The node at a data path, with the pair that holds it when its parent is a mapping. */
export interface Located {
  node: Node | null;
  pair?: Pair;
  parent: YAMLMap | YAMLSeq | undefined;
  /**
   * The alias of a merge (`<<: *defaults`) the path was read through: the node itself is
   * the anchored one, written elsewhere and shared. Findings are shown on this alias, and
   * no fix writes through it.
   */
  through?: Node;
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * A YAML 1.1 merge key: `<<` written plain (a quoted `"<<"` is an ordinary key), untagged
 * or tagged `!!merge`. Its value's mappings are merged into the mapping that holds it.
 */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && (!key.type || key.type === 'PLAIN') && (!key.tag || key.tag === MERGE_TAG);
}

/** Stands for a merge key in the key index, so no data key ever finds it. */
const MERGE = Symbol('merge');

/** A scalar key as the data names it (`null`, `1` and `true` keys become strings, as in the parsed data). */
function keyOf(pair: Pair): unknown {
  if (isMergeKey(pair.key)) return MERGE;
  return isScalar(pair.key) ? String(pair.key.value) : pair.key;
}

/**
 * What a merge key's value merges, in order (earlier ones win): the mappings it names,
 * each with the alias it is read through (none for a mapping written in place).
 * Undefined when it names something that is not a mapping.
 */
export function mergeSources(value: unknown, doc: Document | undefined): { map: YAMLMap; through?: Node }[] | undefined {
  const source = (node: unknown): { map: YAMLMap; through?: Node } | undefined => {
    if (isMap(node)) return { map: node };
    if (isAlias(node) && doc) {
      const target = node.resolve(doc);
      return isMap(target) ? { map: target, through: node } : undefined;
    }
    return undefined;
  };
  const items = isSeq(value) ? value.items : [value];
  const sources = items.map(source);
  return sources.every((s) => s !== undefined) ? (sources as { map: YAMLMap; through?: Node }[]) : undefined;
}

/**
 * Each wide mapping's keys, indexed on its first lookup, each list's id counts, counted
 * once, and each mapping's merge keys: kept by the locator, so they go with the review. (A
 * module-level WeakMap lives in the old generation, and V8's young-generation collections
 * keep its entries alive, so every review's document outlived them: a run over many files
 * held far more memory.)
 */
type PairIndexes = Map<YAMLMap, Map<unknown, Pair>>;
type IdCounts = Map<YAMLSeq, Map<string, number>>;
type MergePairs = Map<YAMLMap, Pair[]>;

export function findPair(map: YAMLMap, key: string, indexes?: PairIndexes): Pair | undefined {
  if (map.items.length < 8 || !indexes) {
    for (const item of map.items) if (keyOf(item) === key) return item;
    return undefined;
  }
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    // The first of duplicate keys wins, as in the linear scan.
    for (const item of map.items) if (!index.has(keyOf(item))) index.set(keyOf(item), item as Pair);
    indexes.set(map, index);
  }
  return index.get(key);
}

/** How many items of the list carry the id. */
function idCount(seq: YAMLSeq, id: string, known: IdCounts): number {
  let counts = known.get(seq);
  if (!counts) {
    counts = new Map();
    for (const item of seq.items) {
      const other = itemId(item);
      if (other !== undefined) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    known.set(seq, counts);
  }
  return counts.get(id) ?? 0;
}

/** The `id` of a list item written as a mapping, when it is a string. */
export function itemId(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = findPair(node, 'id');
  const value = pair && isScalar(pair.value) ? pair.value.value : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * How a waiver target names a list item: by its id when no other item of the list shares
 * it (`sharing` counts the items with this id) and it has no dot; else by its index.
 */
export function itemTargetName(id: string | undefined, sharing: number, index: number): string {
  return id !== undefined && id.trim() !== '' && !id.includes('.') && sharing === 1 ? id : String(index);
}

export class Locator {
  private readonly pairIndexes: PairIndexes = new Map();
  private readonly idCounts: IdCounts = new Map();
  private readonly mergePairs: MergePairs = new Map();

  constructor(
    readonly doc: Document.Parsed | undefined,
    readonly lines: LineIndex,
  ) {}

  /**
   * The entry for `key` in `map`: its own, else the one a merge key brings in (YAML 1.1
   * merge, as the parsed data reads it: the mapping's own keys win, then earlier sources).
   * `depth` bounds merges of merges, as the data's nesting limit bounds them.
   */
  private entry(map: YAMLMap, key: string, depth = 0): { pair: Pair; map: YAMLMap; through?: Node } | undefined {
    const pair = findPair(map, key, this.pairIndexes);
    if (pair) return { pair, map };
    let merges = this.mergePairs.get(map);
    if (!merges) {
      merges = map.items.filter((p) => isMergeKey(p.key)) as Pair[];
      this.mergePairs.set(map, merges);
    }
    if (!merges.length || depth > 64) return undefined;
    for (const merge of merges) {
      for (const source of mergeSources(merge.value, this.doc) ?? []) {
        const found = this.entry(source.map, key, depth + 1);
        if (found) return { ...found, through: found.through ?? source.through };
      }
    }
    return undefined;
  }

  /** The node at `path`, or undefined when the path does not exist. */
  locate(path: DataPath): Located | undefined {
    let node: Node | null = (this.doc?.contents as Node | null) ?? null;
    let located: Located = { node, parent: undefined };
    let through: Node | undefined;
    for (const segment of path) {
      if (isMap(node) && typeof segment === 'string') {
        const found = this.entry(node, segment);
        if (!found) return undefined;
        through ??= found.through;
        located = { node: (found.pair.value as Node | null) ?? null, pair: found.pair, parent: found.map };
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (item === undefined) return undefined;
        located = { node: item, parent: node };
      } else {
        return undefined;
      }
      if (through) located.through = through;
      node = located.node;
    }
    return located;
  }

  node(path: DataPath): Node | null | undefined {
    return this.locate(path)?.node;
  }

  private nodeRange(node: { range?: [number, number, number] | null } | null | undefined): Range | undefined {
    const r = node?.range;
    return r ? this.lines.range(r[0], r[1]) : undefined;
  }

  /** The key of the mapping entry at `path`. */
  keyRange(path: DataPath): Range | undefined {
    const located = this.locate(path);
    if (located?.through) return this.nodeRange(located.through);
    return located?.pair ? this.nodeRange(located.pair.key as Node) : undefined;
  }

  /** The value at `path` (for a key with no value, the key). */
  valueRange(path: DataPath): Range | undefined {
    const located = this.locate(path);
    if (!located) return undefined;
    if (located.through) return this.nodeRange(located.through);
    const node = located.node;
    if (node?.range && !(isScalar(node) && node.range[0] === node.range[1] && located.pair)) {
      return this.nodeRange(node);
    }
    return located.pair ? this.nodeRange(located.pair.key as Node) : undefined;
  }

  /** A list item from its start to the end of its first line. */
  itemRange(path: DataPath): Range | undefined {
    const located = this.locate(path);
    if (located?.through) return this.nodeRange(located.through);
    const r = located?.node?.range;
    if (!r) return undefined;
    const start = this.lines.positionAt(r[0]);
    const firstLineEnd = this.lines.lineEnd(start.line);
    const text = this.lines.text.slice(r[0], Math.min(firstLineEnd, r[1]));
    const trimmed = text.replace(/\s+#.*$|\s+$/, '');
    return { start, end: this.lines.positionAt(r[0] + Math.max(trimmed.length, 1)) };
  }

  /**
   * Where a finding about the thing at `path` is shown: a mapping entry's key, or a list
   * item's first line. Undefined when the path does not exist.
   */
  subjectRange(path: DataPath): Range | undefined {
    if (path.length === 0) return this.firstKeyRange();
    if (typeof path[path.length - 1] === 'number') return this.itemRange(path);
    return this.keyRange(path) ?? this.valueRange(path);
  }

  /**
   * Where a finding about a missing thing at `path` is shown: the key of the nearest
   * existing section that should hold it, or the document's first key.
   */
  missingRange(path: DataPath): Range {
    for (let n = path.length - 1; n > 0; n--) {
      const range = this.subjectRange(path.slice(0, n));
      if (range) return range;
    }
    return this.firstKeyRange();
  }

  /** The part of the node at `path` that `at` names; undefined when the text holds no such node. */
  anchorRange(path: DataPath, at: Anchor): Range | undefined {
    switch (at) {
      case 'subject':
        return this.subjectRange(path);
      case 'value':
        return this.valueRange(path);
      case 'key':
        return this.keyRange(path);
      case 'missing':
        return this.missingRange(path);
    }
  }

  /** The thing at `path` where it is written, or where it would go. */
  placeRange(path: DataPath): Range {
    return this.subjectRange(path) ?? this.missingRange(path);
  }

  /** The document's first key (normally `mlsystem`), or the start of the text. */
  firstKeyRange(): Range {
    const contents = this.doc?.contents;
    if (isMap(contents) && contents.items.length) {
      const range = this.nodeRange(contents.items[0].key as Node);
      if (range) return range;
    }
    const r = (contents as Node | null | undefined)?.range;
    if (r) return this.lines.range(r[0], Math.min(r[1], this.lines.lineEnd(this.lines.positionAt(r[0]).line)));
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }

  /** A path as a waiver `target`: dotted, list items named by their `id` where it is unique. */
  target(path: DataPath): string {
    const parts: string[] = [];
    let node: Node | null | undefined = this.doc?.contents as Node | null;
    for (const segment of path) {
      if (typeof segment === 'number') {
        const item: Node | undefined = isSeq(node) ? (node.items[segment] as Node | undefined) : undefined;
        const id = itemId(item);
        parts.push(itemTargetName(id, id !== undefined && isSeq(node) ? idCount(node, id, this.idCounts) : 0, segment));
        node = item;
      } else {
        parts.push(segment);
        const pair: Pair | undefined = isMap(node) ? this.entry(node, segment)?.pair : undefined;
        node = (pair?.value as Node | null | undefined) ?? undefined;
      }
    }
    return parts.join('.');
  }

  /** A waiver `target` back to a data path, or undefined when it names nothing. */
  resolveTarget(target: string): DataPath | undefined {
    const path: (string | number)[] = [];
    let node: Node | null = (this.doc?.contents as Node | null) ?? null;
    for (const part of target.split('.')) {
      if (isMap(node)) {
        const pair = this.entry(node, part)?.pair;
        if (!pair) return undefined;
        path.push(part);
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node)) {
        let index = node.items.findIndex((item) => itemId(item) === part);
        if (index < 0 && /^\d+$/.test(part) && Number(part) < node.items.length) index = Number(part);
        if (index < 0) return undefined;
        path.push(index);
        node = node.items[index] as Node;
      } else {
        return undefined;
      }
    }
    return path;
  }
}

export { isAlias, isMap, isSeq, isScalar, isPair };
export type { Node, Pair, Scalar, YAMLMap, YAMLSeq };
