/**
 * Placeholders: `unanswered` reports each one on its value, in every section and inside
 * lists and flow collections; every other rule counts a placeholder as present and reads
 * nothing in it, so the placeholder is the one problem.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkWaiveFix, findingsOf, range, reviewAt } from './support/fixes';

const HEAD = 'mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - id: faster\n';

const unanswered = (text: string): string[] => findingsOf(text, 'unanswered').map((f) => f.target);
const others = (text: string): string[] => reviewAt(text).findings.filter((f) => f.rule !== 'unanswered').map((f) => `${f.rule} ${f.target}`);

describe('unanswered', () => {
  it('reports every placeholder, in every section, on its value', () => {
    const text = `mlsystem: 1
name: <system name>
summary: TODO
owners: [TBD]
stakeholders:
  - {name: Head of support, concerns: [speed, "???"]}
business:
  problem: Lorem ipsum dolor sit amet.
  objectives:
    - {id: faster, metric: TBC, target: "..."}
framing:
  - id: router
    inputs: [request text, "FIXME: which fields?"]
    baseline: XXX
data:
  labels: {source: "TODO: who labels?", delay: TBD}
evaluation:
  offline: "…"
requirements:
  reliability:
    slo: {latency: "<p99 target>"}
lifecycle:
  scoping: {status: done, owner: product, notes: "TODO: link the kick-off notes"}
waivers:
  - {rule: no-stakeholders, reason: other, note: TBD - after the kick-off}
`;
    const found = findingsOf(text, 'unanswered');
    assert.deepEqual(found.map((f) => f.target), [
      'name', 'summary', 'owners.0', 'stakeholders.0.concerns.1', 'business.problem',
      'business.objectives.faster.metric', 'business.objectives.faster.target',
      'framing.router.inputs.1', 'framing.router.baseline', 'data.labels.source', 'data.labels.delay',
      'evaluation.offline', 'requirements.reliability.slo.latency', 'lifecycle.scoping.notes', 'waivers.0.note',
    ]);
    assert.deepEqual(found.map((f) => f.range).slice(0, 4), [range(1, 6, 1, 19), range(2, 9, 2, 13), range(3, 9, 3, 12), range(5, 46, 5, 51)]);
    assert.ok(found.every((f) => f.severity === 'warning'));
    assert.equal(found[0].message, '`name` is still a placeholder ("<system name>"): answer it.');
  });

  it('reads no key, nothing under an x- key, and takes n/a, none and - as answers', () => {
    const text = `${HEAD}      TODO: x\nx-team: {owner: TODO, list: [TBD]}\nrequirements:\n  reliability:\n    fallback: n/a\n    silent_failures: none\n    failure_modes: ['-']\n    x-notes: "???"\n`;
    assert.deepEqual(unanswered(text), []);
  });

  it('leaves a placeholder in an enum, boolean, date or constant field, or under an unknown key, to the schema rule', () => {
    const text = `mlsystem: TODO\nname: t\nbusiness:\n  maturity: TBD\n  objectives:\n    - {id: faster, kind: "?"}\nframing:\n  - {id: f, task: TODO}\nevaluation:\n  online: {method: TBD}\nrequirements:\n  adaptability:\n    retraining: {automated: TODO}\nlifecycle:\n  scoping: {status: TODO}\nwaivers:\n  - {rule: no-stakeholders, reason: TBD, expires: TODO}\nsumary: TODO\n`;
    assert.deepEqual(unanswered(text), []);
    const schema = findingsOf(text, 'schema').map((f) => f.target);
    for (const target of ['mlsystem', 'business.maturity', 'business.objectives.faster.kind', 'framing.f.task', 'evaluation.online.method',
      'requirements.adaptability.retraining.automated', 'lifecycle.scoping.status', 'waivers.0.reason', 'waivers.0.expires', 'sumary']) {
      assert.ok(schema.includes(target), `${target} in ${schema.join(', ')}`);
    }
  });

  it('reports a placeholder reached through an alias once', () => {
    const text = `${HEAD}stakeholders:\n  - &who {name: "<who?>"}\n  - *who\n`;
    assert.equal(findingsOf(text, 'unanswered').length, 1);
  });

  it('can be waived on the placeholder\'s own path', () => {
    const text = `${HEAD}requirements:\n  reliability:\n    fallback: TODO\n`;
    const [f] = findingsOf(text, 'unanswered');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Waive unanswered here']);
    assert.match(checkWaiveFix(text, f), /- rule: unanswered\n    target: requirements\.reliability\.fallback\n/);
  });

  it('never throws on odd values and answers for very large documents', () => {
    const odd = `${HEAD}stakeholders:\n  - {name: 3, role: true, concerns: [null, 1.5, [TODO, [TBD]], {a: "?"}, "${'x'.repeat(100_000)}", "TODO ${'é🙂'.repeat(10_000)}"]}\n`;
    assert.doesNotThrow(() => reviewAt(odd));
    const many = HEAD + 'stakeholders:\n' + Array.from({ length: 5_000 }, (_, i) => `  - {name: "TODO: stakeholder ${i}", role: r}\n`).join('');
    assert.equal(findingsOf(many, 'unanswered').length, 5_000);
  });
});

describe('a placeholder counts as present, and no rule reads it', () => {
  it('in serves and moves: unanswered only, no unknown-reference, no unframed-objective, no unlinked-metric', () => {
    const text = `${HEAD}    - id: cheaper\nframing:\n  - id: f\n    serves: [TODO-objective-id]\n    task: regression\n    inputs: x\n    outputs: y\n    objective: z\n    baseline: b\n    metrics:\n      - {name: m, moves: "<objective>"}\n`;
    assert.deepEqual(unanswered(text), ['framing.f.serves.0', 'framing.f.metrics.0.moves']);
    const rest = others(text);
    for (const rule of ['unknown-reference', 'unframed-objective', 'unlinked-metric', 'unverified-link']) assert.ok(!rest.some((r) => r.startsWith(rule)), `${rule}: ${rest.join(', ')}`);
  });

  it('in measures: no unknown-reference and no per-objective unverified-link', () => {
    const text = `${HEAD}framing:\n  - id: f\n    serves: faster\n    metrics: [{name: m, moves: faster}]\nevaluation:\n  online: {method: a-b-test, measures: [TBD]}\n`;
    assert.deepEqual(unanswered(text), ['evaluation.online.measures.0']);
    assert.ok(!others(text).some((r) => /unknown-reference|unverified-link/.test(r)), others(text).join(', '));
  });

  it('in a waiver rule or target: the waiver silences nothing and gets no other finding', () => {
    const text = `${HEAD}waivers:\n  - {rule: TODO, reason: other}\n  - {rule: no-stakeholders, target: <where?>, reason: other}\n`;
    const result = reviewAt(text);
    assert.deepEqual(result.findings.filter((f) => f.path[0] === 'waivers').map((f) => `${f.rule} ${f.target}`), ['unanswered waivers.0.rule', 'unanswered waivers.1.target']);
    assert.ok(result.findings.some((f) => f.rule === 'no-stakeholders'), 'nothing is silenced');
    assert.deepEqual(result.waived, []);
  });

  it('as ids, classes and versioning: no duplicate-id, task-mismatch or unversioned reads them', () => {
    const text = `${HEAD}framing:\n  - {id: TODO, task: binary-classification, classes: ["TODO: the classes"]}\n  - {id: TODO}\nrequirements:\n  maintainability:\n    versioning: "TODO: code, data, models?"\n`;
    const rest = others(text);
    for (const rule of ['duplicate-id', 'task-mismatch', 'unversioned']) assert.ok(!rest.some((r) => r.startsWith(rule)), `${rule}: ${rest.join(', ')}`);
    assert.equal(unanswered(text).length, 4);
  });

  it('fills a key for the presence rules, but its words do not answer them', () => {
    // Present: unmeasured-objective, incomplete-framing and the pillar rules see a value.
    const present = `${HEAD}      metric: TODO\n      target: TBD\nframing:\n  - {id: f, serves: faster, task: other, inputs: TODO, outputs: TODO, objective: TODO, baseline: TODO}\nrequirements:\n  adaptability: {monitoring: TODO, retraining: TODO, rollout: TODO}\n`;
    const rest = others(present);
    for (const rule of ['unmeasured-objective', 'incomplete-framing', 'no-baseline', 'no-retraining', 'no-rollout', 'empty-pillar']) assert.ok(!rest.some((r) => r.startsWith(rule)), `${rule}: ${rest.join(', ')}`);
    // Words: a placeholder that mentions retraining is not a plan for it.
    const words = `${HEAD}requirements:\n  adaptability:\n    monitoring: "TODO: retrain when drift is seen?"\n    rollout: Canary.\n`;
    assert.ok(others(words).includes('no-retraining requirements.adaptability.retraining'), others(words).join(', '));
  });
});
