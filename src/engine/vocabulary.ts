/**
 * The design's words, in one place: lifecycle stages, requirement pillars, stage statuses
 * and framing tasks, with the labels hosts show. A unit test holds every list equal to the
 * JSON Schema's enums (schemas/mlsystem.schema.json).
 */

export const STAGE_IDS = [
  'scoping',
  'data_engineering',
  'model_development',
  'deployment',
  'monitoring',
  'business_analysis',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const STAGE_LABELS: Readonly<Record<StageId, string>> = {
  scoping: 'Scoping',
  data_engineering: 'Data engineering',
  model_development: 'Model development',
  deployment: 'Deployment',
  monitoring: 'Monitoring and continual learning',
  business_analysis: 'Business analysis',
};

export const STAGE_STATUSES = ['planned', 'in-progress', 'done', 'blocked', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/** A stage status as a sentence says it. */
export const STATUS_TEXT: Readonly<Record<StageStatus, string>> = {
  planned: 'planned',
  'in-progress': 'in progress',
  done: 'done',
  blocked: 'blocked',
  skipped: 'skipped',
};

export const PILLAR_IDS = ['reliability', 'scalability', 'maintainability', 'adaptability'] as const;
export type PillarId = (typeof PILLAR_IDS)[number];

export const PILLAR_LABELS: Readonly<Record<PillarId, string>> = {
  reliability: 'Reliability',
  scalability: 'Scalability',
  maintainability: 'Maintainability',
  adaptability: 'Adaptability',
};

/** The values of `framing[].task`. */
export const TASKS = [
  'binary-classification', 'multiclass-classification', 'multilabel-classification', 'regression', 'ranking',
  'recommendation', 'forecasting', 'clustering', 'anomaly-detection', 'generation', 'other',
] as const;
export type Task = (typeof TASKS)[number];

/** Tasks that learn from labelled examples (every classification, regression, ranking): their labels must come from somewhere. */
export const LABELLED_TASKS: ReadonlySet<Task> = new Set<Task>([
  'binary-classification', 'multiclass-classification', 'multilabel-classification', 'regression', 'ranking',
]);

/** The parts of a design, in the order a review asks its questions: the preview shows how far each is answered. */
export const SECTION_IDS = ['identity', 'stakeholders', 'business', 'framing', 'data', 'evaluation', 'requirements', 'lifecycle'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
  identity: 'Identity',
  stakeholders: 'Stakeholders',
  business: 'Business',
  framing: 'Framing',
  data: 'Data',
  evaluation: 'Evaluation',
  requirements: 'Requirements',
  lifecycle: 'Lifecycle',
};
