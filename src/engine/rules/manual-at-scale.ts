import type { DataPath } from '../basics';
import { inspectablePillar } from '../pillars';
import { isPlaceholder } from '../placeholder';
import { asRecord, isFilled } from '../read';
import { defineRule } from '../rule';

/** Words that say there will be many models. */
const MANY = /\b(?:per|each|every|dozens|hundreds|thousands|many)\b/i;
/** Numbers as written in prose: `1,000`, `12`, `2.5`. */
const NUMBER = /\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/g;
const BY_HAND = /\b(?:manual|manually|by hand)\b/i;

/** More than one model: a YAML number above 1, or text with a number above 1 or a word such as "per". */
export function expectsMany(value: unknown): boolean {
  if (typeof value === 'number') return value > 1;
  if (typeof value !== 'string' || isPlaceholder(value)) return false;
  if (MANY.test(value)) return true;
  for (const m of value.matchAll(NUMBER)) if (Number(m[0].replace(/,/g, '')) > 1) return true;
  return false;
}

/** Retraining done by hand: a mapping without `automated: true`, or text that says so. An empty one says nothing. */
export function retrainedByHand(retraining: unknown): boolean {
  const record = asRecord(retraining);
  // `automated` left as a placeholder is an open question (a schema error), not an answer of "no".
  if (record) return Object.keys(record).length > 0 && record.automated !== true && !isPlaceholder(record.automated);
  return typeof retraining === 'string' && !isPlaceholder(retraining) && BY_HAND.test(retraining);
}

export const rule = defineRule({
  id: 'manual-at-scale',
  severity: 'warning',
  summary: 'With many models, retraining must be automated.',
  check({ data, loc, schema }) {
    const scalability = inspectablePillar(data, 'scalability');
    const adaptability = inspectablePillar(data, 'adaptability');
    if (!scalability || !adaptability || !isFilled(adaptability.retraining) || !retrainedByHand(adaptability.retraining)) return [];
    // `automated: "true"` is a schema error, not an answer of "by hand".
    if (schema.rejects(['requirements', 'adaptability', 'retraining', 'automated'])) return [];
    const count = scalability.model_count;
    const countRecord = asRecord(count);
    const path: DataPath = countRecord ? ['requirements', 'scalability', 'model_count', 'expected'] : ['requirements', 'scalability', 'model_count'];
    if (!expectsMany(countRecord ? countRecord.expected : count)) return [];
    const related = loc.valueRange(['requirements', 'adaptability', 'retraining']);
    return [{
      message: 'More than one model is expected, but retraining is done by hand: automate it.',
      help: 'Every model needs monitoring and retraining, and work by hand that scales with the number of models stops being done. '
        + 'Automate retraining (`automated: true` on a pipeline that retrains, validates and registers each model), or keep the model count down.',
      path,
      at: 'value',
      unplaced: 'skip',
      related: related ? [{ message: 'Retraining, done by hand', range: related }] : undefined,
    }];
  },
});
