import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { Rule } from '../rule';
import { asArray, asRecord, asString } from '../rule';
import { TASK_TODO_COMMENT, FRAMING_PLACEHOLDERS } from './incomplete-framing';
import type { Fix, RuleFinding } from '../types';

/** The ids a framing's `serves` names: a single id or a list of them. */
export function servedIds(framing: unknown): string[] {
  const serves = asRecord(framing)?.serves;
  const list = Array.isArray(serves) ? serves : [serves];
  return list.map(asString).filter((id): id is string => id !== undefined);
}

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

/** A list or mapping written in flow style (`[...]`, `{...}`), where comments cannot go. */
export function isFlowCollection(node: unknown): boolean {
  return (isSeq(node) || isMap(node)) && Boolean(node.flow);
}

export const rule: Rule = {
  id: 'unframed-objective',
  severity: 'warning',
  summary: 'Every business objective must be served by at least one ML framing.',
  check({ data, loc, edit }) {
    const framings = asArray(data.framing);
    const served = new Set(framings.flatMap(servedIds));
    const framingIds = new Set(framings.map((f) => asString(asRecord(f)?.id)));
    const findings: RuleFinding[] = [];
    asArray(asRecord(data.business)?.objectives).forEach((objective, index) => {
      const id = asString(asRecord(objective)?.id);
      if (id === undefined || served.has(id)) return;
      const path = ['business', 'objectives', index];
      const range = loc.subjectRange(path);
      if (!range) return;
      let frameId = `${id}-model`;
      for (let n = 2; framingIds.has(frameId); n++) frameId = `${id}-model-${n}`;
      const insert = edit.appendItem(['framing'], framingSkeleton(frameId, id, !isFlowCollection(loc.node(['framing']))));
      const fixes: Fix[] = insert ? [{ title: `Add a framing that serves \`${id}\``, edits: [insert] }] : [];
      findings.push({
        rule: 'unframed-objective',
        message: `Business objective \`${id}\` is served by no framing: no ML problem is defined to reach it, so nothing in the design says how machine learning helps with it. Add a framing whose \`serves\` names it.`,
        range,
        path,
        fixes,
      });
    });
    return findings;
  },
};
