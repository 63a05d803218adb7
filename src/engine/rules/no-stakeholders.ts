import { isFilled } from '../read';
import { defineRule } from '../rule';
import { STAKEHOLDER_SKELETON } from '../skeletons';

export const rule = defineRule({
  id: 'no-stakeholders',
  severity: 'info',
  summary: 'The design should list its stakeholders.',
  check({ data, edit }) {
    const stakeholders = data.stakeholders;
    if (isFilled(stakeholders)) return [];
    const path = ['stakeholders'];
    // Null, blank or `[]` is replaced by a block list; an absent key is added.
    const insert = stakeholders === undefined
      ? edit.appendItem(path, { ...STAKEHOLDER_SKELETON })
      : edit.fillEmpty(path, [{ ...STAKEHOLDER_SKELETON }]);
    return [{
      message: 'No stakeholders are listed: add the people the system serves and who decide.',
      help: 'Involving stakeholders is the first step of the lifecycle: without them objectives and trade-offs go unchecked.',
      path,
      fixes: insert ? [{ title: 'Add a stakeholder skeleton', kind: 'insert', edits: [insert] }] : [],
    }];
  },
});
