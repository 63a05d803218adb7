/**
 * The lifecycle diagram as SVG markup, drawn from the engine's lifecycle model only.
 * Pure (no DOM, no `vscode`): the panel, the SVG export and the CLI's `--diagram` all call it.
 *
 * Two themes share one structure: `vscode` styles elements by class from the panel's
 * stylesheet (theme colours, no inline styles, so the webview CSP holds); `print` embeds
 * its own light styles so the file stands alone outside VS Code.
 */
import type { FindingSummary, LifecycleModel, PillarModel, Readiness, Severity, StageModel } from '../engine/types';
import { STATUS_TEXT } from '../engine/vocabulary';
import { countBySeverity, plural } from '../engine/wording';
import { elementKey } from './elements';
import { escapeMarkup as esc } from './escape';

export interface RenderSvgOptions {
  theme: 'vscode' | 'print';
  /** Add focus and button semantics plus `data-key`s, for the panel. Default: false. */
  interactive?: boolean;
  /** Also draw the pillars and the objective trace below the cycle. Default: true for print. */
  sections?: boolean;
  /** Prefix for element ids, so several diagrams can share a page. Default: `lc`. */
  idPrefix?: string;
  /** Draw the design's name above the cycle. Default: true for print (the panel has its own header). */
  heading?: boolean;
}

const WIDTH = 740;
const BOX_W = 200;
const BOX_H = 104;
const ROW_GAP = 84;
const CYCLE_HEIGHT = 20 + BOX_H + ROW_GAP + BOX_H + 20;
const CENTER = { x: WIDTH / 2, y: 20 + BOX_H + ROW_GAP / 2 };
/**
 * The cycle as a ring of two rows: scoping → data engineering → model development across
 * the top, deployment → monitoring → business analysis back along the bottom, and business
 * analysis up into scoping again. Box centres, in stage order.
 */
const COLUMNS = [20 + BOX_W / 2, WIDTH / 2, WIDTH - 20 - BOX_W / 2];
const ROWS = [20 + BOX_H / 2, 20 + BOX_H + ROW_GAP + BOX_H / 2];
const CENTERS = [
  { x: COLUMNS[0], y: ROWS[0] },
  { x: COLUMNS[1], y: ROWS[0] },
  { x: COLUMNS[2], y: ROWS[0] },
  { x: COLUMNS[2], y: ROWS[1] },
  { x: COLUMNS[1], y: ROWS[1] },
  { x: COLUMNS[0], y: ROWS[1] },
];

/** Text width estimate for a sans-serif face; good enough to keep text inside its box. */
function fits(fontSize: number, width: number): number {
  return Math.max(4, Math.floor(width / (fontSize * 0.55)));
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Up to two lines, broken at spaces; the second is truncated. */
function wrapTwo(text: string, max: number): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return [flat];
  const cut = flat.lastIndexOf(' ', max);
  if (cut <= 0) return [truncate(flat, max)];
  return [flat.slice(0, cut), truncate(flat.slice(cut + 1), max)];
}

/** "2 findings (1 error, 1 warning)", or "no findings". */
export function findingsText(findings: readonly FindingSummary[]): string {
  if (!findings.length) return 'no findings';
  const by = countBySeverity(findings);
  const parts = (['error', 'warning', 'info'] as const).filter((s) => by[s]).map((s) => (s === 'info' ? `${by[s]} info` : plural(by[s], s)));
  return `${plural(findings.length, 'finding')} (${parts.join(', ')})`;
}

function worstSeverity(findings: readonly FindingSummary[]): Severity | undefined {
  return (['error', 'warning', 'info'] as const).find((s) => findings.some((f) => f.severity === s));
}

/** What a stage's status line says. */
export function stageStatusText(stage: StageModel): string {
  if (!stage.present) return 'missing';
  return stage.status ? STATUS_TEXT[stage.status] : 'no status';
}

/** One sentence a screen reader says for a stage. */
export function stageLabel(stage: StageModel): string {
  const owner = stage.present ? (stage.owner ? `owner ${stage.owner}` : 'no owner') : 'not in the document';
  return `${stage.label}: ${stageStatusText(stage)}, ${owner}, ${findingsText(stage.findings)}`;
}

/** "4 answered, 2 placeholders, 1 missing". */
export function readinessText(r: Readiness): string {
  return [`${r.answered} answered`, plural(r.placeholders, 'placeholder'), `${r.missing} missing`].join(', ');
}

