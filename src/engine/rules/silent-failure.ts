import { inspectablePillar, missingPillarKey, pillarShape } from '../pillars';
import { isFilled } from '../read';
import { defineRule } from '../rule';

/** Monitoring in adaptability also catches silent failures; prose adaptability counts when it mentions it. */
function adaptabilityMonitors(data: Record<string, unknown>): boolean {
  const shape = pillarShape(data, 'adaptability');
  if (shape.kind === 'mapping') return isFilled(shape.value.monitoring);
  return shape.kind === 'prose' && typeof shape.value === 'string' && /monitor/i.test(shape.value);
}

export const rule = defineRule({
  id: 'silent-failure',
  severity: 'warning',
  summary: 'Something must detect silent failures: reliability.silent_failures or adaptability.monitoring.',
  check(ctx) {
    const reliability = inspectablePillar(ctx.data, 'reliability');
    if (!reliability || isFilled(reliability.silent_failures) || adaptabilityMonitors(ctx.data)) return [];
    return [missingPillarKey(ctx, 'reliability', reliability, 'silent_failures',
      'Nothing detects silent failures: add `silent_failures` here or `adaptability.monitoring`.',
      'An ML system can keep answering, wrongly, with no error raised, and nobody would notice.')];
  },
});
