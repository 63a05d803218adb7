import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { RuleFinding } from '../basics';
import { asArray, asRecord, asString, isFlowCollection, referencesAt, servedIds } from '../read';
import { defineRule } from '../rule';
import { BASELINE_PLACEHOLDER, FRAMING_PLACEHOLDERS, TASK_TODO_COMMENT } from '../skeletons';

/**
 * A framing that serves `objectiveId`, as a YAML node so `serves` is written in flow
 * style and the placeholder task carries its TODO comment (not inside a flow list, where a
 * comment would end the line the list needs).
 */
function framingSkeleton(frameId: string, objectiveId: string, withComment: boolean): unknown {
  const doc = new Document({
    id: frameId,
    serves: [objectiveId],
    task: 'other',
    ...FRAMING_PLACEHOLDERS,
    metrics: [{ name: 'TODO: which ML metric shows the model helps?', target: 'TODO: the value to reach', moves: objectiveId }],
    baseline: BASELINE_PLACEHOLDER,
  });
  const map = doc.contents;
  if (isMap(map)) {
    const serves = map.get('serves', true);
    if (isSeq(serves)) serves.flow = true;
    const task = map.get('task', true);
    if (isScalar(task) && withComment) task.comment = TASK_TODO_COMMENT;
  }
  return map;
}

export const rule = defineRule({
  id: 'unframed-objective',
  severity: 'warning',
  summary: 'Every business objective must be served by at least one ML framing.',
  check({ data, loc, edit, schema }) {
    const framings = asArray(data.framing);
    // While a `serves` holds a placeholder, the objective it will name is unknown: only `unanswered` speaks.
    if (framings.some((f, i) => referencesAt(['framing', i, 'serves'], asRecord(f)?.serves).some((ref) => ref.placeholder))) return [];
    // The same while a `serves` holds a value the schema reports (`serves: [true]`): only `schema` speaks.
    const rejected = (f: unknown, i: number): boolean => {
      const serves = asRecord(f)?.serves;
      return schema.rejects(['framing', i, 'serves']) || asArray(serves).some((_, k) => schema.rejects(['framing', i, 'serves', k]));
    };
    if (framings.some(rejected)) return [];
    const served = new Set(framings.flatMap(servedIds));
    const framingIds = new Set(framings.map((f) => asString(asRecord(f)?.id)));
    const findings: RuleFinding[] = [];
    asArray(asRecord(data.business)?.objectives).forEach((objective, index) => {
      const id = asString(asRecord(objective)?.id);
      if (id === undefined || served.has(id)) return;
      let frameId = `${id}-model`;
      for (let n = 2; framingIds.has(frameId); n++) frameId = `${id}-model-${n}`;
      findings.push({
        message: `Objective \`${id}\` is served by no framing: add a framing whose \`serves\` names it.`,
        help: 'No ML problem is defined to reach it, so nothing in the design says how machine learning helps with it.',
        path: ['business', 'objectives', index],
        unplaced: 'skip',
        // The skeleton is a yaml Document: built only when a host asks for the fix.
        fixes: () => {
          // A blank id cannot be named by `serves` or `moves`: a skeleton serving it would serve nothing.
          const insert = id.trim() ? edit.appendItem(['framing'], framingSkeleton(frameId, id, !isFlowCollection(loc.node(['framing'])))) : undefined;
          return insert ? [{ title: `Add a framing that serves \`${id}\``, kind: 'insert', edits: [insert] }] : [];
        },
      });
    });
    return findings;
  },
});
