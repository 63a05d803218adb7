import type { RuleFinding } from '../basics';
import { fillKeys } from '../fill';
import { asArray, asRecord, framingName, isFilled } from '../read';
import { defineRule } from '../rule';
import { BASELINE_PLACEHOLDER } from '../skeletons';

export const rule = defineRule({
  id: 'no-baseline',
  severity: 'info',
  summary: 'Every framing should name the baseline the model must beat.',
  check({ data, loc, edit }) {
    const findings: RuleFinding[] = [];
    asArray(data.framing).forEach((raw, index) => {
      const framing = asRecord(raw);
      if (!framing || isFilled(framing.baseline)) return;
      const edits = fillKeys(edit, loc, framing, ['framing', index], { baseline: BASELINE_PLACEHOLDER });
      findings.push({
        message: `${framingName(framing, index)} has no \`baseline\`: say what the model must beat.`,
        help: 'Nobody can tell whether the model beats what exists today (rules, a heuristic, the current process), or is worth its cost.',
        // On the framing's first line; a waiver names `framing.<id>.baseline`.
        path: ['framing', index, 'baseline'],
        at: 'missing',
        unplaced: 'skip',
        fixes: edits.length ? [{ title: 'Add `baseline`', kind: 'insert', edits }] : [],
      });
    });
    return findings;
  },
});
