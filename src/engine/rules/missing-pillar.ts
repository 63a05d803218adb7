import type { RuleFinding } from '../basics';
import { pillarShape } from '../pillars';
import { asRecord, isFilled } from '../read';
import { defineRule } from '../rule';
import { PILLAR_SKELETONS } from '../skeletons';
import { PILLAR_IDS, PILLAR_LABELS } from '../vocabulary';
import { article } from '../wording';
import type { PillarId } from '../vocabulary';

/** What the design cannot answer without each pillar. */
const WHY: Record<PillarId, string> = {
  reliability: 'Without it the design does not say how the system fails, how silent failures are caught, or what happens when the model is wrong.',
  scalability: 'Without it the design does not say how it copes with more traffic, bigger models or more models.',
  maintainability: 'Without it the design does not say how code, data and models are versioned, reproduced and owned.',
  adaptability: 'Without it the design does not say how the system notices change in the world and adapts to it (monitoring, retraining, rollout).',
};

export const rule = defineRule({
  id: 'missing-pillar',
  severity: 'warning',
  summary: 'requirements must cover reliability, scalability, maintainability and adaptability.',
  check({ data, edit }) {
    const requirements = data.requirements;
    // A `requirements` written as something other than a mapping is a schema error.
    if (isFilled(requirements) && !asRecord(requirements)) return [];
    // Null, blank or `{}` is replaced by a block; otherwise the pillar joins the others.
    const replace = requirements !== undefined && !isFilled(requirements);
    const findings: RuleFinding[] = [];
    for (const id of PILLAR_IDS) {
      if (pillarShape(data, id).kind !== 'missing') continue;
      const path = ['requirements', id];
      const entry = { [id]: PILLAR_SKELETONS[id] };
      const insert = replace ? edit.fillEmpty(['requirements'], entry) : edit.insertEntries(['requirements'], entry);
      findings.push({
        message: `Requirements do not cover ${PILLAR_LABELS[id].toLowerCase()}: add ${article(id)} \`${id}\` pillar.`,
        help: WHY[id],
        path,
        at: 'missing',
        fixes: insert ? [{ title: `Add ${article(id)} ${id} skeleton`, kind: 'insert', edits: [insert] }] : [],
      });
    }
    return findings;
  },
});
