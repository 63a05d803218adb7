import type { RuleFinding } from '../basics';
import { fillKeys } from '../fill';
import { pillarShape } from '../pillars';
import { defineRule } from '../rule';
import { PILLAR_SKELETONS } from '../skeletons';
import { PILLAR_IDS, PILLAR_LABELS } from '../vocabulary';

export const rule = defineRule({
  id: 'empty-pillar',
  severity: 'warning',
  summary: 'A requirements pillar is present but says nothing (null, empty, or only notes).',
  check({ data, loc, edit }) {
    const findings: RuleFinding[] = [];
    for (const id of PILLAR_IDS) {
      const shape = pillarShape(data, id);
      if (shape.kind !== 'empty') continue;
      const path = ['requirements', id];
      const edits = fillKeys(edit, loc, shape.value, path, PILLAR_SKELETONS[id]);
      const what = shape.value !== null && typeof shape.value === 'object' && 'notes' in shape.value ? 'has only notes' : 'is empty';
      findings.push({
        message: `${PILLAR_LABELS[id]} ${what}: write the ${id} decisions a reviewer can check.`,
        help: `The pillar is named but the design makes no ${id} decisions a reviewer can check.`,
        path,
        fixes: edits.length ? [{ title: `Fill in the ${id} skeleton`, kind: 'insert', edits }] : [],
      });
    }
    return findings;
  },
});