export function pillarLabel(pillar: PillarModel): string {
  return `${pillar.label} pillar: ${pillar.state}, ${readinessText(pillar.readiness)}, ${findingsText(pillar.findings)}`;
}

/** Status drawn as a shape too, so it never rests on colour alone. */
function statusMarker(stage: StageModel, x: number, y: number): string {
  const r = 7;
  const kind = stage.present ? (stage.status ?? 'unset') : 'missing';
  const circle = (cls: string): string => `<circle class="${cls}" cx="${x}" cy="${y}" r="${r}"/>`;
  switch (kind) {
    case 'done':
      return `<g class="marker marker-done">${circle('marker-fill')}<path class="marker-tick" d="M${x - 3.5},${y} l2.5,2.5 l4.5,-5"/></g>`;
    case 'in-progress':
      return `<g class="marker marker-in-progress">${circle('marker-ring')}<path class="marker-fill" d="M${x},${y - r} A${r},${r} 0 0 1 ${x},${y + r} Z"/></g>`;
    case 'planned':
      return `<g class="marker marker-planned">${circle('marker-ring')}</g>`;
    case 'blocked': {
      const a = r * 0.414;
      const pts = [[-a, -r], [a, -r], [r, -a], [r, a], [a, r], [-a, r], [-r, a], [-r, -a]].map(([dx, dy]) => `${x + dx},${y + dy}`).join(' ');
      return `<g class="marker marker-blocked"><polygon class="marker-fill" points="${pts}"/><path class="marker-tick" d="M${x - 3.5},${y} h7"/></g>`;
    }
    case 'skipped':
      return `<g class="marker marker-skipped">${circle('marker-ring')}<path class="marker-line" d="M${x - 5},${y + 5} L${x + 5},${y - 5}"/></g>`;
    case 'missing':
      return `<g class="marker marker-missing">${circle('marker-ring marker-dashed')}</g>`;
    default:
      return `<g class="marker marker-unset"><rect class="marker-ring" x="${x - 6}" y="${y - 6}" width="12" height="12"/></g>`;
  }
}

/** Severity drawn as a shape: error a circle, warning a triangle, info a square. */
function severityMarker(severity: Severity, x: number, y: number): string {
  if (severity === 'error') return `<circle class="sev sev-error" cx="${x}" cy="${y}" r="4.5"/>`;
  if (severity === 'warning') return `<path class="sev sev-warning" d="M${x},${y - 5} L${x + 5.5},${y + 4.5} L${x - 5.5},${y + 4.5} Z"/>`;
  return `<rect class="sev sev-info" x="${x - 4}" y="${y - 4}" width="8" height="8"/>`;
}

function interactiveAttrs(options: RenderSvgOptions, key: string, label: string): string {
  return options.interactive ? ` data-key="${esc(key)}" tabindex="0" role="button" focusable="true" aria-label="${esc(label)}"` : ` data-key="${esc(key)}"`;
}

function stageCenter(index: number): { x: number; y: number } {
  return CENTERS[index % CENTERS.length];
}

function renderStage(stage: StageModel, index: number, options: RenderSvgOptions): string {
  const c = stageCenter(index);
  const x = c.x - BOX_W / 2;
  const y = c.y - BOX_H / 2;
  const state = stage.present ? `status-${stage.status ?? 'unset'}` : 'missing';
  const labelLines = wrapTwo(stage.label, fits(13, BOX_W - 40));
  const owner = stage.present ? (stage.owner ? `Owner: ${stage.owner}` : 'No owner') : 'Not in the document';
  const maxLine = fits(12, BOX_W - 24);
  const worst = worstSeverity(stage.findings);
  const findingLine = stage.findings.length ? plural(stage.findings.length, 'finding') : 'No findings';
  const parts = [
    `<g class="stage ${state}"${interactiveAttrs(options, elementKey.stage(stage.id), stageLabel(stage))}>`,
    `<title>${esc(stageLabel(stage))}</title>`,
    `<rect class="stage-box" x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="8"/>`,
    statusMarker(stage, x + 18, y + 19),
    ...labelLines.map((line, i) => `<text class="stage-label" x="${x + 32}" y="${y + 23 + i * 16}">${esc(line)}</text>`),
    `<text class="stage-status" x="${x + 12}" y="${y + 62}">${esc(truncate(`Status: ${stageStatusText(stage)}`, maxLine))}</text>`,
    `<text class="stage-owner" x="${x + 12}" y="${y + 78}">${esc(truncate(owner, maxLine))}</text>`,
    worst ? severityMarker(worst, x + 18, y + 90) : '',
    `<text class="stage-findings${worst ? ` sev-text-${worst}` : ''}" x="${x + (worst ? 28 : 12)}" y="${y + 94}">${esc(findingLine)}</text>`,
    '</g>',
  ];
  return parts.join('');
}

