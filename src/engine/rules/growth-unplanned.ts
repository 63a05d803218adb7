import type { RuleFinding, TextEdit } from '../basics';
import { fillKeys, joinInsertions } from '../fill';
import { inspectablePillar } from '../pillars';
import { asRecord, isFilled } from '../read';
import { defineRule } from '../rule';
import { PILLAR_SKELETONS } from '../skeletons';
import { listWords } from '../wording';

const DIMENSIONS = ['traffic', 'model_complexity', 'model_count'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const EXPECTED: Record<Dimension, string> = {
  traffic: 'TODO: expected at peak and in a year',
  model_complexity: 'TODO: how large may the model become?',
  model_count: 'TODO: how many models later (per customer, region...)?',
};
const WORDS: Record<Dimension, string> = { traffic: 'traffic', model_complexity: 'model complexity', model_count: 'model count' };

/**
 * A dimension is planned when it is written as filled prose, or, as `{current, expected}`,
 * when `expected` is filled: growth is about what is expected, not what is.
 */
function gap(value: unknown): 'absent' | 'no-expected' | undefined {
  const record = asRecord(value);
  if (record && Object.keys(record).length) return isFilled(record.expected) ? undefined : 'no-expected';
  return isFilled(value) ? undefined : 'absent';
}

export const rule = defineRule({
  id: 'growth-unplanned',
  severity: 'info',
  summary: 'Scalability must plan for growth in traffic, model complexity and model count.',
  check({ data, loc, edit }) {
    const scalability = inspectablePillar(data, 'scalability');
    if (!scalability) return [];
    const path = ['requirements', 'scalability'];
    const skeleton = PILLAR_SKELETONS.scalability;
    const missing: Dimension[] = [];
    const wanted: Record<string, unknown> = {};
    const nested: TextEdit[] = [];
    for (const dim of DIMENSIONS) {
      const problem = gap(scalability[dim]);
      if (!problem) continue;
      missing.push(dim);
      if (problem === 'absent') wanted[dim] = skeleton[dim];
      else {
        // `expected` may be written but empty: fill it in place, else add it.
        nested.push(...fillKeys(edit, loc, scalability[dim], [...path, dim], { expected: EXPECTED[dim] }));
      }
    }
    if (!missing.length) return [];
    // Nested insertions first: at the same offset, a deeper key must come before its parent's next key.
    const edits = joinInsertions([...nested, ...fillKeys(edit, loc, scalability, path, wanted)]);
    const finding: RuleFinding = {
      message: `Scalability plans no growth in ${listWords(missing.map((d) => WORDS[d]))}: say what is expected.`,
      help: 'A system sized for today can fail when load, model size or the number of models grows.',
      path,
      missing,
      fixes: edits.length ? [{ title: `Add ${listWords(missing)} to scalability`, kind: 'insert', edits }] : [],
    };
    return [finding];
  },
});
