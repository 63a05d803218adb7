/**
 * The engine's public vocabulary. Pure data: every host (CLI, editor, webview, tests)
 * speaks these types, and nothing here depends on `vscode` or the file system.
 */

export type { DataPath, Fix, FixKind, Position, Range, RelatedLocation, Severity, SeveritySetting, TextEdit } from './basics';
import type { DataPath, Fix, Range, RelatedLocation, Severity, SeveritySetting } from './basics';
export { PILLAR_IDS, STAGE_IDS, STAGE_STATUSES, TASKS } from './vocabulary';
export type { PillarId, SectionId, StageId, StageStatus, Task } from './vocabulary';
import type { PillarId, SectionId, StageId, StageStatus } from './vocabulary';
export type { RuleId } from './rules';
import type { RuleId } from './rules';
import type { Check, CheckId } from './checks';

/** What made a finding: a built-in rule, or a team's check from the configuration. */
export type FindingRule = RuleId | CheckId;

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  /** What is wrong and what to do, in one short sentence (the Problems panel's line). */
  message: string;
  /** Why it matters: the hover's and JSON/SARIF's longer text (the rule's summary when the rule says no more). */
  help: string;
  range: Range;
  /**
   * What the finding is about, as a waiver `target` would name it: dotted, with list
   * items that carry an `id` named by it (`business.objectives.faster-routing`), others by
   * index (`stakeholders.0`). Empty for the whole document.
   */
  target: string;
  /** The data path the finding is about (the missing child's path for a missing thing). */
  path: DataPath;
  fixes: Fix[];
  related?: RelatedLocation[];
  /** A team's check's documentation link (built-in rules link to their page in docs/rules/). */
  docs?: string;
}

/** A finding a waiver silenced: kept so hosts can show that the waiver did its work. */
export interface WaivedFinding extends Finding {
  /** Index of the waiver in `waivers` that silenced it. */
  waiver: number;
}

export interface ReviewOptions {
  /** Per-rule severity overrides (built-in rules and checks); rules not named keep their defaults. */
  rules?: Partial<Record<FindingRule, SeveritySetting>>;
  /** The team's own checks from the configuration (plain data: a worker receives them as is). */
  checks?: readonly Check[];
  /** Today's date as YYYY-MM-DD, for `expired-waiver` (defaults to the clock's UTC date). */
  today?: string;
}

/** A finding as the lifecycle model carries it (no fixes). */
export interface FindingSummary {
  rule: FindingRule;
  severity: Severity;
  message: string;
  range: Range;
}

export interface StageModel {
  id: StageId;
  label: string;
  /** False when the stage is absent from `lifecycle` (drawn as missing, not hidden). */
  present: boolean;
  status?: StageStatus;
  owner?: string;
  /** Markdown source of the stage's `notes`. */
  notes?: string;
  artifacts: string[];
  /** The stage's key in the document, or where it would go. */
  range: Range;
  /** The whole entry in the text (key through value), when present: the cursor inside it highlights this element. */
  span?: Range;
  findings: FindingSummary[];
}

/**
 * How far a part of the design is answered: its values counted as answered, still
 * placeholders, or missing (an expected question absent or empty). The state is
 * `placeholder` while any placeholder is left, else `missing` while any question is
 * missing (or nothing is written), else `answered`.
 */
export interface Readiness {
  state: 'answered' | 'placeholder' | 'missing';
  answered: number;
  placeholders: number;
  missing: number;
}

export interface SectionReadiness extends Readiness {
  id: SectionId;
  label: string;
  /** The section's key, or where it would go. */
  range: Range;
}

export interface PillarModel {
  id: PillarId;
  label: string;
  state: 'present' | 'empty' | 'missing';
  readiness: Readiness;
  notes?: string;
  range: Range;
  /** The whole entry in the text (key through value), when present: the cursor inside it highlights this element. */
  span?: Range;
  findings: FindingSummary[];
}

export interface MetricLink {
  framing: string;
  name: string;
  target?: string;
  range: Range;
  /** The whole entry in the text (key through value), when present: the cursor inside it highlights this element. */
  span?: Range;
}

export interface FramingLink {
  id: string;
  task?: string;
  range: Range;
  /** The whole entry in the text (key through value), when present: the cursor inside it highlights this element. */
  span?: Range;
}

export interface ObjectiveTrace {
  id: string;
  statement?: string;
  kind?: string;
  metric?: string;
  target?: string;
  range: Range;
  /** The whole entry in the text (key through value), when present: the cursor inside it highlights this element. */
  span?: Range;
  /** Framings whose `serves` names this objective. */
  framings: FramingLink[];
  /** ML metrics whose `moves` names this objective. */
  metrics: MetricLink[];
  /** Served by no framing (`unframed-objective`). */
  unframed: boolean;
  /** The online experiment that measures this objective, when `evaluation.online` names it (or is written as prose). */
  experiment?: ExperimentLink;
}

/** The online evaluation as it applies to one objective. */
export interface ExperimentLink {
  /** `evaluation.online.method` (a-b-test, shadow...) when it is a mapping that measures the objective. */
  method?: string;
  /** `evaluation.online` written as prose: trusted as written, shown as is. */
  description?: string;
  range: Range;
}

/** Where the ground truth comes from (`data.labels`). */
export interface GroundTruth {
  /** The label source, or the whole of `labels` when it is prose. */
  source?: string;
  /** The delay as written. */
  delay?: string;
  /** The delay in days, when it is a duration. */
  delayDays?: number;
  quality?: string;
  range: Range;
  span?: Range;
}

/** What the lifecycle panel draws, derived from the document and its findings. */
export interface LifecycleModel {
  name?: string;
  summary?: string;
  stages: StageModel[];
  pillars: PillarModel[];
  objectives: ObjectiveTrace[];
  /** ML metrics with no `moves`, or whose `moves` names no objective. */
  unlinkedMetrics: MetricLink[];
  /** The labels the framings learn from, when `data.labels` says anything. */
  groundTruth?: GroundTruth;
  /** How far each section is answered, in the document's order of questions. */
  sections: SectionReadiness[];
  /** Findings by severity, after waivers and severity settings. */
  counts: Record<Severity, number>;
}

export type OutlineKind = 'section' | 'objective' | 'framing' | 'metric' | 'pillar' | 'stage' | 'stakeholder' | 'waiver' | 'field';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole entry (key through value), as offsets into the text. */
  start: number;
  end: number;
  /** The part to select: the key, or a list item's id. */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineNode[];
}

export interface ReviewResult {
  /** Reported findings, sorted by position; waived and `off` findings are not here. */
  findings: Finding[];
  waived: WaivedFinding[];
  /** The design as plain data, or undefined while the text cannot be read. */
  design: unknown;
  lifecycle: LifecycleModel;
  /** Sections with objectives, framings, pillars and stages inside, for Outline and breadcrumbs. */
  outline: OutlineNode[];
}
