/**
 * The review report: one self-contained HTML page for a design review meeting (the CLI's
 * `report` command and the preview's "Export Review Report" write the same file). Pure
 * string building, like svg.ts and sections-html.ts: no DOM, no `vscode`, no file system.
 * No script and no external resource (styles inline, the diagram as inline SVG); every
 * text from the document goes through `escapeMarkup`. Readiness, ground truth and each
 * objective's online experiment are the engine's lifecycle model, as the preview shows them;
 * the rows and waivers here are what the CLI's Markdown summary reads too.
 */
import type { FindingRule, GroundTruth, LifecycleModel, ObjectiveTrace, Range, Readiness, Severity } from '../engine/types';
import { findingDocsUrl, RULES_BY_ID } from '../engine';
import { daysInWords } from '../engine/duration';
import { asRecord } from '../engine/read';
import { SECTION_QUESTIONS } from '../engine/readiness';
import { SECTION_IDS, SECTION_LABELS } from '../engine/vocabulary';
import type { SectionId } from '../engine/vocabulary';
import { escapeMarkup as esc } from './escape';
import { countBySeverity, plural } from '../engine/wording';
import { answer as answerMarkup } from './sections-html';
import { readinessText, renderLifecycleSvg } from './svg';

/** A finding as the report shows it: what every host has after a review. */
export interface ReportFinding {
  rule: FindingRule;
  severity: Severity;
  message: string;
  range: Range;
  /** Dotted, as a waiver names it; empty for the whole document. */
  target: string;
  /** A team's check's documentation link. */
  docs?: string;
}

export type Counts = Record<Severity, number>;

