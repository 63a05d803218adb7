import type { RuleFinding } from '../basics';
import { defineRule } from '../rule';

export const rule = defineRule({
  id: 'expired-waiver',
  severity: 'warning',
  summary: 'A waiver whose `expires` date has passed silences nothing any more.',
  phase: 'waivers',
  waivable: false,
  check({ waivers, today }) {
    const findings: RuleFinding[] = [];
    for (const waiver of waivers.waivers) {
      if (waiver.problem !== 'expired') continue;
      findings.push({
        message: `This waiver of \`${waiver.rule}\` expired on ${waiver.expires}: fix what it waived, or set a new date.`,
        help: `Today is ${today}: the waiver no longer silences anything. Review the accepted risk before you renew it.`,
        path: ['waivers', waiver.index],
        unplaced: 'skip',
      });
    }
    return findings;
  },
});
