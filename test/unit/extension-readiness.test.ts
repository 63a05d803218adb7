/**
 * The status bar's readiness is the engine's (the one the preview draws): a pillar is
 * answered when every question it asks is, and placeholders are counted whatever the
 * `unanswered` rule's severity.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { review } from '../../src/engine';
import { readinessOf } from '../../src/features/readiness';
import { LINKED, design } from './support/design';

const TODAY = '2026-12-01';
const requirements = {
  reliability: { failure_modes: 'Timeouts.', silent_failures: 'Audits.', fallback: 'Rules.', slo: '99.9%' },
  scalability: { traffic: '2M a day', model_complexity: 'TODO: how large?' },
  maintainability: null,
};

describe('status bar readiness', () => {
  const result = review(design({ requirements }, LINKED), { today: TODAY });

  it('counts a pillar as answered only when the engine finds all its questions answered', () => {
    const readiness = readinessOf(result);
    assert.deepEqual(readiness.pillars.each.map((p) => [p.label, p.state]), result.lifecycle.pillars.map((p) => [p.label, p.readiness.state]));
    assert.deepEqual({ answered: readiness.pillars.answered, of: readiness.pillars.of }, { answered: 1, of: 4 });
    const scalability = readiness.pillars.each.find((p) => p.label === result.lifecycle.pillars.find((x) => x.id === 'scalability')!.label)!;
    assert.deepEqual([scalability.state, scalability.answered, scalability.placeholders, scalability.missing], ['placeholder', 1, 1, 4]);
  });

  it('counts the placeholders the engine finds, as many as the unanswered rule reports', () => {
    assert.equal(readinessOf(result).placeholders, 1);
    assert.equal(result.findings.filter((f) => f.rule === 'unanswered').length, 1);
  });

  it('still counts placeholders with the unanswered rule switched off', () => {
    const quiet = review(design({ requirements }, LINKED), { today: TODAY, rules: { unanswered: 'off' } });
    assert.equal(quiet.findings.filter((f) => f.rule === 'unanswered').length, 0);
    assert.equal(readinessOf(quiet).placeholders, 1);
  });

  it('counts the lifecycle stages written', () => {
    const planned = review(design({ lifecycle: { scoping: { status: 'done' }, data_engineering: { status: 'planned' } } }, LINKED), { today: TODAY });
    assert.deepEqual(readinessOf(planned).stages, { planned: 2, of: planned.lifecycle.stages.length });
  });
});
