/**
 * The skeletons and placeholders the fixes (and snippets) insert: each pillar with its
 * expected keys, a lifecycle stage, a stakeholder, a framing's parts. Placeholders are strings that start with "TODO:" and
 * ask the question the design must answer, so the result stays valid against the schema.
 */
import type { PillarId, StageStatus, Task } from './vocabulary';
import { listWords } from './wording';

export const PILLAR_SKELETONS: Readonly<Record<PillarId, Readonly<Record<string, unknown>>>> = {
  reliability: {
    failure_modes: ['TODO: how can the system fail, and what does each failure cost?'],
    silent_failures: 'TODO: how are silent failures (wrong answers, no errors) detected?',
    fallback: 'TODO: what happens when the model is wrong or unavailable?',
  },
  scalability: {
    traffic: { current: 'TODO: requests or predictions per day today', expected: 'TODO: expected at peak and in a year' },
    model_complexity: 'TODO: how may the model grow, and what would it need to run?',
    model_count: 'TODO: how many models now, and how many later (per customer, region...)?',
    resources: 'TODO: how do compute and memory scale with load?',
    artifact_management: 'TODO: where are models and their lineage stored?',
  },
  maintainability: {
    versioning: {
      code: 'TODO: how is the code versioned?',
      data: 'TODO: how are training data versioned?',
      artifacts: 'TODO: how are models and other artifacts versioned?',
    },
    reproducibility: 'TODO: how is a model rebuilt from its code and data versions?',
    documentation: 'TODO: where is the system documented?',
    ownership: 'TODO: who owns training, serving and the data?',
    on_call: 'TODO: who is paged when the model misbehaves in production?',
  },
  adaptability: {
    monitoring: 'TODO: what is monitored in production (quality, drift, volume)?',
    retraining: 'TODO: when and how is the model retrained?',
    rollout: 'TODO: how does a new model reach production safely?',
  },
};

export const STAGE_SKELETON: Readonly<{ status: StageStatus }> = { status: 'planned' };

export const STAKEHOLDER_SKELETON: Readonly<Record<string, unknown>> = {
  name: 'TODO: who must be involved?',
  role: 'TODO: their role (business owner, domain expert, end user...)',
  concerns: ['TODO: what must the system get right for them?'],
};

export const FRAMING_PLACEHOLDERS: Readonly<Record<'inputs' | 'outputs' | 'objective', string>> = {
  inputs: 'TODO: what does the model read at prediction time?',
  outputs: 'TODO: what does the model predict?',
  objective: 'TODO: which objective (loss) function guides learning?',
};

const EXAMPLE_TASKS: readonly Task[] = ['binary-classification', 'regression', 'ranking'];

/**
 * A missing task is filled with `other` (valid against the schema) and this comment, so the
 * choice left to the author stays visible in the text; short, as comments in a design are
 * (completion lists every task).
 */
export const TASK_TODO_COMMENT = ` TODO: choose the task, e.g. ${listWords(EXAMPLE_TASKS, 'or')}`;

export const BASELINE_PLACEHOLDER = 'TODO: what must the model beat (rules, a heuristic, the current process)?';

export const LABELS_SKELETON: Readonly<Record<string, unknown>> = {
  source: 'TODO: where does the true outcome of each example come from?',
  delay: 'TODO: how long after a prediction is its true outcome known (e.g. 3d)?',
};

/** `method` is an enum, so the skeleton leaves it out and asks for it in `notes`. */
export function onlineSkeleton(objectiveIds: readonly string[]): Record<string, unknown> {
  return {
    measures: [...objectiveIds],
    guardrails: ['TODO: what must not get worse while the experiment runs?'],
    notes: 'TODO: which experiment: a-b-test, shadow, canary, interleaving or holdout?',
  };
}

export const STAGE_OWNER_PLACEHOLDER = 'TODO: who owns this stage?';
