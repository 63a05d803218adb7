import { inspectablePillar, missingPillarKey } from '../pillars';
import { isFilled } from '../read';
import { defineRule } from '../rule';

export const rule = defineRule({
  id: 'no-rollout',
  severity: 'info',
  summary: 'Adaptability should say how a new model reaches production without interrupting service.',
  check(ctx) {
    const adaptability = inspectablePillar(ctx.data, 'adaptability');
    if (!adaptability || isFilled(adaptability.rollout)) return [];
    const finding = missingPillarKey(ctx, 'adaptability', adaptability, 'rollout',
      'Adaptability does not say how a new model is rolled out: add `rollout`.',
      'A retrained model that goes straight to every user can break the service, and nothing says how it is tried (shadow, canary, A/B test) or taken back.');
    // On the `adaptability` key, even when `rollout:` is written but empty.
    return [{ ...finding, at: 'missing' }];
  },
});
