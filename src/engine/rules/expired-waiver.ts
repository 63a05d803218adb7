import type { Rule } from '../rule';
import type { RuleFinding } from '../types';

export const rule: Rule = {
  id: 'expired-waiver',
  severity: 'warning',
  summary: 'A waiver whose `expires` date has passed silences nothing any more.',
  phase: 'waivers',
  check({ loc, waivers, today }) {
    const findings: RuleFinding[] = [];
    for (const waiver of waivers?.waivers ?? []) {
      if (waiver.problem !== 'expired') continue;
      const path = ['waivers', waiver.index];
      const range = loc.subjectRange(path);
      if (!range) continue;
      findings.push({
        rule: 'expired-waiver',
        message: `This waiver of \`${waiver.rule}\` expired on ${waiver.expires} (today is ${today}): it no longer silences anything. Fix what it waived, or review the accepted risk and set a new date.`,
        range,
        path,
        fixes: [],
      });
    }
    return findings;
  },
};
