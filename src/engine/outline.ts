/**
 * The outline of a design (Outline view, breadcrumbs): its sections, with objectives,
 * framings, pillars and lifecycle stages inside them, read from the review's own parse
 * (so a large design is outlined in the review worker, not on the editor's thread).
 * Offsets into the text.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';

import { isMergeKey } from './locate';
import { own } from './read';
import type { OutlineKind, OutlineNode } from './types';

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

function field(map: unknown, key: string): Pair | undefined {
  return isMap(map) ? map.items.find((p) => scalarText(p.key) === key) : undefined;
}

function span(pair: Pair): [number, number, number, number] {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const start = key.range?.[0] ?? 0;
  const keyEnd = key.range?.[1] ?? start;
  const end = Math.max(value?.range?.[1] ?? keyEnd, keyEnd);
  return [start, end, start, keyEnd];
}

const ITEM_SECTIONS: Record<string, { kind: OutlineKind; label: (item: unknown, index: number) => string; detail: (item: unknown) => string }> = {
  framing: { kind: 'framing', label: (item, i) => scalarText(field(item, 'id')?.value) ?? `framing ${i + 1}`, detail: (item) => scalarText(field(item, 'task')?.value) ?? '' },
  stakeholders: { kind: 'stakeholder', label: (item, i) => scalarText(field(item, 'name')?.value) ?? `stakeholder ${i + 1}`, detail: (item) => scalarText(field(item, 'role')?.value) ?? '' },
  waivers: { kind: 'waiver', label: (item, i) => scalarText(field(item, 'rule')?.value) ?? `waiver ${i + 1}`, detail: (item) => scalarText(field(item, 'target')?.value) ?? 'whole file' },
};

function items(seq: unknown, kind: OutlineKind, label: (item: unknown, index: number) => string, detail: (item: unknown) => string): OutlineNode[] {
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item, index) => {
    const r = (item as Node | null)?.range;
    if (!r) return [];
    const id = field(item, 'id')?.value as Node | undefined;
    const sel = id?.range ?? r;
    const node: OutlineNode = { name: label(item, index), detail: detail(item), kind, start: r[0], end: r[1], selectionStart: sel[0], selectionEnd: sel[1], children: [] };
    if (kind === 'framing') node.children = items(field(item, 'metrics')?.value, 'metric', (m, i) => scalarText(field(m, 'name')?.value) ?? `metric ${i + 1}`, (m) => scalarText(field(m, 'target')?.value) ?? '');
    return [node];
  });
}

function mapChildren(map: unknown, kind: OutlineKind, detail: (value: unknown) => string): OutlineNode[] {
  if (!isMap(map)) return [];
  // A merge key (`<<: *defaults`) is no pillar or stage of its own.
  return map.items.filter((pair) => !isMergeKey(pair.key)).map((pair) => {
    const [start, end, selectionStart, selectionEnd] = span(pair);
    return { name: scalarText(pair.key) ?? '?', detail: detail(pair.value), kind, start, end, selectionStart, selectionEnd, children: [] };
  });
}

/** The outline of a parsed document's top-level mapping (`doc.contents`). */
export function designOutline(root: unknown): OutlineNode[] {
  if (!isMap(root)) return [];
  return root.items.filter((pair) => !isMergeKey(pair.key)).map((pair) => {
    const name = scalarText(pair.key) ?? '?';
    const [start, end, selectionStart, selectionEnd] = span(pair);
    const value = pair.value;
    const node: OutlineNode = { name, detail: scalarText(value) ?? '', kind: 'section', start, end, selectionStart, selectionEnd, children: [] };
    if (name === 'business') {
      node.children = items(field(value, 'objectives')?.value, 'objective', (o, i) => scalarText(field(o, 'id')?.value) ?? `objective ${i + 1}`, (o) => scalarText(field(o, 'statement')?.value) ?? '');
    } else if (name === 'requirements') {
      node.children = mapChildren(value, 'pillar', (v) => (isMap(v) ? `${v.items.length} ${v.items.length === 1 ? 'key' : 'keys'}` : v === null || (isScalar(v) && v.value === null) ? 'empty' : 'prose'));
    } else if (name === 'lifecycle') {
      node.children = mapChildren(value, 'stage', (v) => scalarText(field(v, 'status')?.value) ?? '');
    } else {
      const s = own(ITEM_SECTIONS, name);
      if (s) node.children = items(value, s.kind, s.label, s.detail);
    }
    return node;
  });
}
