import type { RuleFinding } from '../basics';
import { fillKeys } from '../fill';
import { inspectablePillar } from '../pillars';
import { asRecord, asString, isFilled } from '../read';
import { defineRule } from '../rule';
import { STAGE_OWNER_PLACEHOLDER } from '../skeletons';
import { STAGE_IDS, STAGE_LABELS } from '../vocabulary';
import type { StageId } from '../vocabulary';

/** Stages that run in production: once done they still need someone who answers for them. */
const PRODUCTION: ReadonlySet<StageId> = new Set<StageId>(['deployment', 'monitoring']);

export const rule = defineRule({
  id: 'unowned-stage',
  severity: 'info',
  summary: 'A stage under way or blocked needs an owner; deployment and monitoring need one while in production, unless someone is on call.',
  check({ data, loc, edit }) {
    const lifecycle = asRecord(data.lifecycle);
    if (!lifecycle) return [];
    // A prose maintainability pillar is trusted; a mapping must name who is on call.
    const maintainability = inspectablePillar(data, 'maintainability');
    const nobodyOnCall = maintainability !== undefined && !isFilled(maintainability.on_call);
    const findings: RuleFinding[] = [];
    for (const id of STAGE_IDS) {
      const stage = asRecord(lifecycle[id]);
      const status = asString(stage?.status);
      if (!stage || status === undefined || isFilled(stage.owner)) continue;
      const production = PRODUCTION.has(id);
      const fires = production
        ? (status === 'in-progress' || status === 'blocked' || status === 'done') && nobodyOnCall
        : status === 'in-progress' || status === 'blocked';
      if (!fires) continue;
      const edits = fillKeys(edit, loc, stage, ['lifecycle', id], { owner: STAGE_OWNER_PLACEHOLDER });
      const help = production
        ? 'A system in production needs someone who answers for it when it misbehaves, and maintainability names nobody on call.'
        : status === 'blocked'
          ? 'A blocked stage with no owner has nobody to unblock it.'
          : 'Work under way with no owner is work nobody answers for.';
      findings.push({
        message: `The ${STAGE_LABELS[id].toLowerCase()} stage is ${status} but has no \`owner\`: name one.`,
        help,
        // On the stage's key; a waiver names `lifecycle.<stage>.owner`.
        path: ['lifecycle', id, 'owner'],
        at: 'missing',
        unplaced: 'skip',
        fixes: edits.length ? [{ title: 'Add `owner`', kind: 'insert', edits }] : [],
      });
    }
    return findings;
  },
});
