/**
 * The panel's HTML beside the diagram: the stages with their notes, the four pillars, and
 * the trace from business objectives to framings and ML metrics. Pure string building
 * (no DOM, no `vscode`), so the page and the tests render the same markup. All document
 * text goes through `escapeMarkup`; `notes` through markdown-it with HTML off.
 */
import { daysInWords } from '../engine/duration';
import { isPlaceholder } from '../engine/placeholder';
import type { FindingSummary, LifecycleModel, ObjectiveTrace, PillarModel, Readiness, SectionReadiness, Severity, StageModel } from '../engine/types';
import { elementKey } from './elements';
import { escapeMarkup as esc } from './escape';
import { renderMarkdown } from './markdown';
import { plural } from '../engine/wording';
import { findingsText, pillarLabel, readinessText, stageLabel, stageStatusText } from './svg';

const SEVERITY_ICON: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

function icon(name: string): string {
  return `<span class="codicon codicon-${name}" aria-hidden="true"></span>`;
}

const STATUS_ICON: Record<string, string> = {
  done: 'pass-filled',
  'in progress': 'sync',
  planned: 'circle-large-outline',
  blocked: 'circle-slash',
  skipped: 'debug-step-over',
  'no status': 'question',
  missing: 'circle-large-outline',
};

function findingList(owner: string, findings: readonly FindingSummary[]): string {
  if (!findings.length) return '';
  const items = findings.map(
    (f, i) =>
      `<li><button type="button" class="finding sev-${f.severity}" data-key="${esc(elementKey.finding(owner, i))}" aria-label="${esc(`${f.severity}: ${f.message} (${f.rule}). Show in the editor`)}">${icon(SEVERITY_ICON[f.severity])}<span class="finding-message">${esc(f.message)}</span> <span class="rule">${esc(f.rule)}</span></button></li>`,
  );
  return `<ul class="findings" aria-label="${esc(findingsText(findings))}">${items.join('')}</ul>`;
}

/** Document text as an answer: a placeholder is marked (`mark`, before it) as a question still open, never shown as an answer. */
export function answer(text: string, mark = icon('edit')): string {
  return isPlaceholder(text) ? `<span class="placeholder" title="Still to answer">${mark}${esc(text)}</span>` : esc(text);
}

const READINESS_ICON: Record<Readiness['state'], string> = { answered: 'pass-filled', placeholder: 'edit', missing: 'circle-large-outline' };

function readinessBadge(r: Readiness): string {
  return `<span class="badge readiness readiness-${r.state}" title="${esc(readinessText(r))}">${icon(READINESS_ICON[r.state])}${esc(r.state)}</span> <span class="readiness-counts">${esc(readinessText(r))}</span>`;
}

function notes(source: string | undefined): string {
  return source ? `<div class="notes">${renderMarkdown(source)}</div>` : '';
}