/** A scalar as text (the parser may make numbers, booleans and dates of plain values). */
function text(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

// ---- Sections and readiness --------------------------------------------------------------

/** Where a finding is grouped: the engine's sections in the format's order, then the waivers. */
const FINDING_GROUPS: readonly string[] = ['', ...SECTION_IDS, 'waivers'];

/** The section a finding belongs to: its target's first segment (`''` for the whole document; name, summary and owners are the identity). */
export function sectionOf(target: string): string {
  const first = target.split('.')[0] ?? '';
  return SECTION_QUESTIONS.identity.keys.includes(first) ? 'identity' : first;
}

export function sectionLabel(id: string): string {
  if (!id) return 'Whole document';
  if (id === 'waivers') return 'Waivers';
  return Object.prototype.hasOwnProperty.call(SECTION_LABELS, id) ? SECTION_LABELS[id as SectionId] : id;
}

/** The engine's readiness of one section or pillar, with the findings about it. */
export interface ReadinessRow extends Readiness {
  kind: 'section' | 'pillar';
  id: string;
  label: string;
  counts: Counts;
}

/**
 * One row per section, then one per pillar: how far the design answers it (the lifecycle
 * model's reading, as the preview shows it), and the findings about it. A section row counts
 * every finding under it (pillars included).
 */
export function readiness(model: LifecycleModel, findings: readonly ReportFinding[]): ReadinessRow[] {
  const row = (kind: ReadinessRow['kind'], id: string, label: string, r: Readiness, about: (target: string) => boolean): ReadinessRow => ({
    kind, id, label, state: r.state, answered: r.answered, placeholders: r.placeholders, missing: r.missing,
    counts: countBySeverity(findings.filter((f) => about(f.target))),
  });
  return [
    ...model.sections.map((s) => row('section', s.id, s.label, s, (target) => sectionOf(target) === s.id)),
    ...model.pillars.map((p) => row('pillar', p.id, p.label, p.readiness, (target) => target === `requirements.${p.id}` || target.startsWith(`requirements.${p.id}.`))),
  ];
}

/** Placeholders left across the sections: the design's open questions. */
export function openQuestions(model: LifecycleModel): number {
  return model.sections.reduce((n, s) => n + s.placeholders, 0);
}

// ---- Waivers -------------------------------------------------------------------------------

/** A waiver expiring within this many days of the review date is marked. */
export const EXPIRING_WITHIN_DAYS = 30;

export type WaiverState = 'active' | 'expiring' | 'expired' | 'no expiry';

export interface WaiverEntry {
  rule?: string;
  target?: string;
  reason?: string;
  note?: string;
  owner?: string;
  expires?: string;
  state: WaiverState;
  /** Days from the review date to `expires` (negative once expired). */
  daysLeft?: number;
}

function dayNumber(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : t / 86_400_000;
}

/** The document's waivers as written, each with its state on the review date (`today`, YYYY-MM-DD). */
export function designWaivers(design: unknown, today: string): WaiverEntry[] {
  const list = asRecord(design)?.waivers;
  if (!Array.isArray(list)) return [];
  const now = dayNumber(today);
  return list.map((raw): WaiverEntry => {
    const w = asRecord(raw) ?? {};
    const expires = text(w.expires);
    const day = expires === undefined ? undefined : dayNumber(expires);
    const daysLeft = day === undefined || now === undefined ? undefined : day - now;
    const state: WaiverState = daysLeft === undefined ? 'no expiry' : daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active';
    return { rule: text(w.rule), target: text(w.target), reason: text(w.reason), note: text(w.note), owner: text(w.owner), expires, state, daysLeft };
  });
}

export function waiverStateText(w: WaiverEntry): string {
  switch (w.state) {
    case 'expired': return `expired ${plural(-(w.daysLeft ?? 0), 'day')} ago`;
    case 'expiring': return w.daysLeft === 0 ? 'expires today' : `expires in ${plural(w.daysLeft ?? 0, 'day')}`;
    case 'active': return 'active';
    default: return 'no expiry date';
  }
}

// ---- Evaluation ----------------------------------------------------------------------------

/**
 * What the trace shows of `evaluation` beside each objective's experiment (which the
 * lifecycle model links): the offline evaluation and the online guardrails.
 */
function evaluationNotes(design: unknown): { offline?: string; guardrails: string[] } {
  const evaluation = asRecord(asRecord(design)?.evaluation) ?? {};
  const guardrails = asRecord(evaluation.online)?.guardrails;
  return {
    offline: text(evaluation.offline),
    guardrails: (Array.isArray(guardrails) ? guardrails : [guardrails]).map(text).filter((t): t is string => t !== undefined && t.trim() !== ''),
  };
}

// ---- The HTML report -----------------------------------------------------------------------

export interface ReviewReportInput {
  /** The design's file name as the user knows it. */
  fileName: string;
  model: LifecycleModel;
  findings: readonly ReportFinding[];
  /** The design as plain data (undefined when it cannot be read). */
  design: unknown;
  /** The review date, YYYY-MM-DD: waivers' expiry is judged against it. */
  today: string;
  /** "mlsystem-review 1.2.3", for the footer. */
  generator: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

function countsText(counts: Counts): string {
  if (!counts.error && !counts.warning && !counts.info) return 'no findings';
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
}

function countCells(counts: Counts): string {
  return (['error', 'warning', 'info'] as const).map((s) => `<td class="num${counts[s] ? ` sev-${s}` : ''}">${counts[s]}</td>`).join('');
}

function numberCells(values: readonly number[]): string {
  return values.map((n) => `<td class="num">${n}</td>`).join('');
}

/** Document text as an answer: a placeholder is marked as an open question, never shown as an answer. */
const answer = (value: string): string => answerMarkup(value, '<span class="open-question">open question</span> ');

function readinessTable(rows: readonly ReadinessRow[], open: number): string {
  const body = (kind: ReadinessRow['kind']): string =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => `<tr class="readiness-${r.state}"><th scope="row">${esc(r.label)}</th><td><span class="state state-${r.state}" title="${esc(readinessText(r))}">${r.state}</span></td>${numberCells([r.answered, r.placeholders, r.missing])}${countCells(r.counts)}</tr>`)
      .join('');
  const head = (first: string): string =>
    `<thead><tr><th scope="col">${first}</th><th scope="col">State</th>${['Answered', 'Placeholders', 'Missing', 'Errors', 'Warnings', 'Info'].map((h) => `<th scope="col" class="num">${h}</th>`).join('')}</tr></thead>`;
  return [
    '<section class="readiness" aria-labelledby="readiness-heading"><h2 id="readiness-heading">Readiness</h2>',
    open ? `<p class="open-questions">${esc(`${plural(open, 'placeholder')} still to answer: open questions for the review.`)}</p>` : '',
    `<table class="card">${head('Section')}<tbody>${body('section')}</tbody></table>`,
    `<table class="card">${head('Pillar')}<tbody>${body('pillar')}</tbody></table>`,
    '</section>',
  ].join('');
}

/** Where the framings' ground truth comes from, and how late it arrives. */
function groundTruthColumn(truth: GroundTruth | undefined): string {
  if (!truth) return '<p class="none">No label source given.</p>';
  const source = truth.source ? `<p>${answer(truth.source)}</p>` : '<p class="none">Label source not given.</p>';
  const inWords = truth.delayDays === undefined ? undefined : daysInWords(truth.delayDays);
  const delay = truth.delay
    ? `<p>Known ${answer(truth.delay)}${inWords !== undefined && inWords !== truth.delay.trim() ? ` (${esc(inWords)})` : ''} after a prediction.</p>`
    : '<p class="none">Label delay not given.</p>';
  return source + delay;
}

/** The online experiment that measures the objective. */
function experimentColumn(o: ObjectiveTrace): string {
  const e = o.experiment;
  if (!e) return '<p class="none">Not measured online.</p>';
  if (e.description !== undefined) return `<p>${answer(e.description)}</p>`;
  return `<p>${e.method ? answer(e.method) : 'An online experiment (method not given).'}</p>`;
}

function traceSection(model: LifecycleModel, evaluation: { offline?: string; guardrails: string[] }): string {
  const cards = model.objectives.map((o) => {
    const framings = o.framings.length
      ? `<ul>${o.framings.map((f) => `<li>${esc(f.id)}${f.task ? ` <span class="muted">(${esc(f.task)})</span>` : ''}</li>`).join('')}</ul>`
      : '<p class="none">No framing serves it.</p>';
    const metrics = o.metrics.length
      ? `<ul>${o.metrics.map((m) => `<li>${answer(m.name)}${m.target ? ` <span class="target">${answer(m.target)}</span>` : ''} <span class="muted">via ${esc(m.framing)}</span></li>`).join('')}</ul>`
      : '<p class="none">No ML metric moves it.</p>';
    return [
      `<article class="card objective${o.unframed ? ' unframed' : ''}">`,
      `<h3>${esc(o.id)}${o.unframed ? ' <span class="badge sev-warning">unframed</span>' : ''}</h3>`,
      o.statement ? `<p class="statement">${answer(o.statement)}</p>` : '',
      o.metric ? `<p>Business metric: ${answer(o.metric)}${o.target ? ` → <span class="target">${answer(o.target)}</span>` : ''}</p>` : '',
      `<div class="trace-columns${o.framings.length ? ' with-ground-truth' : ''}">`,
      `<div><h4>Framings</h4>${framings}</div>`,
      `<div><h4>ML metrics</h4>${metrics}</div>`,
      o.framings.length ? `<div><h4>Ground truth</h4>${groundTruthColumn(model.groundTruth)}</div>` : '',
      `<div><h4>Measured online by</h4>${experimentColumn(o)}</div>`,
      '</div></article>',
    ].join('');
  });
  const offline = evaluation.offline ? `<p class="offline">Offline evaluation: ${answer(evaluation.offline)}</p>` : '';
  const guardrails = evaluation.guardrails.length ? `<p class="guardrails">Guardrails: ${evaluation.guardrails.map(answer).join('; ')}</p>` : '';
  const unlinked = model.unlinkedMetrics.length
    ? `<article class="card unlinked"><h3>ML metrics that move no business objective</h3><ul>${model.unlinkedMetrics.map((m) => `<li>${answer(m.name)} <span class="muted">in ${esc(m.framing)}</span></li>`).join('')}</ul></article>`
    : '';
  return [
    '<section class="trace" aria-labelledby="trace-heading"><h2 id="trace-heading">Business objectives → framings → ML metrics → ground truth → online experiments</h2>',
    offline,
    guardrails,
    cards.length ? cards.join('') : '<p class="none">No business objectives yet.</p>',
    unlinked,
    '</section>',
  ].join('');
}

function findingCard(f: ReportFinding): string {
  const rule = Object.prototype.hasOwnProperty.call(RULES_BY_ID, f.rule) ? RULES_BY_ID[f.rule as keyof typeof RULES_BY_ID] : undefined;
  const docs = findingDocsUrl(f);
  const where = `line ${f.range.start.line + 1}, column ${f.range.start.character + 1}${f.target ? ` · ${f.target}` : ''}`;
  return [
    `<article class="card finding sev-${f.severity}">`,
    `<p class="finding-head"><span class="badge sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span> ${docs ? `<a class="rule" href="${esc(docs)}">${esc(f.rule)}</a>` : `<span class="rule">${esc(f.rule)}</span>`} <span class="muted">${esc(where)}</span></p>`,
    `<p class="message">${esc(f.message)}</p>`,
    rule ? `<p class="explanation">${esc(rule.summary)}</p>` : '',
    '</article>',
  ].join('');
}

function findingsSection(findings: readonly ReportFinding[]): string {
  if (!findings.length) return '<section class="findings" aria-labelledby="findings-heading"><h2 id="findings-heading">Findings</h2><p>No findings: the review found nothing to discuss.</p></section>';
  const order = FINDING_GROUPS;
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const section = sectionOf(f.target);
    groups.set(section, [...(groups.get(section) ?? []), f]);
  }
  const ids = [...groups.keys()].sort((a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1) || a.localeCompare(b));
  return [
    '<section class="findings" aria-labelledby="findings-heading"><h2 id="findings-heading">Findings</h2>',
    ...ids.map((id) => {
      const list = groups.get(id) ?? [];
      return `<section class="finding-group"><h3>${esc(sectionLabel(id))} <span class="muted">(${esc(countsText(countBySeverity(list)))})</span></h3>${list.map(findingCard).join('')}</section>`;
    }),
    '</section>',
  ].join('');
}

