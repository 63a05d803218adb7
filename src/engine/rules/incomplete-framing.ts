import { Scalar } from 'yaml';
import type { Rule } from '../rule';
import { asArray, asRecord, asString, isFilled } from '../rule';
import { fillKeys } from '../skeletons';
import type { RuleFinding } from '../types';
import { isFlowCollection } from './unframed-objective';

/** The values of `framing[].task` (FORMAT.md, field notes). */
export const TASKS = [
  'binary-classification', 'multiclass-classification', 'multilabel-classification', 'regression', 'ranking',
  'recommendation', 'forecasting', 'clustering', 'anomaly-detection', 'generation', 'other',
] as const;

/**
 * A missing task is filled with `other` (valid against the schema) and this comment, so the
 * choice left to the author stays visible in the text.
 */
export const TASK_TODO_COMMENT = ` TODO: choose the task: ${TASKS.filter((t) => t !== 'other').join(', ')} or other`;

export const FRAMING_PLACEHOLDERS: Readonly<Record<'inputs' | 'outputs' | 'objective', string>> = {
  inputs: 'TODO: what does the model read at prediction time?',
  outputs: 'TODO: what does the model predict?',
  objective: 'TODO: which objective (loss) function guides learning?',
};

/** The task the classes point to, when they point to one. */
function taskFromClasses(classes: unknown): string | undefined {
  const count = Array.isArray(classes) ? classes.length : undefined;
  if (count === 2) return 'binary-classification';
  if (count !== undefined && count > 2) return 'multiclass-classification';
  return undefined;
}

function list(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const rule: Rule = {
  id: 'incomplete-framing',
  severity: 'warning',
  summary: 'A framing must define its inputs, outputs, objective function and task.',
  check({ data, loc, edit }) {
    const findings: RuleFinding[] = [];
    asArray(data.framing).forEach((raw, index) => {
      const framing = asRecord(raw);
      if (!framing) return;
      const missing = (['inputs', 'outputs', 'objective', 'task'] as const).filter((key) => !isFilled(framing[key]));
      if (!missing.length) return;
      const path = ['framing', index];
      const range = loc.subjectRange(path);
      if (!range) return;

      const wanted: Record<string, unknown> = {};
      for (const key of missing) {
        if (key !== 'task') wanted[key] = FRAMING_PLACEHOLDERS[key];
        else {
          const inferred = taskFromClasses(framing.classes);
          if (inferred || 'task' in framing || isFlowCollection(loc.node(path))) wanted.task = inferred ?? 'other';
          else wanted.task = Object.assign(new Scalar('other'), { comment: TASK_TODO_COMMENT });
        }
      }
      const edits = fillKeys(edit, loc, framing, path, wanted);
      const name = asString(framing.id);
      const what = name === undefined ? `Framing ${index + 1}` : `Framing \`${name}\``;
      const why = missing.some((k) => k !== 'task')
        ? 'an ML problem is defined by its inputs, its outputs and the objective function that guides learning; without all three the team cannot agree on what the model does.'
        : 'the task says which kind of ML problem this is, and what its classes, metrics and baseline must look like.';
      findings.push({
        rule: 'incomplete-framing',
        message: `${what} lacks ${list(missing.map((k) => `\`${k}\``))}: ${why}`,
        range,
        path,
        fixes: edits.length ? [{ title: `Add ${list(missing.map((k) => `\`${k}\``))}`, edits }] : [],
      });
    });
    return findings;
  },
};
