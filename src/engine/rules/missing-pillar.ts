import { PILLAR_LABELS } from '../lifecycle';
import { pillarShape } from '../pillars';
import { asRecord, isFilled } from '../rule';
import type { Rule } from '../rule';
import { PILLAR_SKELETONS } from '../skeletons';
import { PILLAR_IDS } from '../types';
import type { PillarId, RuleFinding } from '../types';

/** What the design cannot answer without each pillar. */
const WHY: Record<PillarId, string> = {
  reliability: 'the design does not say how the system fails, how silent failures are caught, or what happens when the model is wrong',
  scalability: 'the design does not say how it copes with more traffic, bigger models or more models',
  maintainability: 'the design does not say how code, data and models are versioned, reproduced and owned',
  adaptability: 'the design does not say how the system notices change in the world and adapts to it (monitoring, retraining, rollout)',
};

export const rule: Rule = {
  id: 'missing-pillar',
  severity: 'warning',
  summary: 'requirements must cover reliability, scalability, maintainability and adaptability.',
  check({ design, data, loc, edit }) {
    // A document that is a list or a scalar is a schema error, not a design missing everything.
    if (design.data != null && !asRecord(design.data)) return [];
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
        rule: 'missing-pillar',
        message: `Requirements do not cover ${PILLAR_LABELS[id].toLowerCase()}: ${WHY[id]}.`,
        range: loc.missingRange(path),
        path,
        fixes: insert ? [{ title: `Add ${id === 'adaptability' ? 'an' : 'a'} ${id} skeleton`, edits: [insert] }] : [],
      });
    }
    return findings;
  },
};
