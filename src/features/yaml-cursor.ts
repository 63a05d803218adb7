/**
 * Where the cursor is in a design document, as a data path: what completion and hover
 * ask first. Host-free (no `vscode`), so it is unit-tested directly.
 *
 * Completion runs on text the user is in the middle of typing, so it does not read the
 * tree as it is: it puts a marker where the cursor's word is, parses that, and finds the
 * marker. The `yaml` package recovers from most incomplete input, so this works on
 * half-written documents as well.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node, YAMLMap } from 'yaml';

export type DataPath = (string | number)[];

const MARKER = '__mlsystem_cursor__';
const WORD = /[A-Za-z0-9_.-]/;

export interface CursorContext {
  /**
   * `key`: the cursor is where a mapping key goes; `path` is the mapping's path and
   * `presentKeys` the keys it already has.
   * `value`: the cursor is on a scalar value; `path` is that value's path (a list item's
   * path ends with its index); `presentValues` are the list's other items.
   * `item`: the cursor follows a bare `- `: a new list item, which may become a mapping
   * (keys of `path`) or a scalar (values of `path`).
   */
  kind: 'key' | 'value' | 'item';
  path: DataPath;
  presentKeys: string[];
  presentValues: string[];
  /** The partial word under the cursor, as offsets into the text. */
  wordStart: number;
  wordEnd: number;
  /** The document as plain data (for its own ids), when it can be read. */
  data?: unknown;
}

/** The path from the document root through `ancestors` (as `visit` reports them) to the child `key`. */
function pathThrough(ancestors: readonly unknown[], leafKey: unknown): DataPath {
  const path: DataPath = [];
  const chain = [...ancestors.slice(1)];
  for (let i = 0; i < chain.length; i++) {
    const node = chain[i];
    const next = i + 1 < chain.length ? chain[i + 1] : undefined;
    if (isPair(node)) {
      path.push(String(isScalar(node.key) ? node.key.value : node.key));
    } else if (isSeq(node)) {
      const index = next !== undefined ? node.items.indexOf(next as Node) : Number(leafKey);
      path.push(index);
    }
  }
  return path;
}

function keysOf(map: YAMLMap): string[] {
  return map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k && k !== MARKER);
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** What to complete at `offset`. Undefined in comments and where nothing sensible can be said. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  let wordStart = offset;
  while (wordStart > 0 && WORD.test(text[wordStart - 1])) wordStart--;
  let wordEnd = offset;
  while (wordEnd < text.length && WORD.test(text[wordEnd])) wordEnd++;
  const lineStart = text.lastIndexOf('\n', wordStart - 1) + 1;
  const before = text.slice(lineStart, wordStart);
  const after = text.slice(wordEnd, lineEndAt(text, wordEnd));
  if (/(^|\s)#/.test(before)) return undefined;

  let kind: CursorContext['kind'];
  if (/^\s*(-\s+)*$/.test(before)) kind = /-\s+$/.test(before) && after.trim() === '' ? 'item' : 'key';
  else if (/:\s+\S*$|:\s+["']$|[[{,]\s*["']?$/.test(before)) kind = 'value';
  else return undefined;

  const marker = kind === 'key' && !/^\s*:/.test(after) ? `${MARKER}:` : MARKER;
  const patched = text.slice(0, wordStart) + marker + text.slice(wordEnd);
  const doc = parseDocument(patched, { prettyErrors: false });
  let found: CursorContext | undefined;
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (node.value !== MARKER) return undefined;
      const parent = ancestors[ancestors.length - 1];
      if (isPair(parent) && key === 'key') {
        const map = ancestors[ancestors.length - 2];
        found = {
          kind: 'key',
          path: pathThrough(ancestors.slice(0, -1), undefined),
          presentKeys: isMap(map) ? keysOf(map) : [],
          presentValues: [],
          wordStart,
          wordEnd,
        };
      } else if (isPair(parent) || isSeq(parent)) {
        const siblings = isSeq(parent)
          ? parent.items.filter((i) => isScalar(i) && i.value !== MARKER).map((i) => String((i as { value: unknown }).value))
          : [];
        found = { kind: kind === 'item' ? 'item' : 'value', path: pathThrough(ancestors, key), presentKeys: [], presentValues: siblings, wordStart, wordEnd };
      } else if (ancestors.length <= 1 && kind !== 'value') {
        // The whole document is the word being typed: a top-level key.
        found = { kind: 'key', path: [], presentKeys: [], presentValues: [], wordStart, wordEnd };
      }
      return visit.BREAK;
    },
  });
  if (found) found.data = readData(text);
  return found;
}

/** The text as plain data, or undefined when it cannot be read (aliases past the limit...). */
function readData(text: string): unknown {
  try {
    return parseDocument(text, { prettyErrors: false }).toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** The data path of the node at `offset` in a parsed document, and whether it is a key. */
export interface NodeAt {
  path: DataPath;
  /** True on a mapping key: the path is that entry's path. */
  onKey: boolean;
  /** The scalar under the cursor (key or value). */
  value: unknown;
  start: number;
  end: number;
}

/** The scalar at `offset` (key or value) with its data path, for hover. */
export function nodeAt(text: string, offset: number): NodeAt | undefined {
  const doc = parseDocument(text, { prettyErrors: false });
  let found: NodeAt | undefined;
  visit(doc, {
    Scalar(key, node, ancestors) {
      const r = node.range;
      if (!r || offset < r[0] || offset > r[1]) return undefined;
      const parent = ancestors[ancestors.length - 1];
      if (isPair(parent) && key === 'key') {
        found = { path: pathThrough(ancestors, key), onKey: true, value: node.value, start: r[0], end: r[1] };
      } else {
        const path = pathThrough(ancestors, key);
        found = { path, onKey: false, value: node.value, start: r[0], end: r[1] };
      }
      return visit.BREAK;
    },
  });
  return found;
}
