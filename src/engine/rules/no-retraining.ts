import { inspectablePillar, missingPillarKey, textsOf } from '../pillars';
import { isFilled } from '../read';
import { defineRule } from '../rule';

/** Words that show adaptability plans for retraining or continual learning. */
const RETRAINING = /re-?train|continual(ly)?[\s_-]+learn|continuous[\s_-]+learning|online[\s_-]+learning|fine-?tun/i;

export const rule = defineRule({
  id: 'no-retraining',
  severity: 'info',
  summary: 'Adaptability must say how the model is retrained or keeps learning.',
  check(ctx) {
    const adaptability = inspectablePillar(ctx.data, 'adaptability');
    if (!adaptability || isFilled(adaptability.retraining)) return [];
    // Any filled key or text that speaks of retraining counts (e.g. `continual_learning:` or prose under monitoring).
    const mentions = Object.entries(adaptability).some(([key, value]) =>
      isFilled(value) && (RETRAINING.test(key) || textsOf(value).some((t) => RETRAINING.test(t))));
    if (mentions) return [];
    return [missingPillarKey(ctx, 'adaptability', adaptability, 'retraining',
      'Adaptability says nothing about retraining or continual learning: add `retraining`.',
      'Data and the world drift, and a model that is never retrained gets worse over time.')];
  },
});
