/** Document symbols (Outline, breadcrumbs, symbol pickers) from a review's outline. Host-free. */
import { LineIndex } from '../engine';
import type { OutlineKind, OutlineNode, Range } from '../engine';
import type { SymbolKindName } from './kinds';

const KINDS: Record<OutlineKind, SymbolKindName> = {
  section: 'Namespace',
  objective: 'Event',
  framing: 'Function',
  metric: 'Number',
  pillar: 'Struct',
  stage: 'EnumMember',
  stakeholder: 'Object',
  waiver: 'Key',
  field: 'Field',
};

export interface SymbolData {
  name: string;
  detail: string;
  kind: SymbolKindName;
  range: Range;
  /** Inside `range`, as both hosts require. */
  selectionRange: Range;
  children: SymbolData[];
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const contains = (outer: Range, inner: Range): boolean => !before(inner.start, outer.start) && !before(outer.end, inner.end);

export function designSymbols(text: string, outline: readonly OutlineNode[]): SymbolData[] {
  const lines = new LineIndex(text);
  const toSymbol = (n: OutlineNode): SymbolData => {
    const range = lines.range(n.start, n.end);
    const selection = lines.range(n.selectionStart, n.selectionEnd);
    return { name: n.name, detail: n.detail, kind: KINDS[n.kind], range, selectionRange: contains(range, selection) ? selection : range, children: n.children.map(toSymbol) };
  };
  return outline.map(toSymbol);
}
