/**
 * The pillar rules: missing-pillar, empty-pillar, and the detail rules growth-unplanned,
 * unversioned, silent-failure and no-retraining. Each fires where it should, on the exact
 * key, stays quiet on a complete design, and its fix leaves a valid design without it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkWaiveFix, findingAt, findingsOf, formatExample, ownFix, ownFixes, range } from './support/fixes';
import type { RuleId } from '../../src/engine';
import { design } from './support/design';

/** Lines 0-4: the schema's required keys; `requirements` starts on line 5. */
const HEAD = design();

const PILLARS = `requirements:
  reliability:
    silent_failures: Audited daily.
  scalability:
    traffic: 10k/day now, 1M/day next year
    model_complexity: Logistic regression.
    model_count: One.
  maintainability:
    versioning: {code: git, data: snapshots, artifacts: registry}
  adaptability:
    monitoring: Input drift.
    retraining: Weekly.
`;

const PILLAR_RULES: RuleId[] = ['missing-pillar', 'empty-pillar', 'growth-unplanned', 'unversioned', 'silent-failure', 'no-retraining'];

function rulesFired(text: string): RuleId[] {
  return PILLAR_RULES.filter((rule) => findingsOf(text, rule).length > 0);
}

describe('pillar rules on complete designs', () => {
  it('the format example (docs/format.md) gives none of them', () => {
    assert.deepEqual(rulesFired(formatExample), []);
  });

  it('a design with every pillar addressed gives none of them', () => {
    assert.deepEqual(rulesFired(HEAD + PILLARS), []);
  });

  it('prose pillars are trusted as written', () => {
    const text = design({ requirements: {
      reliability: 'We keep a human queue for low-confidence requests.',
      scalability: 'Small.',
      maintainability: 'Everything lives in one repo.',
      adaptability: 'We look at it sometimes.',
    } });
    assert.deepEqual(rulesFired(text), []);
  });
});

