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
  /**
   * The width to draw at (px): the panel passes its own, so the diagram is drawn 1:1 and
   * its text keeps the size the styles give it. Default: 740, with no size on the element.
   */
  width?: number;
  /** The size the styles give the diagram's text (px), to fit text into boxes. Default: 12. */
  fontSize?: number;
  /** Default: the ring while three stages fit side by side at `width`, then two columns, then one. */
  layout?: CycleLayout;
}

export type CycleLayout = 'ring' | 'two-columns' | 'column';

/** The width the print theme draws at, and the panel's default. */
const DEFAULT_WIDTH = 740;
/** Stage labels this long fit a box on one line, or two at a space: below that, fewer columns. */
const LABEL_CHARS = 22;
/** Room for the arrows between boxes side by side (the ring's gap also holds its centre title). */
const COLUMN_GAP = 50;
const NARROW_COLUMN_GAP = 40;
/** The single column's feedback arrow runs up this gutter on the right. */
const GUTTER = 24;

interface Point {
  x: number;
  y: number;
}

/** Where everything of the cycle goes, for one width and text size. */
interface CycleGeometry {
  layout: CycleLayout;
  width: number;
  height: number;
  fontSize: number;
  /** Average character width, for fitting text into boxes. */
  charWidth: number;
  boxW: number;
  boxH: number;
  /** Box centres, in stage order. */
  centers: Point[];
  /** Baselines inside a box, from its top. */
  lines: { label: number; lineHeight: number; status: number; owner: number; findings: number };
  /** The title and counts: centred in the ring, else left-aligned above the boxes. */
  title: { x: number; y: number; countsY: number; anchor: 'middle' | 'start' };
}

function boxLines(fontSize: number): CycleGeometry['lines'] & { height: number } {
  const lineHeight = Math.round((fontSize * 4) / 3);
  const label = 10 + fontSize + 1;
  const status = label + lineHeight + Math.round(lineHeight * 1.4375);
  const owner = status + lineHeight;
  const findings = owner + lineHeight;
  return { label, lineHeight, status, owner, findings, height: findings + 10 };
}

/** The narrowest box whose label fits (on one line, or two at a space). */
function minBoxWidth(fontSize: number, charWidth: number): number {
  return Math.ceil(LABEL_CHARS * fontSize * charWidth) + 40;
}

/** The layout for a width: the ring while three stages fit side by side, then two columns, then one. */
function cycleLayoutFor(width: number, fontSize: number, charWidth = 0.6): CycleLayout {
  const min = minBoxWidth(fontSize, charWidth);
  if ((width - 40 - 2 * COLUMN_GAP) / 3 >= min) return 'ring';
  if ((width - 4 - NARROW_COLUMN_GAP) / 2 >= min) return 'two-columns';
  return 'column';
}

function cycleGeometry(options: RenderSvgOptions): CycleGeometry {
  const width = Math.max(160, Math.round(options.width ?? DEFAULT_WIDTH));
  const fontSize = options.fontSize ?? 12;
  // The print theme names its fonts (narrower faces); the panel has the user's.
  const charWidth = options.theme === 'print' ? 0.55 : 0.6;
  const layout = options.layout ?? cycleLayoutFor(width, fontSize, charWidth);
  const { height: boxH, ...lines } = boxLines(fontSize);
  if (layout === 'ring') {
    // Scoping → data engineering → model development across the top, deployment →
    // monitoring → business analysis back along the bottom, and business analysis up into
    // scoping again.
    const boxW = Math.floor((width - 40 - 2 * COLUMN_GAP) / 3);
    const rowGap = Math.round((84 * fontSize) / 12);
    const columns = [20 + boxW / 2, width / 2, width - 20 - boxW / 2];
    const rows = [20 + boxH / 2, 20 + boxH + rowGap + boxH / 2];
    const centers = [0, 1, 2, 2, 1, 0].map((c, i) => ({ x: columns[c], y: rows[i < 3 ? 0 : 1] }));
    const cy = 20 + boxH + rowGap / 2;
    return {
      layout, width, height: 20 + boxH + rowGap + boxH + 20, fontSize, charWidth, boxW, boxH, centers, lines,
      title: { x: width / 2, y: cy - fontSize / 2, countsY: cy + fontSize + 2, anchor: 'middle' },
    };
  }
  const margin = 2;
  const titleY = margin + fontSize + 4;
  const countsY = titleY + lines.lineHeight + 2;
  if (layout === 'two-columns') {
    // Down the left column, across the bottom, up the right column, and back over the top
    // into scoping: still a ring, upright.
    const boxW = Math.floor((width - 2 * margin - NARROW_COLUMN_GAP) / 2);
    const rowGap = 28;
    const channel = countsY + lines.lineHeight + 8; // the feedback arrow's label sits above it
    const top = channel + 14;
    const columns = [margin + boxW / 2, width - margin - boxW / 2];
    const rows = [0, 1, 2].map((r) => top + r * (boxH + rowGap) + boxH / 2);
    const centers = [0, 1, 2, 2, 1, 0].map((r, i) => ({ x: columns[i < 3 ? 0 : 1], y: rows[r] }));
    return {
      layout, width, height: top + 3 * boxH + 2 * rowGap + 8, fontSize, charWidth, boxW, boxH, centers, lines,
      title: { x: margin, y: titleY, countsY, anchor: 'start' },
    };
  }
  // One column, top to bottom; the feedback arrow returns up the gutter on the right.
  const boxW = width - 2 * margin - GUTTER;
  const rowGap = 28;
  const top = countsY + 12;
  const centers = Array.from({ length: 6 }, (_, i) => ({ x: margin + boxW / 2, y: top + i * (boxH + rowGap) + boxH / 2 }));
  const bottom = top + 6 * boxH + 5 * rowGap;
  return {
    layout, width, height: bottom + 14 + lines.lineHeight + 8, fontSize, charWidth, boxW, boxH, centers, lines,
    title: { x: margin, y: titleY, countsY, anchor: 'start' },
  };
}