/** The point where the ray from a box's centre towards `toward` leaves the box, plus a gap. */
function edgePoint(from: { x: number; y: number }, toward: { x: number; y: number }, gap: number): { x: number; y: number } {
  const dx = toward.x - from.x;
  const dy = toward.y - from.y;
  const t = Math.min(dx ? BOX_W / 2 / Math.abs(dx) : Infinity, dy ? BOX_H / 2 / Math.abs(dy) : Infinity);
  const len = Math.hypot(dx, dy);
  return { x: from.x + dx * t + (dx / len) * gap, y: from.y + dy * t + (dy / len) * gap };
}

function renderArrows(count: number, idPrefix: string): string {
  const arrows: string[] = [];
  for (let i = 0; i < count; i++) {
    const from = stageCenter(i);
    const to = stageCenter((i + 1) % count);
    const a = edgePoint(from, to, 4);
    const b = edgePoint(to, from, 6);
    const feedback = i === count - 1;
    arrows.push(
      `<line class="arrow${feedback ? ' arrow-feedback' : ''}" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" marker-end="url(#${idPrefix}-arrowhead)"/>`,
    );
    if (feedback) {
      const my = (a.y + b.y) / 2;
      arrows.push(`<text class="arrow-label" x="${(a.x + 8).toFixed(1)}" y="${(my + 4).toFixed(1)}">feeds back into scoping</text>`);
    }
  }
  return arrows.join('');
}

function renderCenter(model: LifecycleModel): string {
  const c = model.counts;
  const total = c.error + c.warning + c.info;
  const summary = total ? [plural(c.error, 'error'), plural(c.warning, 'warning'), `${c.info} info`].join(' · ') : 'no findings';
  return [
    `<text class="center-title" x="${CENTER.x}" y="${CENTER.y - 6}" text-anchor="middle">Lifecycle</text>`,
    `<text class="center-counts" x="${CENTER.x}" y="${CENTER.y + 14}" text-anchor="middle">${esc(summary)}</text>`,
  ].join('');
}

function renderPillars(model: LifecycleModel, top: number, options: RenderSvgOptions): { svg: string; height: number } {
  const gap = 10;
  const w = (WIDTH - 2 * 20 - 3 * gap) / 4;
  const h = 66;
  const parts = [`<text class="section-title" x="20" y="${top + 16}">Requirements: the four pillars</text>`];
  model.pillars.forEach((p, i) => {
    const x = 20 + i * (w + gap);
    const y = top + 28;
    const worst = worstSeverity(p.findings);
    parts.push(
      `<g class="pillar pillar-${p.state}"${interactiveAttrs(options, elementKey.pillar(p.id), pillarLabel(p))}>`,
      `<title>${esc(pillarLabel(p))}</title>`,
      `<rect class="pillar-box" x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>`,
      `<text class="pillar-label" x="${x + 10}" y="${y + 20}">${esc(p.label)}</text>`,
      `<text class="pillar-state" x="${x + 10}" y="${y + 38}">${esc(`${p.state === 'present' ? 'Present' : p.state === 'empty' ? 'Empty' : 'Missing'}${p.readiness.placeholders ? `, ${plural(p.readiness.placeholders, 'placeholder')}` : ''}`)}</text>`,
      worst ? severityMarker(worst, x + 15, y + 52) : '',
      `<text class="pillar-findings" x="${x + (worst ? 25 : 10)}" y="${y + 56}">${esc(p.findings.length ? plural(p.findings.length, 'finding') : 'No findings')}</text>`,
      '</g>',
    );
  });
  return { svg: parts.join(''), height: 28 + h + 16 };
}

