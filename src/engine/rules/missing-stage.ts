import type { RuleFinding } from '../basics';
import { asRecord, isFilled } from '../read';
import { defineRule } from '../rule';
import { STAGE_SKELETON } from '../skeletons';
import { STAGE_IDS, STAGE_LABELS } from '../vocabulary';

export const rule = defineRule({
  id: 'missing-stage',
  severity: 'info',
  summary: 'Every lifecycle stage should appear in lifecycle, even if only planned.',
  check({ data, edit }) {
    const lifecycle = data.lifecycle;
    // A `lifecycle` written as something other than a mapping is a schema error.
    if (isFilled(lifecycle) && !asRecord(lifecycle)) return [];
    const stages = asRecord(lifecycle) ?? {};
    // Null, blank or `{}` is replaced by a block; otherwise the stage joins the others.
    const replace = lifecycle !== undefined && !isFilled(lifecycle);
    const findings: RuleFinding[] = [];
    for (const id of STAGE_IDS) {
      if (id in stages) continue;
      const path = ['lifecycle', id];
      const entry = { [id]: { ...STAGE_SKELETON } };
      const insert = replace ? edit.fillEmpty(['lifecycle'], entry) : edit.insertEntries(['lifecycle'], entry);
      findings.push({
        message: `The lifecycle has no ${STAGE_LABELS[id].toLowerCase()} stage: add it, even as planned.`,
        help: 'The process is a cycle, and a stage nobody planned is a step the team will skip.',
        path,
        at: 'missing',
        fixes: insert ? [{ title: `Add the ${id} stage as planned`, kind: 'insert', edits: [insert] }] : [],
      });
    }
    return findings;
  },
});
