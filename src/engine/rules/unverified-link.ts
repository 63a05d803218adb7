import type { Fix, RuleFinding } from '../basics';
import { fillKeys } from '../fill';
import { isPlaceholder } from '../placeholder';
import { asArray, asRecord, isFilled, nameableObjectiveIds, referencesAt } from '../read';
import { defineRule } from '../rule';
import { onlineSkeleton } from '../skeletons';
import { listWords } from '../wording';

/**
 * The objectives that ML metrics say they move, in the order the objectives are listed. A
 * metric whose name is still a placeholder claims nothing checkable yet: its link is judged
 * once the metric is named.
 */
function movedObjectives(data: Record<string, unknown>): string[] {
  const moved = new Set<string>();
  asArray(data.framing).forEach((raw, f) => {
    asArray(asRecord(raw)?.metrics).forEach((rawMetric, m) => {
      const metric = asRecord(rawMetric);
      if (isPlaceholder(metric?.name)) return;
      for (const ref of referencesAt(['framing', f, 'metrics', m, 'moves'], metric?.moves)) if (!ref.placeholder) moved.add(ref.id);
    });
  });
  return nameableObjectiveIds(data).filter((id) => moved.has(id));
}

const code = (ids: readonly string[]): string => listWords(ids.map((id) => `\`${id}\``));

export const rule = defineRule({
  id: 'unverified-link',
  severity: 'info',
  summary: 'The business objectives ML metrics move should be measured by an online experiment.',
  check({ data, loc, edit }) {
    const moved = movedObjectives(data);
    if (!moved.length) return [];
    const evaluation = data.evaluation;
    // `evaluation` written as something other than a mapping is a schema error.
    if (isFilled(evaluation) && !asRecord(evaluation)) return [];
    const online = asRecord(evaluation)?.online;
    const onlineRecord = asRecord(online);
    const claim = `ML metrics move ${moved.length > 1 ? 'objectives' : 'objective'} ${code(moved)}`;

    if (!isFilled(online) || onlineRecord?.method === 'none') {
      const none = onlineRecord?.method === 'none';
      const fixes: Fix[] = [];
      if (!none) {
        const edits = online === undefined
          ? fillKeys(edit, loc, evaluation, ['evaluation'], { online: onlineSkeleton(moved) })
          : fillKeys(edit, loc, online, ['evaluation', 'online'], onlineSkeleton(moved));
        if (edits.length) fixes.push({ title: 'Add an `evaluation.online` skeleton', kind: 'insert', edits });
      }
      return [{
        message: `${claim}, but ${none ? 'the online method is `none`' : 'nothing online checks it'}: plan an experiment.`,
        help: 'Nothing in production will check that improving the ML metrics moves the business metrics. '
          + 'Offline metrics only predict business impact; an experiment (A/B test, shadow, canary, interleaving, holdout) measures it.',
        // On the `evaluation` key, or the document's first key while there is no `evaluation`.
        path: ['evaluation', 'online'],
        at: 'missing',
        fixes,
      }];
    }
    // Online evaluation written as prose is trusted as written.
    if (!onlineRecord) return [];

    const measuresPath = ['evaluation', 'online', 'measures'];
    if (!isFilled(onlineRecord.measures)) {
      const edits = fillKeys(edit, loc, onlineRecord, ['evaluation', 'online'], { measures: moved });
      return [{
        message: `${claim}, but the online evaluation measures no objective: add \`measures\`.`,
        help: 'An experiment that measures no objective cannot show the ML metrics move one.',
        // On the `online` key.
        path: measuresPath,
        at: 'missing',
        fixes: edits.length ? [{ title: `Add \`measures: [${moved.join(', ')}]\``, kind: 'insert', edits }] : [],
      }];
    }

    const refs = referencesAt(measuresPath, onlineRecord.measures);
    // While `measures` holds a placeholder, which objectives it will name is not known yet.
    if (refs.some((ref) => ref.placeholder)) return [];
    const measured = new Set(refs.map((ref) => ref.id));
    const list = Array.isArray(onlineRecord.measures);
    return moved.filter((id) => !measured.has(id)).map((id): RuleFinding => {
      const e = list ? edit.appendItem(measuresPath, id) : edit.replaceValue(measuresPath, [...refs.map((ref) => ref.id), id]);
      return {
        message: `The online evaluation does not measure objective \`${id}\`: add it to \`measures\`.`,
        help: `ML metrics are said to move \`${id}\`, but nothing in production will check that the link holds.`,
        path: measuresPath,
        at: 'value',
        unplaced: 'skip',
        fixes: e ? [{ title: `Add \`${id}\` to measures`, kind: 'insert', edits: [e] }] : [],
      };
    });
  },
});