function renderTrace(model: LifecycleModel, top: number, options: RenderSvgOptions): { svg: string; height: number } {
  const cols = [20, 260, 500];
  const colChars = fits(12, 230);
  const row = 18;
  const parts = [
    `<text class="section-title" x="20" y="${top + 16}">Trace: business objectives → framings → ML metrics</text>`,
    `<text class="trace-head" x="${cols[0]}" y="${top + 38}">Objective</text>`,
    `<text class="trace-head" x="${cols[1]}" y="${top + 38}">Framings that serve it</text>`,
    `<text class="trace-head" x="${cols[2]}" y="${top + 38}">ML metrics that move it</text>`,
  ];
  let y = top + 48;
  if (!model.objectives.length) {
    parts.push(`<text class="trace-empty" x="${cols[0]}" y="${y + 14}">No business objectives in the document.</text>`);
    y += row + 6;
  }
  model.objectives.forEach((o, oi) => {
    // Below the id: the unframed flag, then the experiment that measures the objective.
    const experimentLine = o.unframed ? 2 : 1;
    const lines = Math.max(experimentLine + 1, o.framings.length, o.metrics.length);
    const experiment = o.experiment ? `online: ${o.experiment.method ?? (o.experiment.description !== undefined ? 'as described' : 'method not given')}` : 'not measured online';
    const label = `Objective ${o.id}${o.unframed ? ' (unframed: no framing serves it)' : ''}: ${plural(o.framings.length, 'framing')}, ${plural(o.metrics.length, 'ML metric')}`;
    parts.push(
      `<g class="objective${o.unframed ? ' unframed' : ''}"${interactiveAttrs(options, elementKey.objective(oi), label)}>`,
      `<title>${esc(o.statement ? `${o.id}: ${o.statement}` : o.id)}</title>`,
      `<rect class="trace-row" x="14" y="${y}" width="${WIDTH - 28}" height="${lines * row + 6}" rx="4"/>`,
      `<text class="objective-id" x="${cols[0]}" y="${y + 16}">${esc(truncate(o.id, colChars))}</text>`,
      o.unframed ? `<text class="flag flag-unframed" x="${cols[0]}" y="${y + 16 + row}">⚠ unframed</text>` : '',
      `<text class="experiment${o.experiment ? '' : ' unmeasured'}" x="${cols[0]}" y="${y + 16 + experimentLine * row}">${esc(truncate(experiment, colChars))}</text>`,
      '</g>',
    );
    if (!o.framings.length) parts.push(`<text class="trace-none" x="${cols[1]}" y="${y + 16}">none</text>`);
    o.framings.forEach((f, fi) => {
      // The task stays in the tooltip: beside the id it would rarely fit the column.
      const label = f.task ? `Framing ${f.id} (${f.task})` : `Framing ${f.id}`;
      parts.push(`<text class="framing"${interactiveAttrs(options, elementKey.framing(oi, fi), label)} x="${cols[1]}" y="${y + 16 + fi * row}"><title>${esc(label)}</title>${esc(truncate(f.id, colChars))}</text>`);
    });
    if (!o.metrics.length) parts.push(`<text class="trace-none" x="${cols[2]}" y="${y + 16}">none</text>`);
    o.metrics.forEach((m, mi) => {
      const text = `${m.name}${m.target ? ` ${m.target}` : ''}`;
      parts.push(`<text class="metric"${interactiveAttrs(options, elementKey.metric(oi, mi), `ML metric ${text} of framing ${m.framing}`)} x="${cols[2]}" y="${y + 16 + mi * row}">${esc(truncate(text, colChars))}</text>`);
    });
    y += lines * row + 12;
  });
  if (model.unlinkedMetrics.length) {
    parts.push(`<text class="trace-head" x="${cols[0]}" y="${y + 16}">Unlinked ML metrics (move no business objective)</text>`);
    y += 24;
    model.unlinkedMetrics.forEach((m, i) => {
      const text = `⚠ ${m.name} (framing ${m.framing})`;
      parts.push(`<text class="metric unlinked"${interactiveAttrs(options, elementKey.unlinked(i), `Unlinked ML metric ${m.name} of framing ${m.framing}`)} x="${cols[0]}" y="${y + 14}">${esc(truncate(text, 90))}</text>`);
      y += row;
    });
  }
  return { svg: parts.join(''), height: y - top + 10 };
}

