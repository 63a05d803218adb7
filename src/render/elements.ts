/**
 * The panel's elements by key: the stages, pillars, objectives, framings, metrics and
 * findings the page draws. Keys are stable across updates (for focus and highlight); the
 * host and the page both map them to text ranges through here. Pure: no DOM, no `vscode`.
 */
import type { FindingSummary, LifecycleModel, Position, Range } from '../engine/types';

export const elementKey = {
  stage: (id: string): string => `stage:${id}`,
  pillar: (id: string): string => `pillar:${id}`,
  objective: (index: number): string => `objective:${index}`,
  framing: (objective: number, index: number): string => `framing:${objective}:${index}`,
  metric: (objective: number, index: number): string => `metric:${objective}:${index}`,
  unlinked: (index: number): string => `unlinked:${index}`,
  /** `data.labels`, shown in the trace beside each framed objective. */
  groundTruth: (): string => 'ground-truth',
  /** The online experiment that measures an objective. */
  experiment: (objective: number): string => `experiment:${objective}`,
  section: (id: string): string => `section:${id}`,
  /** A finding listed under a stage or pillar: `owner` is that element's key. */
  finding: (owner: string, index: number): string => `finding:${owner}:${index}`,
};

interface Element {
  key: string;
  /** Where a click takes the reader: the element's key in the text. */
  range: Range;
  /** The whole entry, for the cursor highlight (absent for missing elements). */
  span?: Range;
}

function findingElements(owner: string, findings: readonly FindingSummary[]): Element[] {
  return findings.map((f, i) => ({ key: elementKey.finding(owner, i), range: f.range }));
}

/** Every element of the model, in drawing order. */
function modelElements(model: LifecycleModel): Element[] {
  const out: Element[] = [];
  for (const s of model.stages) {
    const key = elementKey.stage(s.id);
    out.push({ key, range: s.range, span: s.span }, ...findingElements(key, s.findings));
  }
  for (const p of model.pillars) {
    const key = elementKey.pillar(p.id);
    out.push({ key, range: p.range, span: p.span }, ...findingElements(key, p.findings));
  }
  model.objectives.forEach((o, oi) => {
    out.push({ key: elementKey.objective(oi), range: o.range, span: o.span });
    o.framings.forEach((f, fi) => out.push({ key: elementKey.framing(oi, fi), range: f.range, span: f.span }));
    o.metrics.forEach((m, mi) => out.push({ key: elementKey.metric(oi, mi), range: m.range, span: m.span }));
    if (o.experiment) out.push({ key: elementKey.experiment(oi), range: o.experiment.range });
  });
  if (model.groundTruth) out.push({ key: elementKey.groundTruth(), range: model.groundTruth.range, span: model.groundTruth.span });
  for (const s of model.sections) out.push({ key: elementKey.section(s.id), range: s.range });
  model.unlinkedMetrics.forEach((m, i) => out.push({ key: elementKey.unlinked(i), range: m.range, span: m.span }));
  return out;
}

export function rangeOfKey(model: LifecycleModel, key: string): Range | undefined {
  return modelElements(model).find((e) => e.key === key)?.range;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Span contains position; the end is exclusive, except that a one-line span holds its end. */
function contains(span: Range, p: Position): boolean {
  return !before(p, span.start) && (before(p, span.end) || (p.line === span.end.line && p.character === span.end.character && span.start.line === span.end.line));
}

/**
 * The elements whose entry holds `position`, to highlight while the cursor is there: the
 * innermost of each kind (a framing and its metric both light up, as do all objectives a
 * framing serves).
 */
export function keysAt(model: LifecycleModel, position: Position): string[] {
  return modelElements(model)
    .filter((e) => e.span && contains(e.span, position))
    .map((e) => e.key);
}
