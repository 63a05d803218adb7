import type { RuleFinding } from '../basics';
import { isPlaceholder } from '../placeholder';
import { asArray, asRecord, asString, framingName } from '../read';
import { defineRule } from '../rule';

/** How the task and the class count disagree, or undefined when they agree. */
function disagreement(task: string, count: number, repeated = false): string | undefined {
  const listed = `${count}${repeated ? ' different' : ''} ${count === 1 ? 'is' : 'are'} listed${repeated ? ' (a class is written more than once)' : ''}`;
  if (task === 'binary-classification' && count !== 2) {
    return `a binary classification has exactly 2 classes, but ${listed}. Fix the classes, or use \`multiclass-classification\` for more than two.`;
  }
  if (task === 'multiclass-classification' && count < 3) {
    return `a multiclass classification has at least 3 classes, but ${listed}. With two classes the task is \`binary-classification\`.`;
  }
  if (task === 'regression' || task === 'ranking') {
    return `a ${task} model predicts ${task === 'regression' ? 'a number' : 'an order'}, not a class, yet classes are listed. Remove the classes or change the task.`;
  }
  return undefined;
}

export const rule = defineRule({
  id: 'task-mismatch',
  severity: 'warning',
  summary: 'The task and the classes must agree (binary: 2 classes, multiclass: 3 or more, regression and ranking: none).',
  check({ data }) {
    const findings: RuleFinding[] = [];
    asArray(data.framing).forEach((raw, index) => {
      const framing = asRecord(raw);
      const task = asString(framing?.task);
      if (!framing || task === undefined || framing.classes === undefined || framing.classes === null) return;
      // A list of class names, or the number of classes.
      // Listed classes count once each: `[fraud, fraud]` is one class written twice.
      const listed = Array.isArray(framing.classes) ? framing.classes.map((c) => asString(c) ?? JSON.stringify(c)) : undefined;
      const count = listed ? new Set(listed).size : typeof framing.classes === 'number' ? framing.classes : undefined;
      // A class still to be named is `unanswered`: the count is not known yet.
      if (count === undefined || (Array.isArray(framing.classes) && framing.classes.some(isPlaceholder))) return;
      const why = disagreement(task, count, listed !== undefined && count < listed.length);
      if (!why) return;
      findings.push({
        message: `${framingName(framing, index)} has task \`${task}\` but its classes disagree: ${why}`,
        path: ['framing', index, 'classes'],
        at: 'value',
        unplaced: 'skip',
      });
    });
    return findings;
  },
});
