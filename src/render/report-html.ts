/**
 * The review report: one self-contained HTML page for a design review meeting (the CLI's
 * `report` command and the preview's "Export Review Report" write the same file). Pure
 * string building, like svg.ts and sections-html.ts: no DOM, no `vscode`, no file system.
 * No script and no external resource (styles inline, the diagram as inline SVG); every
 * text from the document goes through `escapeMarkup`. Also the digest both the report and
 * the CLI's Markdown summary read: readiness per section and pillar, the waivers, the
 * evaluation behind each objective.
 */
import { PILLAR_IDS } from '../engine/types';
import type { FindingRule, LifecycleModel, Range, Severity } from '../engine/types';
import { findingDocsUrl, RULES_BY_ID } from '../engine';
import { escapeMarkup as esc } from './escape';
import { countBySeverity, plural } from '../engine/wording';
import { renderLifecycleSvg } from './svg';

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

const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** A scalar as text (the parser may make numbers, booleans and dates of plain values). */
function text(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((t): t is string => t !== undefined && t.trim() !== '');
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

// ---- Sections and readiness --------------------------------------------------------------

/** The top-level sections in the format's order, as a review walks through them. */
export const SECTIONS: readonly { id: string; label: string }[] = [
  { id: 'business', label: 'Business' },
  { id: 'stakeholders', label: 'Stakeholders' },
  { id: 'framing', label: 'Framing' },
  { id: 'data', label: 'Data' },
  { id: 'evaluation', label: 'Evaluation' },
  { id: 'requirements', label: 'Requirements' },
  { id: 'lifecycle', label: 'Lifecycle' },
  { id: 'waivers', label: 'Waivers' },
];

/** The section a finding belongs to: its target's first segment (`''` for the whole document). */
export function sectionOf(target: string): string {
  return target.split('.')[0] ?? '';
}

export function sectionLabel(id: string): string {
  if (!id) return 'Whole document';
  return SECTIONS.find((s) => s.id === id)?.label ?? id;
}

export type Readiness = 'present' | 'empty' | 'missing';

export interface ReadinessRow {
  kind: 'section' | 'pillar';
  id: string;
  label: string;
  state: Readiness;
  counts: Counts;
}

/**
 * One row per section, then one per pillar: whether the design answers it, and the
 * findings about it. A section row counts every finding under it (pillars included).
 */
export function readiness(model: LifecycleModel, findings: readonly ReportFinding[], design: unknown): ReadinessRow[] {
  const data = record(design) ?? {};
  const own = Object.prototype.hasOwnProperty;
  const sections = SECTIONS.map((s): ReadinessRow => ({
    kind: 'section',
    id: s.id,
    label: s.label,
    state: !own.call(data, s.id) ? 'missing' : filled(data[s.id]) ? 'present' : 'empty',
    counts: countBySeverity(findings.filter((f) => sectionOf(f.target) === s.id)),
  }));
  const pillars = model.pillars
    .filter((p) => (PILLAR_IDS as readonly string[]).includes(p.id))
    .map((p): ReadinessRow => ({
      kind: 'pillar',
      id: p.id,
      label: p.label,
      state: p.state,
      counts: countBySeverity(findings.filter((f) => f.target === `requirements.${p.id}` || f.target.startsWith(`requirements.${p.id}.`))),
    }));
  return [...sections, ...pillars];
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
  const list = record(design)?.waivers;
  if (!Array.isArray(list)) return [];
  const now = dayNumber(today);
  return list.map((raw): WaiverEntry => {
    const w = record(raw) ?? {};
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

export interface EvaluationDigest {
  offline?: string;
  /** `evaluation.online` written as prose. */
  online?: string;
  method?: string;
  /** Objective ids the online evaluation measures. */
  measures: string[];
  guardrails: string[];
}

export function designEvaluation(design: unknown): EvaluationDigest {
  const evaluation = record(record(design)?.evaluation) ?? {};
  const online = record(evaluation.online);
  return {
    offline: text(evaluation.offline),
    online: online ? undefined : text(evaluation.online),
    method: online ? text(online.method) : undefined,
    measures: online ? texts(online.measures) : [],
    guardrails: online ? texts(online.guardrails) : [],
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

function readinessTable(rows: readonly ReadinessRow[]): string {
  const body = (kind: ReadinessRow['kind']): string =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => `<tr><th scope="row">${esc(r.label)}</th><td><span class="state state-${r.state}">${r.state}</span></td>${countCells(r.counts)}</tr>`)
      .join('');
  const head = (first: string): string => `<thead><tr><th scope="col">${first}</th><th scope="col">State</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Info</th></tr></thead>`;
  return [
    '<section class="readiness" aria-labelledby="readiness-heading"><h2 id="readiness-heading">Readiness</h2>',
    '<div class="tables">',
    `<table class="card">${head('Section')}<tbody>${body('section')}</tbody></table>`,
    `<table class="card">${head('Pillar')}<tbody>${body('pillar')}</tbody></table>`,
    '</div></section>',
  ].join('');
}

function traceSection(model: LifecycleModel, evaluation: EvaluationDigest): string {
  const online = (objective: string): string => {
    if (evaluation.online) return `<p>Online: ${esc(evaluation.online)}</p>`;
    if (!evaluation.method && !evaluation.measures.length) return '<p class="none">No online evaluation measures it.</p>';
    const measured = evaluation.measures.includes(objective);
    const method = evaluation.method ? esc(evaluation.method) : 'an online evaluation';
    return measured ? `<p>Measured online by ${method}.</p>` : `<p class="none">Not among what ${method} measures.</p>`;
  };
  const cards = model.objectives.map((o) => {
    const framings = o.framings.length
      ? `<ul>${o.framings.map((f) => `<li>${esc(f.id)}${f.task ? ` <span class="muted">(${esc(f.task)})</span>` : ''}</li>`).join('')}</ul>`
      : '<p class="none">No framing serves it.</p>';
    const metrics = o.metrics.length
      ? `<ul>${o.metrics.map((m) => `<li>${esc(m.name)}${m.target ? ` <span class="target">${esc(m.target)}</span>` : ''} <span class="muted">via ${esc(m.framing)}</span></li>`).join('')}</ul>`
      : '<p class="none">No ML metric moves it.</p>';
    return [
      `<article class="card objective${o.unframed ? ' unframed' : ''}">`,
      `<h3>${esc(o.id)}${o.unframed ? ' <span class="badge sev-warning">unframed</span>' : ''}</h3>`,
      o.statement ? `<p class="statement">${esc(o.statement)}</p>` : '',
      o.metric ? `<p>Business metric: ${esc(o.metric)}${o.target ? ` → <span class="target">${esc(o.target)}</span>` : ''}</p>` : '',
      '<div class="trace-columns">',
      `<div><h4>Framings</h4>${framings}</div>`,
      `<div><h4>ML metrics</h4>${metrics}</div>`,
      `<div><h4>Evaluation</h4>${online(o.id)}</div>`,
      '</div></article>',
    ].join('');
  });
  const offline = evaluation.offline ? `<p class="offline">Offline evaluation: ${esc(evaluation.offline)}</p>` : '';
  const guardrails = evaluation.guardrails.length ? `<p class="guardrails">Guardrails: ${evaluation.guardrails.map(esc).join('; ')}</p>` : '';
  const unlinked = model.unlinkedMetrics.length
    ? `<article class="card unlinked"><h3>ML metrics that move no business objective</h3><ul>${model.unlinkedMetrics.map((m) => `<li>${esc(m.name)} <span class="muted">in ${esc(m.framing)}</span></li>`).join('')}</ul></article>`
    : '';
  return [
    '<section class="trace" aria-labelledby="trace-heading"><h2 id="trace-heading">Business objectives → framings → ML metrics → evaluation</h2>',
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
  const order = ['', ...SECTIONS.map((s) => s.id)];
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
.tables { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; align-items: start; }
table { border-collapse: collapse; width: 100%; padding: 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; color: var(--muted); } th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
.state { font-weight: 600; } .state-present { color: var(--ok); } .state-empty { color: var(--warning); } .state-missing { color: var(--error); }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
td.sev-error, td.sev-warning, td.sev-info { font-weight: 600; }
.finding { border-left: 4px solid var(--line); } .finding.sev-error { border-left-color: var(--error); } .finding.sev-warning { border-left-color: var(--warning); } .finding.sev-info { border-left-color: var(--info); }
.finding, .objective, .waiver { color: var(--fg); }
.finding-head { margin: 0 0 4px; } .rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.explanation { color: var(--muted); }
.trace-columns { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin-top: 6px; }
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
/* A printed page (A4 or Letter, about 700 CSS pixels wide) or a narrow window: one table, card column under another. */
@media print, (max-width: 760px) {
  .tables { grid-template-columns: 1fr; }
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
    readinessTable(readiness(model, findings, input.design)),
    traceSection(model, designEvaluation(input.design)),
    findingsSection(findings),
    waiversSection(designWaivers(input.design, today)),
    `<footer>${esc(input.generator)} · ${esc(input.fileName)} · ${esc(today)}</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
