import { inspectablePillar, pillarShape } from '../pillars';
import { isFilled } from '../rule';
import type { Rule } from '../rule';
import { fillKeys, PILLAR_SKELETONS } from '../skeletons';

/** Monitoring in adaptability also catches silent failures; prose adaptability counts when it mentions it. */
function adaptabilityMonitors(data: Record<string, unknown>): boolean {
  const shape = pillarShape(data, 'adaptability');
  if (shape.kind === 'mapping') return isFilled(shape.value.monitoring);
  return shape.kind === 'prose' && typeof shape.value === 'string' && /monitor/i.test(shape.value);
}

export const rule: Rule = {
  id: 'silent-failure',
  severity: 'warning',
  summary: 'Something must detect silent failures: reliability.silent_failures or adaptability.monitoring.',
  check({ data, loc, edit }) {
    const reliability = inspectablePillar(data, 'reliability');
    if (!reliability || isFilled(reliability.silent_failures) || adaptabilityMonitors(data)) return [];
    const pillarPath = ['requirements', 'reliability'];
    const path = [...pillarPath, 'silent_failures'];
    const edits = fillKeys(edit, loc, reliability, pillarPath, { silent_failures: PILLAR_SKELETONS.reliability.silent_failures });
    return [{
      rule: 'silent-failure',
      message: 'Nothing detects silent failures (neither reliability.silent_failures nor adaptability.monitoring): '
        + 'an ML system can keep answering, wrongly, with no error raised, and nobody would notice.',
      range: loc.subjectRange(path) ?? loc.missingRange(path),
      path,
      fixes: edits.length ? [{ title: 'Add silent_failures to reliability', edits }] : [],
    }];
  },
};
