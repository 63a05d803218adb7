/**
 * The lifecycle and stakeholder rules: missing-stage, unmonitored-deployment and
 * no-stakeholders, on block and flow mappings, missing and null sections, and files
 * without a trailing newline.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkWaiveFix, findingAt, findingsOf, formatExample, range } from './support/fixes';
import type { RuleId } from '../../src/engine';
import { design } from './support/design';

/** Lines 0-4: the schema's required keys. */
const HEAD = design();

const STAKEHOLDERS = 'stakeholders:\n  - name: Head of support\n    role: business owner\n';

/** Lines 5-11 after HEAD. */
const LIFECYCLE = `lifecycle:
  scoping:           {status: done, owner: product}
  data_engineering:  {status: done}
  model_development: {status: done}
  deployment:        {status: in-progress}
  monitoring:        {status: in-progress}
  business_analysis: {status: planned}
`;

const STAGES = ['scoping', 'data_engineering', 'model_development', 'deployment', 'monitoring', 'business_analysis'];

describe('lifecycle rules on complete designs', () => {
  it('the format example (docs/format.md) gives none of them', () => {
    const rules: RuleId[] = ['missing-stage', 'unmonitored-deployment', 'no-stakeholders'];
    assert.deepEqual(rules.filter((rule) => findingsOf(formatExample, rule).length), []);
  });

  it('a lifecycle with every stage gives no missing-stage', () => {
    assert.deepEqual(findingsOf(HEAD + LIFECYCLE, 'missing-stage'), []);
  });
});

describe('missing-stage', () => {
  it('reports all six stages on the first key when lifecycle is absent', () => {
    const text = HEAD + STAKEHOLDERS;
    const found = findingsOf(text, 'missing-stage');
    assert.deepEqual(found.map((f) => f.path), STAGES.map((s) => ['lifecycle', s]));
    for (const f of found) {
      assert.deepEqual(f.range, range(0, 0, 0, 8));
      assert.equal(f.severity, 'info');
    }
    assert.match(found[4].message, /no monitoring and continual learning stage/);
    const fixed = applyFix(text, found[0]);
    assert.equal(fixed, text + 'lifecycle:\n  scoping:\n    status: planned\n');
  });

  it('reports on the lifecycle key when it is null, and fills it', () => {
    const text = HEAD + 'lifecycle:\n' + STAKEHOLDERS;
    const found = findingsOf(text, 'missing-stage');
    assert.equal(found.length, 6);
    for (const f of found) assert.deepEqual(f.range, range(5, 0, 5, 9));
    assert.equal(applyFix(text, found[3]), HEAD + 'lifecycle:\n  deployment:\n    status: planned\n' + STAKEHOLDERS);
  });

  it('reports only absent stages, and adds one in the lifecycle\'s order in a block mapping', () => {
    const text = HEAD + LIFECYCLE.replace('  model_development: {status: done}\n', '') + STAKEHOLDERS;
    const f = findingAt(text, 'missing-stage', ['lifecycle', 'model_development']);
    assert.equal(findingsOf(text, 'missing-stage').length, 1);
    assert.deepEqual(f.range, range(5, 0, 5, 9));
    assert.match(f.message, /no model development stage/);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {2}data_engineering: {2}\{status: done\}\n {2}model_development:\n {4}status: planned\n {2}deployment: /);
  });

  it('adds to a flow lifecycle as flow, on its line', () => {
    const text = HEAD + 'lifecycle: {scoping: {status: done}}\n' + STAKEHOLDERS;
    const found = findingsOf(text, 'missing-stage');
    assert.deepEqual(found.map((f) => f.path[1]), STAGES.slice(1));
    for (const f of found) assert.deepEqual(f.range, range(5, 0, 5, 9));
    const fixed = applyFix(text, found[0]);
    // In the document's own flow style: `{status: done}` is written without inner spaces.
    assert.match(fixed, /\nlifecycle: \{scoping: \{status: done\}, data_engineering: \{status: planned\}\}\nstakeholders:/);
  });

  it('does not count a stage present with no status as missing', () => {
    const text = HEAD + LIFECYCLE.replace('  monitoring:        {status: in-progress}\n', '  monitoring:\n');
    assert.deepEqual(findingsOf(text, 'missing-stage'), []);
  });

  it('works on a file without a trailing newline', () => {
    const text = HEAD + LIFECYCLE.replace('  business_analysis: {status: planned}\n', '').trimEnd();
    const f = findingAt(text, 'missing-stage', ['lifecycle', 'business_analysis']);
    assert.deepEqual(f.range, range(5, 0, 5, 9));
    assert.match(applyFix(text, f), /\n {2}monitoring: {8}\{status: in-progress\}\n {2}business_analysis:\n {4}status: planned\n$/);
  });

  it('leaves a lifecycle written as a list to the schema rule', () => {
    assert.deepEqual(findingsOf(HEAD + 'lifecycle: [scoping]\n', 'missing-stage'), []);
  });
});

