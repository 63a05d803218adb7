import type { RuleFinding } from '../basics';
import { defineRule } from '../rule';

export const rule = defineRule({
  id: 'unused-waiver',
  severity: 'info',
  summary: 'A waiver should silence at least one finding; one that silences nothing is stale.',
  phase: 'waivers',
  waivable: false,
  check({ edit, waivers, unwaivable }) {
    const findings: RuleFinding[] = [];
    for (const waiver of waivers.waivers) {
      // Waivers with a problem already have their own finding; a waiver of a rule turned
      // off in this reviewer's settings may still be needed where the rule is on.
      if (waiver.problem || (waivers.silenced.get(waiver.index) ?? 0) > 0) continue;
      if (waiver.rule && waivers.off?.has(waiver.rule)) continue;
      const remove = edit.removeItem(['waivers'], waiver.index);
      const where = waiver.target ? ` on \`${waiver.target}\`` : '';
      const why = waiver.rule && unwaivable.has(waiver.rule)
        ? { message: `\`${waiver.rule}\` findings cannot be waived: remove this waiver${where}.`, help: 'It silences nothing: fix what the rule reports instead.' }
        : { message: `This waiver of \`${waiver.rule}\`${where} silences nothing: remove it.`, help: 'The problem it accepted is gone: removing the waiver keeps the accepted risks listed the real ones.' };
      findings.push({
        message: why.message,
        help: why.help,
        path: ['waivers', waiver.index],
        unplaced: 'skip',
        fixes: remove ? [{ title: 'Remove the waiver', kind: 'remove', edits: [remove] }] : [],
      });
    }
    return findings;
  },
});
