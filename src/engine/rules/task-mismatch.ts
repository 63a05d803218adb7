import type { RuleFinding } from '../basics';
import { isPlaceholder } from '../placeholder';
import { asArray, asRecord, asString, framingName } from '../read';
import { defineRule } from '../rule';

/** How the task and the class count disagree (what to do, and why), or undefined when they agree. */
function disagreement(task: string, count: number, repeated = false): { todo: string; help: string } | undefined {
  const listed = `${count}${repeated ? ' different' : ''} ${count === 1 ? 'class is' : 'classes are'} listed${repeated ? ' (a class is written more than once)' : ''}`;
  if (task === 'binary-classification' && count !== 2) {
    return {
      todo: `${count} ${count === 1 ? 'class' : 'classes'}: fix the classes or the task`,
      help: `A binary classification has exactly 2 classes, but ${listed}. Use \`multiclass-classification\` for more than two.`,
    };
  }
  if (task === 'multiclass-classification' && count < 3) {
    return {
      todo: `${count} ${count === 1 ? 'class' : 'classes'}: fix the classes or the task`,
      help: `A multiclass classification has at least 3 classes, but ${listed}. With two classes the task is \`binary-classification\`.`,
    };
  }
  if (task === 'regression' || task === 'ranking') {
    return {
      todo: 'lists classes: remove them or change the task',
      help: `A ${task} model predicts ${task === 'regression' ? 'a number' : 'an order'}, not a class.`,
    };
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
      const found = disagreement(task, count, listed !== undefined && count < listed.length);
      if (!found) return;
      findings.push({
        message: `${framingName(framing, index)} has task \`${task}\` but ${found.todo}.`,
        help: found.help,
        path: ['framing', index, 'classes'],
        at: 'value',
        unplaced: 'skip',
      });
    });
    return findings;
  },
});