describe('unmonitored-deployment', () => {
  it('is quiet while monitoring is under way, or while deployment is only planned', () => {
    assert.deepEqual(findingsOf(HEAD + LIFECYCLE, 'unmonitored-deployment'), []);
    const planned = HEAD + LIFECYCLE.replace('{status: in-progress}\n  monitoring:        {status: in-progress}', '{status: planned}\n  monitoring:        {status: planned}');
    assert.deepEqual(findingsOf(planned, 'unmonitored-deployment'), []);
  });

  for (const status of ['planned', 'skipped']) {
    it(`fires on the deployment key when monitoring is ${status}, pointing at monitoring`, () => {
      const text = HEAD + LIFECYCLE.replace('monitoring:        {status: in-progress}', `monitoring:        {status: ${status}}`);
      const f = findingAt(text, 'unmonitored-deployment', ['lifecycle', 'deployment']);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.range, range(9, 2, 9, 12));
      assert.match(f.message, new RegExp(`^Deployment is in-progress but monitoring is ${status}:`));
      assert.deepEqual(f.related?.map((r) => r.range), [range(10, 2, 10, 12)]);
      assert.deepEqual(f.fixes.map((x) => x.title), ['Waive unmonitored-deployment here'], 'no fix but the waiver');
    });
  }

  it('fires when the monitoring stage is absent or null, in block and flow lifecycles', () => {
    const absent = HEAD + LIFECYCLE.replace('  monitoring:        {status: in-progress}\n', '');
    const f = findingAt(absent, 'unmonitored-deployment', ['lifecycle', 'deployment']);
    assert.match(f.message, /no monitoring stage/);
    assert.equal(f.related, undefined);
    const nulled = HEAD + LIFECYCLE.replace('{status: in-progress}\n  business', '\n  business');
    assert.match(findingAt(nulled, 'unmonitored-deployment', ['lifecycle', 'deployment']).message, /no monitoring stage/);
    const flow = HEAD + 'lifecycle: {deployment: {status: done}, monitoring: {status: skipped}}';
    const g = findingAt(flow, 'unmonitored-deployment', ['lifecycle', 'deployment']);
    assert.deepEqual(g.range, range(5, 12, 5, 22));
    assert.match(g.message, /^Deployment is done but monitoring is skipped/);
  });

  it('counts a monitoring stage with no status as absent: {}, {owner: x}, or no value', () => {
    for (const monitoring of ['{}', '{owner: ml-ops}', '']) {
      const text = HEAD + LIFECYCLE.replace('monitoring:        {status: in-progress}', `monitoring:        ${monitoring}`.trimEnd());
      const f = findingAt(text, 'unmonitored-deployment', ['lifecycle', 'deployment']);
      assert.match(f.message, monitoring ? /^Deployment is in-progress but the monitoring stage has no status:/ : /no monitoring stage/, monitoring);
    }
  });

  it('is waived by a waiver on lifecycle.deployment', () => {
    const text = HEAD + 'lifecycle: {deployment: {status: done}}\n'
      + 'waivers:\n  - rule: unmonitored-deployment\n    target: lifecycle.deployment\n    reason: business-priorities\n';
    assert.deepEqual(findingsOf(text, 'unmonitored-deployment'), []);
  });
});