function waiversSection(waivers: readonly WaiverEntry[]): string {
  const cards = waivers.map((w) => {
    const field = (label: string, value: string | undefined): string => `<div><dt>${label}</dt><dd>${value === undefined ? '<span class="none">not given</span>' : esc(value)}</dd></div>`;
    return [
      `<article class="card waiver waiver-${w.state.replace(' ', '-')}">`,
      `<h3>${esc(w.rule ?? '(no rule)')}${w.target ? ` <span class="muted">at ${esc(w.target)}</span>` : ' <span class="muted">everywhere in the file</span>'}</h3>`,
      `<dl>${field('Reason', w.reason)}${field('Owner', w.owner)}${field('Expires', w.expires)}</dl>`,
      w.note ? `<p class="note">${esc(w.note)}</p>` : '',
      `<p class="waiver-state">${w.state === 'expiring' || w.state === 'expired' ? `<span class="badge sev-warning">${esc(waiverStateText(w))}</span>` : esc(waiverStateText(w))}</p>`,
      '</article>',
    ].join('');
  });
  return [
    '<section class="waivers" aria-labelledby="waivers-heading"><h2 id="waivers-heading">Waivers: accepted risks</h2>',
    cards.length ? cards.join('') : '<p class="none">No waivers.</p>',
    '</section>',
  ].join('');
}