describe('missing-pillar', () => {
  it('reports all four pillars on the first key when requirements is absent', () => {
    const text = design();
    const found = findingsOf(text, 'missing-pillar');
    assert.deepEqual(found.map((f) => f.path), [
      ['requirements', 'reliability'], ['requirements', 'scalability'],
      ['requirements', 'maintainability'], ['requirements', 'adaptability'],
    ]);
    for (const f of found) {
      assert.deepEqual(f.range, range(0, 0, 0, 8));
      assert.equal(f.severity, 'warning');
      assert.equal(f.target, f.path.join('.'));
    }
    assert.equal(found[0].message, 'Requirements do not cover reliability: add a `reliability` pillar.');
    assert.equal(found[3].message, 'Requirements do not cover adaptability: add an `adaptability` pillar.');
    assert.match(found[0].help, /silent failures/);
    for (const f of found) applyFix(text, f);
  });

  it('inserts the whole skeleton with its expected keys, at the end of the file', () => {
    const fixed = applyFix(HEAD, findingAt(HEAD, 'missing-pillar', ['requirements', 'scalability']));
    assert.equal(fixed, HEAD + `requirements:
  scalability:
    traffic:
      current: "TODO: requests or predictions per day today"
      expected: "TODO: expected at peak and in a year"
    model_complexity: "TODO: how may the model grow, and what would it need to run?"
    model_count: "TODO: how many models now, and how many later (per customer, region...)?"
    resources: "TODO: how do compute and memory scale with load?"
    artifact_management: "TODO: where are models and their lineage stored?"
`);
    // The inserted skeleton itself passes the detail rules.
    assert.deepEqual(findingsOf(fixed, 'growth-unplanned'), []);
  });

  it('reports on the requirements key when it is null, and fills it', () => {
    const text = HEAD + 'requirements:\nlifecycle:\n  scoping: {status: done}\n';
    const found = findingsOf(text, 'missing-pillar');
    assert.equal(found.length, 4);
    for (const f of found) assert.deepEqual(f.range, range(5, 0, 5, 12));
    const fixed = applyFix(text, found[3]);
    assert.match(fixed, /^requirements:\n {2}adaptability:\n {4}monitoring: "TODO: [^\n]*"\n {4}retraining: [^\n]*\n {4}rollout: [^\n]*\nlifecycle:\n/m);
  });

  it('reports only the pillars that are absent, on the requirements key', () => {
    const text = design({
      requirements: { reliability: { silent_failures: 'Audited.' }, adaptability: { monitoring: 'Drift.', retraining: 'Weekly.' } },
      owners: ['team'],
    });
    const found = findingsOf(text, 'missing-pillar');
    assert.deepEqual(found.map((f) => f.path[1]), ['scalability', 'maintainability']);
    for (const f of found) assert.deepEqual(f.range, range(5, 0, 5, 12));
    assert.match(found[1].help, /versioned, reproduced and owned/);
    const fixed = applyFix(text, found[1]);
    // In the pillars' order: after reliability, before adaptability.
    assert.match(fixed, /\n {4}silent_failures: Audited\.\n {2}maintainability:\n {4}versioning:\n {6}code: "TODO: [^\n]*"\n(?: {4}.*\n)+ {2}adaptability:\n/);
    assert.match(fixed, /\nowners: \[team\]\n$/);
  });

  it('inserts into a flow mapping as flow', () => {
    const text = HEAD + 'requirements: {reliability: Human queue., scalability: Small., maintainability: One repo.}\n';
    const f = findingAt(text, 'missing-pillar', ['requirements', 'adaptability']);
    assert.deepEqual(f.range, range(5, 0, 5, 12));
    const fixed = applyFix(text, f);
    assert.equal(fixed.split('\n').length, text.split('\n').length, 'the flow mapping stays on its line');
    assert.match(fixed, /maintainability: One repo\., adaptability: \{monitoring: "TODO: /);
  });

  it('replaces an empty flow mapping with a block', () => {
    const text = HEAD + 'requirements: {}\n';
    const f = findingAt(text, 'missing-pillar', ['requirements', 'reliability']);
    assert.deepEqual(f.range, range(5, 0, 5, 12));
    assert.match(applyFix(text, f), /\nrequirements:\n {2}reliability:\n {4}failure_modes:\n {6}- "TODO: /);
  });

  it('works on a file without a trailing newline', () => {
    const text = HEAD + 'requirements:\n  reliability: Human queue.';
    const f = findingAt(text, 'missing-pillar', ['requirements', 'adaptability']);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {2}reliability: Human queue\.\n {2}adaptability:\n {4}monitoring: /);
  });

  it('leaves a requirements written as a list to the schema rule', () => {
    assert.deepEqual(findingsOf(HEAD + 'requirements: [reliability]\n', 'missing-pillar'), []);
  });
});

describe('empty-pillar', () => {
  it('reports a null pillar on its key, not as missing, and fills in the skeleton', () => {
    const text = HEAD + PILLARS.replace('  reliability:\n    silent_failures: Audited daily.\n', '  reliability:\n');
    const f = findingAt(text, 'empty-pillar', ['requirements', 'reliability']);
    assert.deepEqual(f.range, range(6, 2, 6, 13));
    assert.match(f.message, /^Reliability is empty/);
    assert.deepEqual(findingsOf(text, 'missing-pillar'), []);
    assert.deepEqual(findingsOf(text, 'silent-failure'), [], 'detail rules skip an empty pillar');
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {2}reliability:\n {4}failure_modes:\n {6}- "TODO: [^\n]*"\n {4}silent_failures: "TODO: [^\n]*"\n {4}fallback: "TODO: [^\n]*"\n {2}scalability:\n/);
  });

  it('keeps the notes of a pillar that has only notes', () => {
    const text = HEAD + PILLARS.replace('    monitoring: Input drift.\n    retraining: Weekly.\n', '    notes: We will **see**.\n');
    const f = findingAt(text, 'empty-pillar', ['requirements', 'adaptability']);
    assert.deepEqual(f.range, range(14, 2, 14, 14));
    assert.match(f.message, /^Adaptability has only notes/);
    assert.deepEqual(findingsOf(text, 'no-retraining'), []);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {2}adaptability:\n {4}monitoring: "TODO: [^\n]*"\n {4}retraining: "TODO: [^\n]*"\n {4}rollout: "TODO: [^\n]*"\n {4}notes: We will \*\*see\*\*\.\n$/);
  });

  it('fills keys that are present but empty, in place', () => {
    const text = HEAD + PILLARS.replace('  maintainability:\n    versioning: {code: git, data: snapshots, artifacts: registry}\n',
      '  maintainability:\n    versioning:\n    ownership: ""   # who?\n');
    const f = findingAt(text, 'empty-pillar', ['requirements', 'maintainability']);
    assert.deepEqual(f.range, range(12, 2, 12, 17));
    const fixed = applyFix(text, f);
    // The missing keys each where the format puts them: two beside versioning, one after ownership.
    assert.match(fixed, /\n {4}versioning:\n {6}code: "TODO: [^\n]*"\n {6}data: "TODO: [^\n]*"\n {6}artifacts: "TODO: [^\n]*"\n {4}reproducibility: "TODO: [^\n]*"\n {4}documentation: "TODO: [^\n]*"\n {4}ownership: "TODO: [^\n]*" {3}# who\?\n {4}on_call: "TODO: /);
  });

  it('replaces an empty mapping or an empty string', () => {
    for (const empty of ['{}', '""']) {
      const text = HEAD + PILLARS.replace(/ {2}scalability:\n(?: {4}.*\n)+/, `  scalability: ${empty}\n`);
      const f = findingAt(text, 'empty-pillar', ['requirements', 'scalability']);
      assert.deepEqual(f.range, range(8, 2, 8, 13));
      assert.match(applyFix(text, f), /\n {2}scalability:\n {4}traffic:\n {6}current: /);
    }
  });

  it('fills a null pillar inside a flow mapping as flow', () => {
    const text = HEAD + 'requirements: {reliability: null, scalability: Small., maintainability: One repo., adaptability: Drift.}';
    const f = findingAt(text, 'empty-pillar', ['requirements', 'reliability']);
    assert.deepEqual(f.range, range(5, 15, 5, 26));
    assert.match(applyFix(text, f), /^requirements: \{reliability: \{failure_modes: \["TODO: [^\n]*\}, scalability: Small\./m);
  });
});

describe('growth-unplanned', () => {
  it('names the missing dimension on the scalability key and inserts it', () => {
    const text = HEAD + PILLARS.replace('    model_count: One.\n', '');
    const f = findingAt(text, 'growth-unplanned', ['requirements', 'scalability']);
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.range, range(8, 2, 8, 13));
    assert.match(f.message, /^Scalability plans no growth in model count:/);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {4}model_complexity: Logistic regression\.\n {4}model_count: "TODO: [^\n]*"\n {2}maintainability:/);
  });

  it('wants an expected figure when traffic is written as {current, expected}', () => {
    const text = HEAD + PILLARS.replace('    traffic: 10k/day now, 1M/day next year\n', '')
      .replace('    model_count: One.\n', '    model_count: One.\n    traffic:\n      current: 10k/day\n');
    const f = findingAt(text, 'growth-unplanned', ['requirements', 'scalability']);
    assert.match(f.message, /growth in traffic:/);
    // traffic is the last entry: its `expected` and nothing else lands at the same spot.
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {4}traffic:\n {6}current: 10k\/day\n {6}expected: "TODO: expected at peak and in a year"\n {2}maintainability:/);
  });

  it('joins a nested and a sibling insertion at the same place in the right order', () => {
    const text = HEAD + `requirements:
  scalability:
    model_complexity: Small.
    traffic:
      current: 10k/day`;
    const f = findingAt(text, 'growth-unplanned', ['requirements', 'scalability']);
    assert.match(f.message, /growth in traffic and model count:/);
    assert.equal(ownFix(f).edits.length, 1);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {6}current: 10k\/day\n {6}expected: "TODO: [^\n]*"\n {4}model_count: "TODO: [^\n]*"\n$/);
  });

  it('inserts expected into a flow traffic mapping', () => {
    const text = HEAD + PILLARS.replace('    traffic: 10k/day now, 1M/day next year\n', '    traffic: {current: 10k/day}\n');
    const f = findingAt(text, 'growth-unplanned', ['requirements', 'scalability']);
    assert.match(applyFix(text, f), /\n {4}traffic: \{current: 10k\/day, expected: "TODO: [^"]*"\}\n/);
  });

  it('lists all three dimensions when only other keys are written', () => {
    const text = HEAD + PILLARS.replace(/ {2}scalability:\n(?: {4}.*\n)+/, '  scalability:\n    resources: Autoscaling.\n');
    const f = findingAt(text, 'growth-unplanned', ['requirements', 'scalability']);
    assert.match(f.message, /growth in traffic, model complexity and model count:/);
    applyFix(text, f);
  });
});

describe('unversioned', () => {
  it('reports a missing versioning on the maintainability key and inserts code, data and artifacts', () => {
    const text = HEAD + PILLARS.replace('    versioning: {code: git, data: snapshots, artifacts: registry}\n', '    ownership: Platform team.\n');
    const f = findingAt(text, 'unversioned', ['requirements', 'maintainability', 'versioning']);
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.range, range(12, 2, 12, 17));
    assert.match(f.message, /how code, data and artifacts are versioned/);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {2}maintainability:\n {4}versioning:\n {6}code: "TODO: [^\n]*"\n {6}data: [^\n]*\n {6}artifacts: [^\n]*\n {4}ownership: Platform team\.\n {2}adaptability:/);
  });

  it('reports the kinds a versioning mapping leaves out, on the versioning key', () => {
    const text = HEAD + PILLARS.replace('{code: git, data: snapshots, artifacts: registry}', '{code: git, data: ""}');
    const f = findingAt(text, 'unversioned', ['requirements', 'maintainability', 'versioning']);
    assert.deepEqual(f.range, range(13, 4, 13, 14));
    assert.match(f.message, /how data and artifacts are versioned/);
    assert.match(applyFix(text, f), /\n {4}versioning: \{code: git, data: "TODO: [^"]*", artifacts: "TODO: [^"]*"\}\n/);
  });

  it('accepts prose that names code, data and models, and names what other prose leaves out', () => {
    const all = HEAD + PILLARS.replace('{code: git, data: snapshots, artifacts: registry}', 'Code in git, data as DVC snapshots, models in MLflow.');
    assert.deepEqual(findingsOf(all, 'unversioned'), []);
    const some = HEAD + PILLARS.replace('{code: git, data: snapshots, artifacts: registry}', 'Everything is in git.');
    const f = findingAt(some, 'unversioned', ['requirements', 'maintainability', 'versioning']);
    assert.match(f.message, /how data and artifacts are versioned/);
    assert.deepEqual(ownFixes(f), [], 'prose is not rewritten');
  });

  it('fills a null versioning in place', () => {
    const text = HEAD + PILLARS.replace('{code: git, data: snapshots, artifacts: registry}', '~\n    ownership: Platform team.');
    const f = findingAt(text, 'unversioned', ['requirements', 'maintainability', 'versioning']);
    assert.match(applyFix(text, f), /\n {4}versioning:\n {6}code: [^\n]*\n {6}data: [^\n]*\n {6}artifacts: [^\n]*\n {4}ownership: Platform team\.\n/);
  });

  it('leaves a pillar with only a null versioning to empty-pillar', () => {
    const text = HEAD + PILLARS.replace('{code: git, data: snapshots, artifacts: registry}', '~');
    assert.deepEqual(findingsOf(text, 'unversioned'), []);
    findingAt(text, 'empty-pillar', ['requirements', 'maintainability']);
  });
});

