import { Scalar } from 'yaml';
import type { RuleFinding } from '../basics';
import { fillKeys, joinInsertions } from '../fill';
import { asArray, asRecord, framingName, isFilled, isFlowCollection } from '../read';
import { defineRule } from '../rule';
import { FRAMING_PLACEHOLDERS, TASK_TODO_COMMENT } from '../skeletons';
import { listWords } from '../wording';

/** The task the classes point to, when they point to one. */
function taskFromClasses(classes: unknown): string | undefined {
  const count = Array.isArray(classes) ? classes.length : undefined;
  if (count === 2) return 'binary-classification';
  if (count !== undefined && count > 2) return 'multiclass-classification';
  return undefined;
}

export const rule = defineRule({
  id: 'incomplete-framing',
  severity: 'warning',
  summary: 'A framing must define its inputs, outputs, objective function and task.',
  check({ data, loc, edit }) {
    const findings: RuleFinding[] = [];
    asArray(data.framing).forEach((raw, index) => {
      const framing = asRecord(raw);
      if (!framing) return;
      // An objective written as a mapping is given by its `function` (a description alone names no loss).
      const objectiveMap = asRecord(framing.objective);
      const given = (key: 'inputs' | 'outputs' | 'objective' | 'task'): boolean => (key === 'objective' && objectiveMap ? isFilled(objectiveMap.function) : isFilled(framing[key]));
      const missing = (['inputs', 'outputs', 'objective', 'task'] as const).filter((key) => !given(key));
      if (!missing.length) return;
      const path = ['framing', index];
      const wanted: Record<string, unknown> = {};
      const nested = objectiveMap && missing.includes('objective')
        ? fillKeys(edit, loc, objectiveMap, [...path, 'objective'], { function: FRAMING_PLACEHOLDERS.objective })
        : [];
      for (const key of missing) {
        if (key === 'objective' && objectiveMap) continue;
        if (key !== 'task') wanted[key] = FRAMING_PLACEHOLDERS[key];
        else {
          const inferred = taskFromClasses(framing.classes);
          if (inferred || Object.hasOwn(framing, 'task') || isFlowCollection(loc.node(path))) wanted.task = inferred ?? 'other';
          else wanted.task = Object.assign(new Scalar('other'), { comment: TASK_TODO_COMMENT });
        }
      }
      const edits = joinInsertions([...nested, ...(Object.keys(wanted).length ? fillKeys(edit, loc, framing, path, wanted) : [])]);
      const help = missing.some((k) => k !== 'task')
        ? 'An ML problem is defined by its inputs, its outputs and the objective function that guides learning: without all three the team cannot agree on what the model does.'
        : 'The task says which kind of ML problem this is, and what its classes, metrics and baseline must look like.';
      const keys = listWords(missing.map((k) => `\`${k}\``));
      findings.push({
        message: `${framingName(framing, index)} lacks ${keys}: add ${missing.length > 1 ? 'them' : 'it'}.`,
        help,
        path,
        missing,
        unplaced: 'skip',
        fixes: edits.length ? [{ title: `Add ${keys}`, kind: 'insert', edits }] : [],
      });
    });
    return findings;
  },
});
