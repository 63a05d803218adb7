import type { RuleFinding } from '../basics';
import { daysInWords, durationDays } from '../duration';
import { inspectablePillar } from '../pillars';
import { asRecord } from '../read';
import { defineRule } from '../rule';

export const rule = defineRule({
  id: 'label-delay',
  severity: 'warning',
  summary: 'Retraining cannot adapt faster than labels arrive: the label delay must not exceed the retraining cadence.',
  check({ data, loc }) {
    const labels = asRecord(asRecord(data.data)?.labels);
    const retraining = asRecord(inspectablePillar(data, 'adaptability')?.retraining);
    // Only durations are compared: prose and placeholders never parse.
    const delay = durationDays(labels?.delay);
    const cadence = durationDays(retraining?.cadence);
    if (delay === undefined || cadence === undefined || delay <= cadence) return [];
    const cadenceRange = loc.valueRange(['requirements', 'adaptability', 'retraining', 'cadence']);
    const finding: RuleFinding = {
      message: `Labels arrive after ${daysInWords(delay)}, but retraining runs every ${daysInWords(cadence)}: align the two.`,
      help: `Labels arrive ${daysInWords(delay)} after a prediction (\`${String(labels?.delay).trim()}\`), but the model is retrained every ${daysInWords(cadence)} (\`${String(retraining?.cadence).trim()}\`): `
        + `no retraining can learn from what changed in the last ${daysInWords(delay)}, so the schedule promises adaptation faster than ground truth arrives. Retrain less often, find a faster source of labels, or say what the model learns from meanwhile.`,
      path: ['data', 'labels', 'delay'],
      at: 'value',
      unplaced: 'skip',
    };
    if (cadenceRange) finding.related = [{ message: 'The retraining cadence', range: cadenceRange }];
    return [finding];
  },
});
