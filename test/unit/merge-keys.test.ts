/**
 * YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`): read as YAML 1.1 merges them, never
 * reported as an unknown key `<<`; findings about merged values on the alias that merged
 * them; no fix writes through a merge.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { design } from './support/design';
import { applyFix, checkWaiveFix, findingsOf, ownFixes, range, reviewAt } from './support/fixes';

const HEAD = design({ name: 'x', business: { objectives: [{ id: 'a', statement: 's', metric: 'm', target: 't' }] } });
const LINES = HEAD.split('\n').length - 1;

/** The line of `text` (zero-based) that holds `needle`. */
function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line holds ${needle}`);
  return line;
}

describe('merge keys', () => {
  it('merge a mapping: no unknown key `<<`, and the merged values count', () => {
    const text = `${HEAD}x-stage: &stage\n  status: in-progress\n  owner: team\nlifecycle:\n  scoping:\n    <<: *stage\n    status: done\n  deployment:\n    <<: *stage\n`;
    const result = reviewAt(text);
    assert.deepEqual(findingsOf(text, 'schema').map((f) => f.message), []);
    const lifecycle = (result.design as { lifecycle: Record<string, unknown> }).lifecycle;
    assert.deepEqual(lifecycle, { scoping: { status: 'done', owner: 'team' }, deployment: { status: 'in-progress', owner: 'team' } });
    // The merged owner answers for the stage; the merged status is the stage's status.
    assert.deepEqual(findingsOf(text, 'unowned-stage'), []);
    assert.deepEqual(result.lifecycle.stages.filter((s) => s.present).map((s) => `${s.id} ${s.status} ${s.owner}`), ['scoping done team', 'deployment in-progress team']);
  });

  it('merge a list of aliases: the mapping\'s own keys win, then earlier aliases over later ones', () => {
    const text = `${HEAD}x-a: &a {status: done, owner: first}\nx-b: &b {status: blocked, owner: second, notes: from b}\nlifecycle:\n  scoping:\n    owner: own\n    <<: [*a, *b]\n`;
    const lifecycle = (reviewAt(text).design as { lifecycle: Record<string, unknown> }).lifecycle;
    assert.deepEqual(lifecycle.scoping, { owner: 'own', status: 'done', notes: 'from b' });
    assert.deepEqual(findingsOf(text, 'schema'), []);
  });

  it('merge a mapping written in place, and merges of merges', () => {
    const text = `${HEAD}x-base: &base {owner: team}\nx-stage: &stage {<<: *base, status: done}\nlifecycle:\n  scoping: {<<: *stage}\n  deployment:\n    <<: {status: planned}\n`;
    const lifecycle = (reviewAt(text).design as { lifecycle: Record<string, unknown> }).lifecycle;
    assert.deepEqual(lifecycle, { scoping: { owner: 'team', status: 'done' }, deployment: { status: 'planned' } });
    assert.deepEqual(findingsOf(text, 'schema'), []);
  });

  it('a wrong merged value is reported on the alias that merged it, with the waiver as its only fix', () => {
    const text = `${HEAD}x-stage: &stage {status: finished}\nlifecycle:\n  scoping:\n    <<: *stage\n  deployment: {<<: [*stage]}\n`;
    const found = findingsOf(text, 'schema');
    assert.deepEqual(found.map((f) => f.target), ['lifecycle.scoping.status', 'lifecycle.deployment.status']);
    const scoping = lineOf(text, '<<: *stage');
    assert.deepEqual(found[0].range, range(scoping, 8, scoping, 14));
    const deployment = lineOf(text, 'deployment:');
    assert.deepEqual(found[1].range, range(deployment, 20, deployment, 26));
    // Replacing the value would rewrite the anchor every merge shares, or the alias itself.
    for (const f of found) {
      assert.deepEqual(ownFixes(f), []);
      checkWaiveFix(text, f);
    }
  });

  it('an unknown key and a placeholder brought in by a merge: on the alias, once per merge', () => {
    const text = `${HEAD}x-stage: &stage {statuss: done, owner: TODO}\nlifecycle:\n  scoping:\n    <<: *stage\n`;
    const alias = lineOf(text, '<<: *stage');
    const schema = findingsOf(text, 'schema');
    assert.deepEqual(schema.map((f) => [f.target, f.range.start.line, f.range.start.character]), [['lifecycle.scoping.statuss', alias, 8]]);
    assert.deepEqual(ownFixes(schema[0]), [], 'no rename through the merge');
    const unanswered = findingsOf(text, 'unanswered');
    assert.deepEqual(unanswered.map((f) => [f.target, f.range.start.line]), [['lifecycle.scoping.owner', alias]]);
  });

  it('a fix that adds a key to a mapping holding a merge key keeps the YAML valid', () => {
    const text = `${HEAD}x-stage: &stage {status: in-progress}\nrequirements:\n  maintainability: {versioning: git}\nlifecycle:\n  scoping: {<<: *stage}\n  data_engineering:\n    <<: *stage\n`;
    const unowned = findingsOf(text, 'unowned-stage');
    assert.deepEqual(unowned.map((f) => f.target), ['lifecycle.scoping.owner', 'lifecycle.data_engineering.owner']);
    for (const f of unowned) applyFix(text, f);
  });

  it('a missing key of a mapping read through a merge gets no fix that writes into the anchor', () => {
    const text = `${HEAD}x-req: &req\n  reliability:\n    fallback: humans\nrequirements:\n  <<: *req\n`;
    const silent = findingsOf(text, 'silent-failure');
    assert.equal(silent.length, 1);
    assert.equal(silent[0].range.start.line, lineOf(text, '<<: *req'), 'on the alias');
    assert.deepEqual(ownFixes(silent[0]), []);
    // The pillars beside the merged one are inserted in `requirements` itself.
    for (const f of findingsOf(text, 'missing-pillar')) applyFix(text, f);
  });

  it('a merge key whose value is not a mapping is a yaml-syntax error on that value', () => {
    for (const value of ['3', '[a, b]', '', '*s']) {
      const text = `${HEAD}x-s: &s text\nlifecycle:\n  scoping:\n    <<: ${value}\n`;
      const found = reviewAt(text).findings;
      assert.deepEqual(found.map((f) => f.rule), ['yaml-syntax'], value);
      assert.match(found[0].message, /merge key/);
      assert.equal(found[0].range.start.line, LINES + 3, value);
    }
  });

  it('a quoted "<<" is an ordinary key, and unknown', () => {
    const text = `${HEAD}x-s: &s {status: done}\nlifecycle:\n  scoping:\n    "<<": *s\n`;
    assert.deepEqual(findingsOf(text, 'schema').map((f) => f.target), ['lifecycle.scoping.<<']);
  });

  it('merge keys may repeat in one mapping', () => {
    const text = `${HEAD}x-a: &a {status: done}\nx-b: &b {owner: me}\nlifecycle:\n  scoping:\n    <<: *a\n    <<: *b\n`;
    const result = reviewAt(text);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema'), []);
    assert.deepEqual((result.design as { lifecycle: unknown }).lifecycle, { scoping: { status: 'done', owner: 'me' } });
  });

  it('a waiver may name a merged value, and the outline shows no `<<` stage', () => {
    const text = `${HEAD}x-stage: &stage {status: finished}\nlifecycle:\n  scoping:\n    <<: *stage\nwaivers:\n  - rule: schema\n    target: lifecycle.scoping.status\n    reason: other\n`;
    const result = reviewAt(text);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'schema' || f.rule === 'unused-waiver' || f.rule === 'unknown-reference'), []);
    assert.deepEqual(result.waived.map((w) => w.target), ['lifecycle.scoping.status']);
    const lifecycle = result.outline.find((n) => n.name === 'lifecycle');
    assert.deepEqual(lifecycle?.children.map((c) => c.name), ['scoping']);
    const root = reviewAt(`x-head: &head {mlsystem: 1, name: x}\n<<: *head\nbusiness: {objectives: [{id: a}]}\n`);
    assert.deepEqual(root.outline.map((n) => n.name), ['x-head', 'business']);
    assert.deepEqual(root.findings.filter((f) => f.rule === 'schema'), [], 'mlsystem and name merged in at the top');
  });

  it('aliases merged past the expansion limit are refused as before', () => {
    const anchors = ['x-0: &a0 {owner: me}'];
    for (let i = 1; i <= 8; i++) anchors.push(`x-${i}: &a${i} {<<: [${Array(4).fill(`*a${i - 1}`).join(', ')}]}`);
    const text = `${HEAD}${anchors.join('\n')}\n`;
    const found = reviewAt(text).findings;
    assert.deepEqual(found.map((f) => f.rule), ['yaml-syntax']);
    assert.match(found[0].message, /Aliases expand too far/);
  });
});
