import type { Rule } from '../rule';
import type { Fix, RuleFinding } from '../types';

export const rule: Rule = {
  id: 'unused-waiver',
  severity: 'info',
  summary: 'A waiver should silence at least one finding; one that silences nothing is stale.',
  phase: 'waivers',
  check({ loc, edit, waivers }) {
    const findings: RuleFinding[] = [];
    for (const waiver of waivers?.waivers ?? []) {
      // Waivers with a problem already have their own finding; a waiver of a rule turned
      // off in this reviewer's settings may still be needed where the rule is on.
      if (waiver.problem || (waivers?.silenced.get(waiver.index) ?? 0) > 0) continue;
      if (waiver.rule && waivers?.off?.has(waiver.rule)) continue;
      const path = ['waivers', waiver.index];
      const range = loc.subjectRange(path);
      if (!range) continue;
      const remove = edit.removeItem(['waivers'], waiver.index);
      const fixes: Fix[] = remove ? [{ title: 'Remove the waiver', edits: [remove] }] : [];
      const where = waiver.target ? ` on \`${waiver.target}\`` : '';
      findings.push({
        rule: 'unused-waiver',
        message: `This waiver of \`${waiver.rule}\`${where} silences nothing: the problem it accepted is gone. Remove it so the accepted risks listed stay the real ones.`,
        range,
        path,
        fixes,
      });
    }
    return findings;
  },
};
