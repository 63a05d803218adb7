import { asRecord, isFilled } from '../rule';
import type { Rule } from '../rule';
import { STAKEHOLDER_SKELETON } from '../skeletons';

export const rule: Rule = {
  id: 'no-stakeholders',
  severity: 'info',
  summary: 'The design should list its stakeholders.',
  check({ design, data, loc, edit }) {
    // A document that is a list or a scalar is a schema error, not a design missing everything.
    if (design.data != null && !asRecord(design.data)) return [];
    const stakeholders = data.stakeholders;
    if (isFilled(stakeholders)) return [];
    const path = ['stakeholders'];
    // Null, blank or `[]` is replaced by a block list; an absent key is added.
    const insert = stakeholders === undefined
      ? edit.appendItem(path, { ...STAKEHOLDER_SKELETON })
      : edit.fillEmpty(path, [{ ...STAKEHOLDER_SKELETON }]);
    return [{
      rule: 'no-stakeholders',
      message: 'No stakeholders are listed: involving the people the system serves is the first step of the lifecycle, '
        + 'and without them objectives and trade-offs go unchecked.',
      range: loc.subjectRange(path) ?? loc.missingRange(path),
      path,
      fixes: insert ? [{ title: 'Add a stakeholder skeleton', edits: [insert] }] : [],
    }];
  },
};