/** Text width estimate for a sans-serif face; good enough to keep text inside its box. */
function fits(fontSize: number, width: number, charWidth = 0.55): number {
  return Math.max(4, Math.floor(width / (fontSize * charWidth)));
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

function stageCenter(g: CycleGeometry, index: number): Point {
  return g.centers[index % g.centers.length];
}

function renderStage(stage: StageModel, index: number, options: RenderSvgOptions, g: CycleGeometry): string {
  const c = stageCenter(g, index);
  const x = c.x - g.boxW / 2;
  const y = c.y - g.boxH / 2;
  const { lines, fontSize } = g;
  const state = stage.present ? `status-${stage.status ?? 'unset'}` : 'missing';
  const labelLines = wrapTwo(stage.label, fits(fontSize + 1, g.boxW - 40, g.charWidth));
  const owner = stage.present ? (stage.owner ? `Owner: ${stage.owner}` : 'No owner') : 'Not in the document';
  const maxLine = fits(fontSize, g.boxW - 24, g.charWidth);
  const worst = worstSeverity(stage.findings);
  const findingLine = stage.findings.length ? plural(stage.findings.length, 'finding') : 'No findings';
  const parts = [
    `<g class="stage ${state}"${interactiveAttrs(options, elementKey.stage(stage.id), stageLabel(stage))}>`,
    `<title>${esc(stageLabel(stage))}</title>`,
    `<rect class="stage-box" x="${x}" y="${y}" width="${g.boxW}" height="${g.boxH}" rx="8"/>`,
    statusMarker(stage, x + 18, y + lines.label - 4),
    ...labelLines.map((line, i) => `<text class="stage-label" x="${x + 32}" y="${y + lines.label + i * lines.lineHeight}">${esc(line)}</text>`),
    `<text class="stage-status" x="${x + 12}" y="${y + lines.status}">${esc(truncate(`Status: ${stageStatusText(stage)}`, maxLine))}</text>`,
    `<text class="stage-owner" x="${x + 12}" y="${y + lines.owner}">${esc(truncate(owner, maxLine))}</text>`,
    worst ? severityMarker(worst, x + 18, y + lines.findings - 4) : '',
    `<text class="stage-findings${worst ? ` sev-text-${worst}` : ''}" x="${x + (worst ? 28 : 12)}" y="${y + lines.findings}">${esc(findingLine)}</text>`,
    '</g>',
  ];
  return parts.join('');
}

/** The point where the ray from a box's centre towards `toward` leaves the box, plus a gap. */
function edgePoint(g: CycleGeometry, from: Point, toward: Point, gap: number): Point {
  const dx = toward.x - from.x;
  const dy = toward.y - from.y;
  const t = Math.min(dx ? g.boxW / 2 / Math.abs(dx) : Infinity, dy ? g.boxH / 2 / Math.abs(dy) : Infinity);
  const len = Math.hypot(dx, dy);
  return { x: from.x + dx * t + (dx / len) * gap, y: from.y + dy * t + (dy / len) * gap };
}

const FEEDBACK_LABEL = 'feeds back into scoping';

/**
 * The feedback arrow of the upright layouts, from business analysis back into scoping: over
 * the top between the two columns, or down, right and up the gutter beside the one column.
 */
function renderFeedbackPath(g: CycleGeometry, from: Point, to: Point, idPrefix: string): string {
  const half = { w: g.boxW / 2, h: g.boxH / 2 };
  const marker = `marker-end="url(#${idPrefix}-arrowhead)"`;
  if (g.layout === 'two-columns') {
    const channel = to.y - half.h - 14;
    const d = `M${from.x},${from.y - half.h - 4} V${channel} H${to.x} V${to.y - half.h - 6}`;
    return `<path class="arrow arrow-feedback" d="${d}" fill="none" ${marker}/>` +
      `<text class="arrow-label" x="${g.width / 2}" y="${channel - 6}" text-anchor="middle">${FEEDBACK_LABEL}</text>`;
  }
  const below = from.y + half.h + 14;
  const gutter = g.width - 2 - GUTTER / 2;
  const d = `M${from.x},${from.y + half.h + 4} V${below} H${gutter} V${to.y} H${to.x + half.w + 6}`;
  return `<path class="arrow arrow-feedback" d="${d}" fill="none" ${marker}/>` +
    `<text class="arrow-label" x="${to.x - half.w + 12}" y="${below + g.lines.lineHeight + 2}">${FEEDBACK_LABEL}</text>`;
}

function renderArrows(g: CycleGeometry, count: number, idPrefix: string): string {
  const arrows: string[] = [];
  for (let i = 0; i < count; i++) {
    const from = stageCenter(g, i);
    const to = stageCenter(g, (i + 1) % count);
    const feedback = i === count - 1;
    if (feedback && g.layout !== 'ring') {
      arrows.push(renderFeedbackPath(g, from, to, idPrefix));
      continue;
    }
    const a = edgePoint(g, from, to, 4);
    const b = edgePoint(g, to, from, 6);
    arrows.push(
      `<line class="arrow${feedback ? ' arrow-feedback' : ''}" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" marker-end="url(#${idPrefix}-arrowhead)"/>`,
    );
    if (feedback) {
      const my = (a.y + b.y) / 2;
      arrows.push(`<text class="arrow-label" x="${(a.x + 8).toFixed(1)}" y="${(my + 4).toFixed(1)}">${FEEDBACK_LABEL}</text>`);
    }
  }
  return arrows.join('');
}

function renderCenter(model: LifecycleModel, g: CycleGeometry): string {
  const c = model.counts;
  const total = c.error + c.warning + c.info;
  const summary = total ? [plural(c.error, 'error'), plural(c.warning, 'warning'), `${c.info} info`].join(' · ') : 'no findings';
  const { x, y, countsY, anchor } = g.title;
  return [
    `<text class="center-title" x="${x}" y="${y}" text-anchor="${anchor}">Lifecycle</text>`,
    `<text class="center-counts" x="${x}" y="${countsY}" text-anchor="${anchor}">${esc(summary)}</text>`,
  ].join('');
}

function renderPillars(model: LifecycleModel, top: number, options: RenderSvgOptions): { svg: string; height: number } {
  const gap = 10;
  const w = (DEFAULT_WIDTH - 2 * 20 - 3 * gap) / 4;
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
      `<rect class="trace-row" x="14" y="${y}" width="${DEFAULT_WIDTH - 28}" height="${lines * row + 6}" rx="4"/>`,
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
  const g = cycleGeometry(options);
  body.push(`<g class="cycle" transform="translate(0 ${headingHeight})">`);
  body.push(renderArrows(g, model.stages.length, idPrefix), renderCenter(model, g));
  model.stages.forEach((s, i) => body.push(renderStage(s, i, options, g)));
  body.push('</g>');
  let height = headingHeight + g.height;
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
  // The pillars and trace keep the default width; the cycle takes the width asked for.
  const width = withSections ? Math.max(g.width, DEFAULT_WIDTH) : g.width;
  const layoutClass = g.layout === 'ring' ? '' : ` layout-${g.layout}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="lifecycle theme-${options.theme}${layoutClass}" viewBox="0 0 ${width} ${height}"`,
    // Drawn at its size (1:1) when it has one, so its text is the size its styles say.
    options.theme === 'print' || options.width !== undefined ? ` width="${width}" height="${height}"` : '',
    ` role="${role}" aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc">`,
    `<title id="${idPrefix}-title">${esc(title)}</title>`,
    `<desc id="${idPrefix}-desc">${esc(desc)}</desc>`,
    options.theme === 'print' ? `<style>${PRINT_STYLE}</style>` : '',
    `<defs><marker id="${idPrefix}-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L10,5 L0,10 Z"/></marker></defs>`,
    options.theme === 'print' ? `<rect class="background" width="${width}" height="${height}"/>` : '',
    ...body,
    '</svg>',
  ].join('');
}