describe('no-stakeholders', () => {
  it('reports on the first key when stakeholders are absent, and inserts a skeleton where the format puts the section', () => {
    const text = design();
    const f = findingAt(text, 'no-stakeholders', ['stakeholders']);
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.range, range(0, 0, 0, 8));
    assert.match(f.message, /No stakeholders are listed/);
    // After the identity (`mlsystem`, `name`), before `business`: not at the end of the file.
    assert.equal(applyFix(text, f), HEAD.replace('business:', `stakeholders:
  - name: "TODO: who must be involved?"
    role: "TODO: their role (business owner, domain expert, end user...)"
    concerns:
      - "TODO: what must the system get right for them?"
business:`));
  });

  it('reports on the key of a null or empty stakeholders, and fills it as a block', () => {
    for (const empty of ['', ' []', ' ~']) {
      const text = HEAD + `stakeholders:${empty}\n` + LIFECYCLE;
      const f = findingAt(text, 'no-stakeholders', ['stakeholders']);
      assert.deepEqual(f.range, range(5, 0, 5, 12));
      assert.match(applyFix(text, f), /\nstakeholders:\n {2}- name: "TODO: [^\n]*"\n {4}role: [^\n]*\n {4}concerns:\n {6}- [^\n]*\nlifecycle:\n/);
    }
  });

  it('works on a file without a trailing newline', () => {
    const text = `${HEAD}lifecycle: {scoping: {status: done}}`;
    const f = findingAt(text, 'no-stakeholders', ['stakeholders']);
    assert.match(applyFix(text, f), /\nname: t\nstakeholders:\n {2}- name: [^\n]*\n(?: .*\n)*business:\n/);
    const short = 'mlsystem: 1\nname: t';
    assert.match(applyFix(short, findingAt(short, 'no-stakeholders', ['stakeholders'])), /\nname: t\nstakeholders:\n {2}- name: /);
  });

  it('is quiet when someone is listed', () => {
    assert.deepEqual(findingsOf(HEAD + STAKEHOLDERS, 'no-stakeholders'), []);
    assert.deepEqual(findingsOf(HEAD + 'stakeholders: [{name: Support lead}]', 'no-stakeholders'), []);
  });
});

describe('documents that are not a mapping', () => {
  it('a list or a scalar gives none of the "missing" findings (the schema reports it)', () => {
    for (const text of ['- scoping\n- deployment\n', 'just words\n']) {
      for (const rule of ['missing-pillar', 'missing-stage', 'no-stakeholders'] as RuleId[]) assert.deepEqual(findingsOf(text, rule), [], `${rule} on ${text}`);
    }
  });

  it('an empty document is missing everything, reported at its start', () => {
    const f = findingAt('', 'no-stakeholders', ['stakeholders']);
    assert.deepEqual(f.range, range(0, 0, 0, 0));
    assert.equal(findingsOf('', 'missing-stage').length, 6);
    assert.equal(findingsOf('', 'missing-pillar').length, 4);
  });
});

describe('waiving the lifecycle rules', () => {
  const cases: [RuleId, string, string][] = [
    ['missing-stage', HEAD + STAKEHOLDERS, 'lifecycle.scoping'],
    ['unmonitored-deployment', HEAD + STAKEHOLDERS + 'lifecycle: {deployment: {status: done}}\n', 'lifecycle.deployment'],
    ['no-stakeholders', HEAD + LIFECYCLE, 'stakeholders'],
  ];
  for (const [rule, text, target] of cases) {
    it(`"Waive ${rule} here" silences exactly that finding, with target ${target}`, () => {
      const after = checkWaiveFix(text, findingsOf(text, rule)[0]);
      assert.match(after, new RegExp(`\\n {2}- rule: ${rule}\\n {4}target: ${target.replace('.', '\\.')}\\n`));
    });
  }
});