describe('silent-failure', () => {
  const noSilent = HEAD + PILLARS.replace('    silent_failures: Audited daily.\n', '    fallback: Human queue.\n');

  it('is quiet while adaptability.monitoring watches the system', () => {
    assert.deepEqual(findingsOf(noSilent, 'silent-failure'), []);
  });

  it('fires on the reliability key when neither reliability nor monitoring catches silent failures', () => {
    const text = noSilent.replace('    monitoring: Input drift.\n', '');
    const f = findingAt(text, 'silent-failure', ['requirements', 'reliability', 'silent_failures']);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(6, 2, 6, 13));
    assert.match(f.message, /silent failures/);
    assert.match(applyFix(text, f), /\n {2}reliability:\n {4}silent_failures: "TODO: how are silent failures [^\n]*"\n {4}fallback: Human queue\.\n {2}scalability:/);
  });

  it('fires when adaptability is missing, and fills an empty silent_failures in place', () => {
    const text = design({ requirements: { reliability: { silent_failures: null, fallback: 'Human queue.' } } });
    const f = findingAt(text, 'silent-failure', ['requirements', 'reliability', 'silent_failures']);
    assert.deepEqual(f.range, range(7, 4, 7, 19));
    assert.match(applyFix(text, f), /\n {4}silent_failures: "TODO: [^\n]*"\n {4}fallback: Human queue\.\n$/);
  });

  it('counts prose adaptability that speaks of monitoring', () => {
    const text = design({ requirements: { reliability: { fallback: 'Human queue.' }, adaptability: 'We monitor drift and retrain monthly.' } });
    assert.deepEqual(findingsOf(text, 'silent-failure'), []);
  });
});

