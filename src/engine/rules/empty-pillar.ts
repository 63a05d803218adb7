import { PILLAR_LABELS } from '../lifecycle';
import { pillarShape } from '../pillars';
import type { Rule } from '../rule';
import { fillKeys, PILLAR_SKELETONS } from '../skeletons';
import { PILLAR_IDS } from '../types';
import type { RuleFinding } from '../types';

export const rule: Rule = {
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
        rule: 'empty-pillar',
        message: `${PILLAR_LABELS[id]} ${what}: the pillar is named but the design makes no ${id} decisions a reviewer can check.`,
        range: loc.subjectRange(path) ?? loc.missingRange(path),
        path,
        fixes: edits.length ? [{ title: `Fill in the ${id} skeleton`, edits }] : [],
      });
    }
    return findings;
  },
};
