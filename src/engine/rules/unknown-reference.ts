import type { DataPath, Fix, RuleFinding } from '../basics';
import { isMap, isScalar, isSeq, itemId } from '../locate';
import { isPlaceholder } from '../placeholder';
import { asArray, asRecord, asString, objectiveIds, referencesAt } from '../read';
import { defineRule } from '../rule';
import type { RuleContext } from '../rule';
import { closeMatches } from '../schema';
import { existingPrefix, resolveWaiverTarget } from '../waivers';

/**
 * The ids close to `word` (the schema's "did you mean"); when none is close but there are
 * only a few, all of them: the author then sees the whole choice.
 */
export function closeIds(word: string, candidates: readonly string[], limit = 5): string[] {
  const unique = [...new Set(candidates)].filter((c) => c !== word);
  const close = closeMatches(word, unique);
  if (close.length) return close.slice(0, limit);
  return unique.length <= limit ? unique : [];
}

function replaceFixes(ctx: RuleContext, path: DataPath, choices: readonly string[]): Fix[] {
  const fixes: Fix[] = [];
  for (const choice of choices) {
    const e = ctx.edit.replaceValue(path, choice);
    if (e) fixes.push({ title: `Replace with \`${choice}\``, kind: 'replace', edits: [e] });
  }
  if (fixes.length === 1) fixes[0].isPreferred = true;
  return fixes;
}

/** References to business objectives: `serves`, `metrics[].moves` and `evaluation.online.measures`. */
function objectiveReferences(ctx: RuleContext): RuleFinding[] {
  const { data } = ctx;
  // A placeholder id names no objective; a blank one still matches a reference written blank.
  const ids = objectiveIds(data).filter((id) => !isPlaceholder(id));
  const findings: RuleFinding[] = [];
  const known = ids.length ? `The objectives are ${ids.map((i) => `\`${i}\``).join(', ')}.` : 'No business objective has an id yet.';
  const each = (path: DataPath, value: unknown, message: (id: string) => string, why: string): void => {
    for (const ref of referencesAt(path, value)) {
      // A placeholder is `unanswered` only.
      if (ref.placeholder || ids.includes(ref.id)) continue;
      findings.push({ message: message(ref.id), help: `${why} ${known}`, path: ref.path, at: 'value', unplaced: 'skip', fixes: replaceFixes(ctx, ref.path, closeIds(ref.id, ids)) });
    }
  };

  asArray(data.framing).forEach((raw, f) => {
    const framing = asRecord(raw);
    if (!framing) return;
    const name = asString(framing.id) ?? `${f + 1}`;
    each(['framing', f, 'serves'], framing.serves, (id) =>
      `Framing \`${name}\` serves unknown objective \`${id}\`: use an existing id.`,
    'The link from this ML problem to the reason the system exists is broken.');
    asArray(framing.metrics).forEach((m, k) => {
      const metric = asRecord(m);
      if (!metric || metric.moves === undefined || metric.moves === null) return;
      const metricName = asString(metric.name) ?? `${k + 1}`;
      each(['framing', f, 'metrics', k, 'moves'], metric.moves, (id) =>
        `ML metric \`${metricName}\` moves unknown objective \`${id}\`: use an existing id.`,
      'Nothing shows which business metric this ML metric is meant to move.');
    });
  });
  const online = asRecord(asRecord(data.evaluation)?.online);
  if (online && online.measures !== undefined && online.measures !== null) {
    each(['evaluation', 'online', 'measures'], online.measures, (id) =>
      `The online evaluation measures unknown objective \`${id}\`: use an existing id.`,
    'The experiment is meant to show an objective moved, and this one does not exist.');
  }
  return findings;
}

/** The names that could replace the first missing segment of a waiver target. */
function targetChoices(ctx: RuleContext, target: string): string[] {
  const parts = target.split('.');
  const { path, length } = existingPrefix(ctx.loc, parts);
  const parent = ctx.loc.node(path);
  let names: string[] = [];
  if (isMap(parent)) names = parent.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter(Boolean);
  else if (isSeq(parent)) names = parent.items.map((item, i) => itemId(item) ?? String(i));
  const wrong = parts[length];
  return closeIds(wrong, names)
    .map((name) => [...parts.slice(0, length), name, ...parts.slice(length + 1)].join('.'))
    .filter((candidate) => resolveWaiverTarget(ctx.loc, candidate));
}

/** Each waiver's `rule` must be a rule id and its `target` must name something in the document. */
function waiverReferences(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const waiver of ctx.waivers.waivers) {
    if (waiver.problem === 'unknown-rule' && waiver.rule !== undefined) {
      const path = ['waivers', waiver.index, 'rule'];
      findings.push({
        message: waiver.rule.includes('/')
          ? `This waiver names the check \`${waiver.rule}\`, which no configuration defines: fix the name.`
          : `This waiver names rule \`${waiver.rule}\`, which does not exist: use a rule id.`,
        help: 'The waiver silences nothing, so the risk it was meant to accept is not recorded against any finding.',
        path,
        at: 'value',
        unplaced: 'skip',
        fixes: replaceFixes(ctx, path, closeIds(waiver.rule, ctx.ruleIds)),
      });
    } else if (waiver.problem === 'unknown-target' && waiver.target !== undefined) {
      const path = ['waivers', waiver.index, 'target'];
      findings.push({
        message: `Waiver target \`${waiver.target}\` names nothing in this design: fix the path.`,
        help: 'The waiver silences nothing. A target is a dotted path such as `requirements.scalability` or `business.objectives.<id>`.',
        path,
        at: 'value',
        unplaced: 'skip',
        fixes: replaceFixes(ctx, path, targetChoices(ctx, waiver.target)),
      });
    }
  }
  return findings;
}

export const rule = defineRule({
  id: 'unknown-reference',
  severity: 'error',
  summary: 'Every `serves`, `moves`, `measures` and waiver `rule`/`target` must name something that exists.',
  check: (ctx) => [...objectiveReferences(ctx), ...waiverReferences(ctx)],
});