describe('no-retraining', () => {
  it('fires on the adaptability key and inserts retraining', () => {
    const text = HEAD + PILLARS.replace('    retraining: Weekly.\n', '    rollout: Canary.\n');
    const f = findingAt(text, 'no-retraining', ['requirements', 'adaptability', 'retraining']);
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.range, range(14, 2, 14, 14));
    assert.match(f.message, /retraining or continual learning/);
    assert.match(applyFix(text, f), /\n {4}monitoring: Input drift\.\n {4}retraining: "TODO: when and how is the model retrained\?"\n {4}rollout: Canary\.\n$/);
  });

  it('accepts continual learning named in a key or in the text of another key', () => {
    const byKey = HEAD + PILLARS.replace('    retraining: Weekly.\n', '    x-continual-learning: Online updates.\n');
    assert.deepEqual(findingsOf(byKey, 'no-retraining'), []);
    const byText = HEAD + PILLARS.replace('    retraining: Weekly.\n', '    monitoring: Drift alerts trigger a retrain.\n').replace('    monitoring: Input drift.\n', '');
    assert.deepEqual(findingsOf(byText, 'no-retraining'), []);
  });

  it('works on a file without a trailing newline', () => {
    const text = HEAD + 'requirements:\n  adaptability:\n    monitoring: Drift.';
    const f = findingAt(text, 'no-retraining', ['requirements', 'adaptability', 'retraining']);
    assert.deepEqual(f.range, range(6, 2, 6, 14));
    assert.match(applyFix(text, f), /\n {4}monitoring: Drift\.\n {4}retraining: "TODO: [^\n]*"\n$/);
  });
});

describe('waiving the pillar rules', () => {
  const cases: [RuleId, string][] = [
    ['missing-pillar', HEAD],
    ['empty-pillar', design({ requirements: { reliability: null } })],
    ['growth-unplanned', design({ requirements: { scalability: { resources: 'Autoscaling.' } } })],
    ['unversioned', design({ requirements: { maintainability: { ownership: 'Platform team.' } } })],
    ['silent-failure', design({ requirements: { reliability: { fallback: 'Human queue.' } } })],
    ['no-retraining', design({ requirements: { adaptability: { rollout: 'Canary.' } } })],
  ];
  for (const [rule, text] of cases) {
    it(`"Waive ${rule} here" silences exactly that finding, even about something missing`, () => {
      const after = checkWaiveFix(text, findingsOf(text, rule)[0]);
      assert.match(after, new RegExp(`\\nwaivers:\\n {2}- rule: ${rule}\\n {4}target: requirements\\.`));
    });
  }
});