/** Light colours for a file that stands alone (print, docs, CI artifacts). */
const PRINT_STYLE = [
  'svg{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:12px}',
  '.background{fill:#ffffff}',
  'text{fill:#1f2328}',
  '.heading{font-size:16px;font-weight:600}',
  '.section-title,.center-title{font-size:14px;font-weight:600}',
  '.center-counts,.arrow-label,.trace-none,.trace-head{fill:#59636e}',
  '.trace-head{font-weight:600}',
  '.stage-box,.pillar-box{fill:#f6f8fa;stroke:#59636e;stroke-width:1.5}',
  '.stage.status-done .stage-box{fill:#dafbe1;stroke:#1a7f37}',
  '.stage.status-in-progress .stage-box{fill:#ddf4ff;stroke:#0969da;stroke-width:2.5}',
  '.stage.status-blocked .stage-box{fill:#ffebe9;stroke:#cf222e;stroke-width:2.5}',
  '.stage.status-skipped .stage-box{fill:#f6f8fa;stroke:#8c959f;stroke-dasharray:2 3}',
  '.stage.missing .stage-box,.pillar-missing .pillar-box{fill:#ffffff;stroke:#cf222e;stroke-dasharray:6 4}',
  '.pillar-empty .pillar-box{fill:#fff8c5;stroke:#9a6700;stroke-dasharray:2 3}',
  '.stage.missing text,.pillar-missing text{fill:#cf222e}',
  '.stage-label,.pillar-label,.objective-id{font-size:13px;font-weight:600}',
  '.marker-fill{fill:#1f2328}.marker-ring,.marker-line{fill:none;stroke:#1f2328;stroke-width:1.5}',
  '.marker-dashed{stroke-dasharray:3 2}.marker-tick{fill:none;stroke:#ffffff;stroke-width:1.8}',
  '.sev-error{fill:#cf222e}.sev-warning{fill:#9a6700}.sev-info{fill:#0969da}',
  '.arrow{stroke:#59636e;stroke-width:1.5}.arrow-feedback{stroke-dasharray:6 4}.arrowhead{fill:#59636e}',
  '.trace-row{fill:#f6f8fa;stroke:#d1d9e0}.objective.unframed .trace-row{fill:#fff8c5;stroke:#9a6700;stroke-dasharray:4 3}',
  '.flag,.metric.unlinked,.experiment.unmeasured{fill:#9a6700}',
].join('');

export function renderLifecycleSvg(model: LifecycleModel, options: RenderSvgOptions): string {
  const idPrefix = (options.idPrefix ?? 'lc').replace(/[^A-Za-z0-9_-]/g, '');
  const withSections = options.sections ?? options.theme === 'print';
  const withHeading = Boolean(model.name) && (options.heading ?? options.theme === 'print');
  const headingHeight = withHeading ? 30 : 0;
  const body: string[] = [];
  if (withHeading && model.name) body.push(`<text class="heading" x="20" y="24">${esc(truncate(model.name, 80))}</text>`);
  body.push(`<g class="cycle" transform="translate(0 ${headingHeight})">`);
  body.push(renderArrows(model.stages.length, idPrefix), renderCenter(model));
  model.stages.forEach((s, i) => body.push(renderStage(s, i, options)));
  body.push('</g>');
  let height = headingHeight + CYCLE_HEIGHT;
  if (withSections) {
    const pillars = renderPillars(model, height, options);
    body.push(pillars.svg);
    height += pillars.height;
    const trace = renderTrace(model, height, options);
    body.push(trace.svg);
    height += trace.height;
  }

  const stages = model.stages.map(stageLabel).join('. ');
  const title = `Lifecycle of ${model.name ?? 'the design'}`;
  const desc = `Six stages in a cycle, business analysis feeding back into scoping. ${stages}.`;
  const role = options.interactive ? 'group' : 'img';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="lifecycle theme-${options.theme}" viewBox="0 0 ${WIDTH} ${height}"`,
    options.theme === 'print' ? ` width="${WIDTH}" height="${height}"` : '',
    ` role="${role}" aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc">`,
    `<title id="${idPrefix}-title">${esc(title)}</title>`,
    `<desc id="${idPrefix}-desc">${esc(desc)}</desc>`,
    options.theme === 'print' ? `<style>${PRINT_STYLE}</style>` : '',
    `<defs><marker id="${idPrefix}-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L10,5 L0,10 Z"/></marker></defs>`,
    options.theme === 'print' ? `<rect class="background" width="${WIDTH}" height="${height}"/>` : '',
    ...body,
    '</svg>',
  ].join('');
}