const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --error: #b42318; --warning: #9a6700; --info: #0b5cad; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 960px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 6px; } h4 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 4px; }
p { margin: 4px 0; } ul { margin: 0; padding-left: 18px; }
a { color: var(--info); }
.muted, .none { color: var(--muted); } .none { font-style: italic; }
.meta { color: var(--muted); margin: 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 0 0 10px; background: #fff; break-inside: avoid; page-break-inside: avoid; }
.diagram svg { width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; padding: 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; color: var(--muted); } th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
.state { font-weight: 600; } .state-answered { color: var(--ok); } .state-placeholder { color: var(--warning); } .state-missing { color: var(--error); }
.placeholder { font-style: italic; } .open-question { font-style: normal; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--warning); border: 1px solid currentColor; border-radius: 8px; padding: 0 5px; }
.open-questions { color: var(--warning); font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
td.sev-error, td.sev-warning, td.sev-info { font-weight: 600; }
.finding { border-left: 4px solid var(--line); } .finding.sev-error { border-left-color: var(--error); } .finding.sev-warning { border-left-color: var(--warning); } .finding.sev-info { border-left-color: var(--info); }
.finding, .objective, .waiver { color: var(--fg); }
.finding-head { margin: 0 0 4px; } .rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.explanation { color: var(--muted); }
.trace-columns { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin-top: 6px; } .trace-columns.with-ground-truth { grid-template-columns: repeat(4, 1fr); }
.target { font-weight: 600; }
.finding-group h3 { margin-top: 14px; }
dl { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 4px 0; } dt { font-size: 12px; color: var(--muted); } dd { margin: 0; }
.waiver-expiring, .waiver-expired { border-color: var(--warning); border-width: 2px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .diagram { break-inside: avoid; }
}
/* A printed page (A4 or Letter, about 700 CSS pixels wide) or a narrow window: the trace's columns two by two. */
@media print, (max-width: 760px) {
  .trace-columns, .trace-columns.with-ground-truth { grid-template-columns: 1fr 1fr; }
}
`;

/** The whole report page. */
export function renderReviewReport(input: ReviewReportInput): string {
  const { model, findings, today } = input;
  const name = model.name?.trim() || input.fileName;
  const svg = renderLifecycleSvg(model, { theme: 'print', sections: false, heading: false, idPrefix: 'report' });
  const counts = countBySeverity(findings);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load: no script, no request, even if this file is opened from a server.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(`Design review: ${name}`)}</title>`,
    `<style>${STYLE}</style></head>`,
    '<body><main>',
    '<header class="report-header">',
    `<h1>Design review: ${esc(name)}</h1>`,
    `<p class="meta">${esc(input.fileName)} · reviewed on <time datetime="${esc(today)}">${esc(today)}</time> · ${esc(countsText(counts))}</p>`,
    model.summary ? `<p class="summary">${esc(model.summary)}</p>` : '',
    '</header>',
    '<section class="diagram" aria-labelledby="diagram-heading"><h2 id="diagram-heading">Lifecycle</h2>',
    `<div class="card">${svg}</div></section>`,
    readinessTable(readiness(model, findings), openQuestions(model)),
    traceSection(model, evaluationNotes(input.design)),
    findingsSection(findings),
    waiversSection(designWaivers(input.design, today)),
    `<footer>${esc(input.generator)} · ${esc(input.fileName)} · ${esc(today)}</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
