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

function findingList(owner: string, findings: readonly FindingSummary[], view: SectionsView): string {
  if (!findings.length) return '';
  const list = `findings:${owner}`;
  const shown = findings.slice(0, shownCount(list, findings.length, view));
  const items = shown.map(
    (f, i) =>
      `<li><button type="button" class="finding sev-${f.severity}" data-key="${esc(elementKey.finding(owner, i))}" aria-label="${esc(`${f.severity}: ${f.message} (${f.rule}). Show in the editor`)}">${icon(SEVERITY_ICON[f.severity])}<span class="finding-message">${esc(f.message)}</span> <span class="rule">${esc(f.rule)}</span></button></li>`,
  );
  return `<ul class="findings" aria-label="${esc(findingsText(findings))}">${items.join('')}</ul>${moreButton(list, findings.length, view, 'finding')}`;
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

function stageCard(stage: StageModel, view: SectionsView): string {
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
    findingList(key, stage.findings, view),
    '</article>',
  ].join('');
}

const PILLAR_STATE_ICON: Record<PillarModel['state'], string> = { present: 'pass-filled', empty: 'circle-large-outline', missing: 'circle-slash' };

function pillarCard(pillar: PillarModel, view: SectionsView): string {
  const key = elementKey.pillar(pillar.id);
  return [
    `<article class="card pillar-card pillar-${pillar.state}" data-card="${esc(key)}">`,
    `<h3><button type="button" class="card-title" data-key="${esc(key)}" aria-label="${esc(`${pillarLabel(pillar)}. Show in the editor`)}">${esc(pillar.label)}</button></h3>`,
    `<p class="meta"><span class="badge badge-${pillar.state}">${icon(PILLAR_STATE_ICON[pillar.state])}${esc(pillar.state)}</span></p>`,
    `<p class="meta">${readinessBadge(pillar.readiness)}</p>`,
    notes(pillar.notes),
    findingList(key, pillar.findings, view),
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

function readinessRow(s: SectionReadiness): Part {
  const key = elementKey.section(s.id);
  return {
    key,
    html: `<li class="section-readiness readiness-${s.state}"><button type="button" class="card-title" data-key="${esc(key)}" aria-label="${esc(`${s.label}: ${s.state}, ${readinessText(s)}. Show in the editor`)}">${esc(s.label)}</button> ${readinessBadge(s)}</li>`,
  };
}

function objectiveItem(model: LifecycleModel, o: ObjectiveTrace, oi: number): Part {
  const key = elementKey.objective(oi);
  const framings = o.framings.length
    ? `<ul class="links">${o.framings.map((f, fi) => `<li><button type="button" class="framing" data-key="${esc(elementKey.framing(oi, fi))}">${icon('symbol-class')}${esc(f.id)}${f.task ? ` <span class="task">${esc(f.task)}</span>` : ''}</button></li>`).join('')}</ul>`
    : '<p class="none">No framing serves it.</p>';
  const metrics = o.metrics.length
    ? `<ul class="links">${o.metrics.map((m, mi) => `<li><button type="button" class="metric" data-key="${esc(elementKey.metric(oi, mi))}">${icon('graph-line')}${answer(m.name)}${m.target ? ` <span class="target">${answer(m.target)}</span>` : ''} <span class="via">via ${esc(m.framing)}</span></button></li>`).join('')}</ul>`
    : '<p class="none">No ML metric moves it.</p>';
  const html = [
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
  return { key, html };
}

function unlinkedItem(m: LifecycleModel['unlinkedMetrics'][number], i: number): Part {
  const key = elementKey.unlinked(i);
  return { key, html: `<li><button type="button" class="metric unlinked" data-key="${esc(key)}">${icon('warning')}${esc(m.name)} <span class="via">in ${esc(m.framing)}</span></button></li>` };
}

/** One piece of the sections the page patches on its own; `key` names it across updates. */
export interface Part {
  key: string;
  html: string;
}

/** The lists of the sections, each patched item by item. */
export const LIST_IDS = ['readiness', 'pillars', 'objectives', 'unlinked', 'stages'] as const;
export type ListId = (typeof LIST_IDS)[number];

export interface ListContent {
  /** The items drawn: the first part of a long list (and the items holding `view.cursor`), or all of it. */
  items: Part[];
  total: number;
  /** How many items are drawn past the first part only because they hold the cursor. */
  held: number;
  /** The "Show all N" (or "Show fewer") button, or nothing. */
  more: string;
}

/** What the reader chose to see of the long lists. */
export interface SectionsView {
  /** The long lists drawn whole (`objectives`, `unlinked`, `findings:<owner key>`), or all of them. */
  expanded?: ReadonlySet<string> | 'all';
  /** Element keys of the editor's cursor: the list items holding them are drawn even past a first part. */
  cursor?: readonly string[];
}

/** The index of the objective (or unlinked metric) an element key belongs to. */
const ITEM_OF_KEY: Partial<Record<ListId, RegExp>> = {
  objectives: /^(?:objective:(\d+)|experiment:(\d+)|(?:framing|metric):(\d+):\d+)$/,
  unlinked: /^unlinked:(\d+)$/,
};

function heldItems(list: ListId, view: SectionsView): number[] {
  const pattern = ITEM_OF_KEY[list];
  if (!pattern) return [];
  return (view.cursor ?? []).flatMap((key) => {
    const m = pattern.exec(key);
    return m ? [Number(m.slice(1).find((g) => g !== undefined))] : [];
  });
}

/** A long list draws its first part until the reader asks for all of it. */
const FIRST_PART: Record<string, number> = { objectives: 20, unlinked: 20, findings: 10 };

function firstPart(list: string): number {
  return FIRST_PART[list.split(':')[0]] ?? 20;
}

function shownCount(list: string, total: number, view: SectionsView): number {
  const expanded = view.expanded ?? 'all';
  return expanded === 'all' || expanded.has(list) ? total : Math.min(total, firstPart(list));
}

/** The button under a long list: show all of it, or only its first part again. */
function moreButton(list: string, total: number, view: SectionsView, noun: string): string {
  const first = firstPart(list);
  const expanded = view.expanded ?? 'all';
  if (total <= first || expanded === 'all') return '';
  const whole = expanded.has(list);
  const label = whole ? `Show the first ${first}` : `Show all ${plural(total, noun)}`;
  return `<button type="button" class="show-all" data-show-all="${esc(list)}" aria-expanded="${whole ? 'true' : 'false'}">${icon(whole ? 'fold' : 'unfold')}${esc(label)}</button>`;
}

function listContent(list: ListId, total: number, view: SectionsView, noun: string, item: (i: number) => Part): ListContent {
  const shown = shownCount(list, total, view);
  const held = [...new Set(heldItems(list, view))].filter((i) => i >= shown && i < total).sort((a, b) => a - b);
  const items = [...Array.from({ length: shown }, (_, i) => i), ...held].map(item);
  return { items, total, held: held.length, more: moreButton(list, total, view, noun) };
}

/** The items of every list, as far as the view shows them. */
export function sectionLists(model: LifecycleModel, view: SectionsView = {}): Record<ListId, ListContent> {
  const all = (items: Part[]): ListContent => ({ items, total: items.length, held: 0, more: '' });
  return {
    readiness: all(model.sections.map(readinessRow)),
    pillars: all(model.pillars.map((p) => ({ key: elementKey.pillar(p.id), html: pillarCard(p, view) }))),
    objectives: listContent('objectives', model.objectives.length, view, 'objective', (i) => objectiveItem(model, model.objectives[i], i)),
    unlinked: listContent('unlinked', model.unlinkedMetrics.length, view, 'unlinked ML metric', (i) => unlinkedItem(model.unlinkedMetrics[i], i)),
    stages: all(model.stages.map((st) => ({ key: elementKey.stage(st.id), html: stageCard(st, view) }))),
  };
}

function hidden(yes: boolean): string {
  return yes ? ' hidden' : '';
}

/** A section the reader can fold away (the page keeps it folded across updates). */
function foldable(id: string, heading: string, body: string): string {
  return `<details class="panel-section ${id}" data-section="${id}" open><summary><h2 id="${id}-heading">${heading}</h2></summary>${body}</details>`;
}

/**
 * Everything beside the diagram: the sections, each foldable, with their lists (empty
 * containers without `lists`, for the page to fill). Each list is a `[data-list]`
 * element whose children are its items in order, followed by its `[data-more]` button.
 */
export function sectionsMarkup(lists?: Record<ListId, ListContent>): string {
  const items = (id: ListId): string => lists?.[id].items.map((p) => p.html).join('') ?? '';
  const more = (id: ListId): string => `<div class="more" data-more="${id}">${lists?.[id].more ?? ''}</div>`;
  const empty = (id: ListId): boolean => !lists || lists[id].total === 0;
  return [
    foldable('readiness', 'Readiness', `<ul class="sections" data-list="readiness">${items('readiness')}</ul>`),
    foldable('pillars', 'Requirements: the four pillars', `<div class="cards" data-list="pillars">${items('pillars')}</div>`),
    foldable(
      'trace',
      'Objectives → framings → ML metrics → experiments',
      [
        `<p class="none" data-empty="objectives"${hidden(!empty('objectives'))}>No business objectives yet.</p>`,
        `<ul class="objectives" data-list="objectives">${items('objectives')}</ul>${more('objectives')}`,
        `<div class="unlinked-metrics" data-block="unlinked"${hidden(empty('unlinked'))}><h3>Unlinked ML metrics</h3><p class="hint">These move no business objective.</p>`,
        `<ul class="links unlinked" data-list="unlinked">${items('unlinked')}</ul>${more('unlinked')}</div>`,
      ].join(''),
    ),
    foldable('stages', 'Stages', `<div class="cards" data-list="stages">${items('stages')}</div>`),
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

/** Everything beside the diagram, long lists whole unless the view says otherwise. */
export function renderSections(model: LifecycleModel, view: SectionsView = {}): string {
  return sectionsMarkup(sectionLists(model, view));
}

const LEGEND: ReadonlyArray<readonly [swatch: string, text: string]> = [
  ['done', 'Done'],
  ['in-progress', 'In progress (thick)'],
  ['blocked', 'Blocked (thick)'],
  ['skipped', 'Skipped (dotted)'],
  ['missing', 'Missing from the document (dashed)'],
  ['empty', 'Empty pillar (dotted)'],
  ['unframed', 'Objective no framing serves (dashed)'],
  ['highlighted', "Where the editor's cursor is"],
];

/** What the borders and marks of the diagram and the cards mean. Static: no document text. */
export function legendMarkup(): string {
  const items = LEGEND.map(([swatch, text]) => `<li><span class="swatch swatch-${swatch}" aria-hidden="true"></span>${esc(text)}</li>`);
  const severities = '<li><span class="legend-mark sev-error" aria-hidden="true">●</span>error <span class="legend-mark sev-warning" aria-hidden="true">▲</span>warning <span class="legend-mark sev-info" aria-hidden="true">■</span>info: the worst finding</li>';
  return `<figcaption class="legend"><span class="legend-title">Legend</span><ul aria-label="Legend">${items.join('')}${severities}</ul></figcaption>`;
}