function stageCard(stage: StageModel): string {
  const key = elementKey.stage(stage.id);
  const status = stageStatusText(stage);
  const state = stage.present ? `status-${stage.status ?? 'unset'}` : 'missing';
  const artifacts = stage.artifacts.length
    ? `<ul class="artifacts" aria-label="Artifacts">${stage.artifacts.map((a) => `<li>${/^https?:\/\//i.test(a) ? `<a href="${esc(a)}">${esc(a)}</a>` : esc(a)}</li>`).join('')}</ul>`
    : '';
  return [
    `<article class="card stage-card ${state}" data-card="${esc(key)}">`,
    `<h3><button type="button" class="card-title" data-key="${esc(key)}" aria-label="${esc(`${stageLabel(stage)}. Show in the editor`)}">${esc(stage.label)}</button></h3>`,
    `<p class="meta"><span class="badge badge-${state}">${icon(STATUS_ICON[status] ?? 'circle-large-outline')}${esc(status)}</span>`,
    stage.present ? ` <span class="owner">${stage.owner ? `${icon('person')}${answer(stage.owner)}` : 'no owner'}</span>` : ' <span class="owner">not in the document</span>',
    '</p>',
    notes(stage.notes),
    artifacts,
    findingList(key, stage.findings),
    '</article>',
  ].join('');
}

const PILLAR_STATE_ICON: Record<PillarModel['state'], string> = { present: 'pass-filled', empty: 'circle-large-outline', missing: 'circle-slash' };

function pillarCard(pillar: PillarModel): string {
  const key = elementKey.pillar(pillar.id);
  return [
    `<article class="card pillar-card pillar-${pillar.state}" data-card="${esc(key)}">`,
    `<h3><button type="button" class="card-title" data-key="${esc(key)}" aria-label="${esc(`${pillarLabel(pillar)}. Show in the editor`)}">${esc(pillar.label)}</button></h3>`,
    `<p class="meta"><span class="badge badge-${pillar.state}">${icon(PILLAR_STATE_ICON[pillar.state])}${esc(pillar.state)}</span></p>`,
    `<p class="meta">${readinessBadge(pillar.readiness)}</p>`,
    notes(pillar.notes),
    findingList(key, pillar.findings),
    '</article>',
  ].join('');
}

/** Where the framings' ground truth comes from, and how late it arrives. */
function groundTruthColumn(model: LifecycleModel, o: ObjectiveTrace): string {
  const truth = model.groundTruth;
  if (!o.framings.length) return '';
  if (!truth) return '<p class="none">No label source given.</p>';
  const delay = truth.delay
    ? `<p class="delay">${icon('history')}Known ${answer(truth.delay)}${truth.delayDays !== undefined && daysInWords(truth.delayDays) !== truth.delay.trim() ? ` (${esc(daysInWords(truth.delayDays))})` : ''} after a prediction</p>`
    : '<p class="none">Label delay not given.</p>';
  return `<button type="button" class="ground-truth" data-key="${esc(elementKey.groundTruth())}">${icon('database')}${truth.source ? answer(truth.source) : 'Label source not given.'}</button>${delay}`;
}

/** The online experiment that measures the objective. */
function experimentColumn(o: ObjectiveTrace, oi: number): string {
  const e = o.experiment;
  if (!e) return '<p class="none">Not measured online.</p>';
  const what = e.description !== undefined ? answer(e.description) : e.method ? answer(e.method) : 'an online experiment (method not given)';
  return `<button type="button" class="experiment" data-key="${esc(elementKey.experiment(oi))}">${icon('beaker')}${what}</button>`;
}

function readinessSection(sections: readonly SectionReadiness[]): string {
  const rows = sections.map((s) =>
    `<li class="section-readiness readiness-${s.state}"><button type="button" class="card-title" data-key="${esc(elementKey.section(s.id))}" aria-label="${esc(`${s.label}: ${s.state}, ${readinessText(s)}. Show in the editor`)}">${esc(s.label)}</button> ${readinessBadge(s)}</li>`);
  return `<section class="readiness-summary" aria-labelledby="readiness-heading"><h2 id="readiness-heading">Readiness</h2><ul class="sections">${rows.join('')}</ul></section>`;
}

function traceSection(model: LifecycleModel): string {
  const rows = model.objectives.map((o, oi) => {
    const key = elementKey.objective(oi);
    const framings = o.framings.length
      ? `<ul class="links">${o.framings.map((f, fi) => `<li><button type="button" class="framing" data-key="${esc(elementKey.framing(oi, fi))}">${icon('symbol-class')}${esc(f.id)}${f.task ? ` <span class="task">${esc(f.task)}</span>` : ''}</button></li>`).join('')}</ul>`
      : '<p class="none">No framing serves it.</p>';
    const metrics = o.metrics.length
      ? `<ul class="links">${o.metrics.map((m, mi) => `<li><button type="button" class="metric" data-key="${esc(elementKey.metric(oi, mi))}">${icon('graph-line')}${answer(m.name)}${m.target ? ` <span class="target">${answer(m.target)}</span>` : ''} <span class="via">via ${esc(m.framing)}</span></button></li>`).join('')}</ul>`
      : '<p class="none">No ML metric moves it.</p>';
    return [
      `<li class="objective${o.unframed ? ' unframed' : ''}" data-card="${esc(key)}">`,
      `<button type="button" class="card-title" data-key="${esc(key)}" aria-label="${esc(`Objective ${o.id}${o.unframed ? ', unframed' : ''}: ${plural(o.framings.length, 'framing')}, ${plural(o.metrics.length, 'ML metric')}. Show in the editor`)}">${icon('target')}${esc(o.id)}</button>`,
      o.unframed ? ` <span class="badge badge-unframed">${icon('warning')}unframed</span>` : '',
      o.statement ? `<p class="statement">${answer(o.statement)}</p>` : '',
      o.metric ? `<p class="business-metric">Business metric: ${answer(o.metric)}${o.target ? ` → ${answer(o.target)}` : ''}</p>` : '',
      `<div class="trace-columns"><div><h4>Framings</h4>${framings}</div><div><h4>ML metrics</h4>${metrics}</div>`,
      o.framings.length ? `<div><h4>Ground truth</h4>${groundTruthColumn(model, o)}</div>` : '',
      `<div><h4>Measured online by</h4>${experimentColumn(o, oi)}</div></div>`,
      '</li>',
    ].join('');
  });
  const unlinked = model.unlinkedMetrics.length
    ? `<h3>Unlinked ML metrics</h3><p class="hint">These move no business objective.</p><ul class="links unlinked">${model.unlinkedMetrics
        .map((m, i) => `<li><button type="button" class="metric unlinked" data-key="${esc(elementKey.unlinked(i))}">${icon('warning')}${esc(m.name)} <span class="via">in ${esc(m.framing)}</span></button></li>`)
        .join('')}</ul>`
    : '';
  return [
    '<section class="trace" aria-labelledby="trace-heading"><h2 id="trace-heading">Objectives → framings → ML metrics → experiments</h2>',
    rows.length ? `<ul class="objectives">${rows.join('')}</ul>` : '<p class="none">No business objectives yet.</p>',
    unlinked,
    '</section>',
  ].join('');
}

/** The counts line of the header, with the severity as an icon and a word. */
export function renderCounts(model: LifecycleModel): string {
  const c = model.counts;
  if (!c.error && !c.warning && !c.info) return `${icon('pass')}<span>No findings</span>`;
  return [
    `<span class="count sev-error">${icon('error')}${esc(plural(c.error, 'error'))}</span>`,
    `<span class="count sev-warning">${icon('warning')}${esc(plural(c.warning, 'warning'))}</span>`,
    `<span class="count sev-info">${icon('info')}${esc(`${c.info} info`)}</span>`,
  ].join(' ');
}

/** Everything beside the diagram. */
export function renderSections(model: LifecycleModel): string {
  return [
    readinessSection(model.sections),
    '<section class="pillars" aria-labelledby="pillars-heading"><h2 id="pillars-heading">Requirements: the four pillars</h2>',
    `<div class="cards">${model.pillars.map(pillarCard).join('')}</div></section>`,
    traceSection(model),
    '<section class="stages" aria-labelledby="stages-heading"><h2 id="stages-heading">Stages</h2>',
    `<div class="cards">${model.stages.map(stageCard).join('')}</div></section>`,
  ].join('');
}
