import type { RuleFinding } from '../basics';
import { fillKeys } from '../fill';
import { asArray, asRecord, asString, isFilled } from '../read';
import { defineRule } from '../rule';
import { listWords } from '../wording';

const PLACEHOLDERS: Readonly<Record<'metric' | 'target', string>> = {
  metric: 'TODO: which business metric shows this objective is met?',
  target: 'TODO: the value of that metric that means success',
};

export const rule = defineRule({
  id: 'unmeasured-objective',
  severity: 'warning',
  summary: 'Every business objective must name its business metric and a target.',
  check({ data, loc, edit }) {
    const findings: RuleFinding[] = [];
    asArray(asRecord(data.business)?.objectives).forEach((raw, index) => {
      const objective = asRecord(raw);
      if (!objective) return;
      const missing = (['metric', 'target'] as const).filter((key) => !isFilled(objective[key]));
      if (!missing.length) return;
      const path = ['business', 'objectives', index];
      const wanted = Object.fromEntries(missing.map((key) => [key, PLACEHOLDERS[key]]));
      const edits = fillKeys(edit, loc, objective, path, wanted);
      const id = asString(objective.id);
      const keys = listWords(missing.map((k) => `\`${k}\``));
      findings.push({
        message: `Objective ${id === undefined ? index + 1 : `\`${id}\``} has no ${keys}: add ${missing.length > 1 ? 'them' : 'it'}.`,
        help: 'Without a business metric and a target, nobody can tell whether the system reached the objective, or which ML metrics matter.',
        path,
        missing,
        unplaced: 'skip',
        fixes: edits.length ? [{ title: `Add ${keys}`, kind: 'insert', edits }] : [],
      });
    });
    return findings;
  },
});
