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
        message: `This waiver of \`${waiver.rule}\` expired on ${waiver.expires} (today is ${today}): it no longer silences anything. Fix what it waived, or review the accepted risk and set a new date.`,
        path: ['waivers', waiver.index],
        unplaced: 'skip',
      });
    }
    return findings;
  },
});
