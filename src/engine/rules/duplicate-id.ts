import type { DataPath, RuleFinding } from '../basics';
import { isPlaceholder } from '../placeholder';
import { asArray, asRecord, asString } from '../read';
import { defineRule } from '../rule';
import type { RuleContext } from '../rule';

function duplicatesIn(ctx: RuleContext, listPath: DataPath, list: unknown, what: string): RuleFinding[] {
  const first = new Map<string, number>();
  const findings: RuleFinding[] = [];
  asArray(list).forEach((item, index) => {
    const id = asString(asRecord(item)?.id);
    // Two placeholders are two open questions (`unanswered`), not one id written twice.
    if (id === undefined || isPlaceholder(id)) return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    const firstRange = ctx.loc.valueRange([...listPath, earlier, 'id']);
    findings.push({
      message: `Another ${what} already has the id \`${id}\`: give each its own id.`,
      help: 'References to the id (`serves`, `moves`, waiver targets) cannot tell the two apart.',
      path: [...listPath, index, 'id'],
      at: 'value',
      unplaced: 'skip',
      related: firstRange ? [{ message: `The first ${what} with the id \`${id}\``, range: firstRange }] : undefined,
    });
  });
  return findings;
}

export const rule = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Objective ids must be unique among objectives, and framing ids among framings.',
  check: (ctx) => [
    ...duplicatesIn(ctx, ['business', 'objectives'], asRecord(ctx.data.business)?.objectives, 'business objective'),
    ...duplicatesIn(ctx, ['framing'], ctx.data.framing, 'framing'),
  ],
});
