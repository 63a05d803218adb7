import type { Rule, RuleContext } from '../rule';
import { asArray, asRecord, asString } from '../rule';
import type { DataPath, RuleFinding } from '../types';

function duplicatesIn(ctx: RuleContext, listPath: DataPath, list: unknown, what: string): RuleFinding[] {
  const first = new Map<string, number>();
  const findings: RuleFinding[] = [];
  asArray(list).forEach((item, index) => {
    const id = asString(asRecord(item)?.id);
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    const path = [...listPath, index, 'id'];
    const range = ctx.loc.valueRange(path);
    const firstRange = ctx.loc.valueRange([...listPath, earlier, 'id']);
    if (!range) return;
    findings.push({
      rule: 'duplicate-id',
      message: `Another ${what} already has the id \`${id}\`: references to it (\`serves\`, \`moves\`, waiver targets) cannot tell the two apart. Give each ${what} its own id.`,
      range,
      path,
      fixes: [],
      related: firstRange ? [{ message: `The first ${what} with the id \`${id}\``, range: firstRange }] : undefined,
    });
  });
  return findings;
}

export const rule: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Objective ids must be unique among objectives, and framing ids among framings.',
  check: (ctx) => [
    ...duplicatesIn(ctx, ['business', 'objectives'], asRecord(ctx.data.business)?.objectives, 'business objective'),
    ...duplicatesIn(ctx, ['framing'], ctx.data.framing, 'framing'),
  ],
};
