/** Completion and hover content from the real schema and the document's own ids. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionEntries, hoverMarkdown, waiverTargets } from '../../src/features/schema-completion';
import { cursorContext } from '../../src/features/yaml-cursor';

function complete(textWithCursor: string): Map<string, string> {
  const offset = textWithCursor.indexOf('|');
  const cursor = cursorContext(textWithCursor.replace('|', ''), offset);
  assert.ok(cursor, 'a completion context');
  return new Map(completionEntries(cursor).map((e) => [e.label, e.insertText]));
}

describe('completion entries', () => {
  it('offers the top-level keys not yet present, sections as blocks', () => {
    const items = complete('mlsystem: 1\nname: routing\n|');
    assert.ok(!items.has('mlsystem') && !items.has('name'), 'present keys are not offered again');
    for (const key of ['summary', 'business', 'framing', 'requirements', 'lifecycle', 'waivers', 'stakeholders']) assert.ok(items.has(key), `offers ${key}`);
    assert.equal(items.get('business'), 'business:\n\t$0');
    assert.equal(items.get('framing'), 'framing:\n\t- $0');
  });

  it('offers the four pillars under requirements, minus those written', () => {
    const items = complete('requirements:\n  reliability: Prose.\n  |\n');
    assert.deepEqual([...items.keys()].sort(), ['adaptability', 'maintainability', 'scalability']);
  });

  it('offers a key with an enum as a choice', () => {
    const items = complete('business:\n  objectives: []\n  |\n');
    assert.equal(items.get('maturity'), 'maturity: ${1|none,early,developing,mature|}');
  });

  it('offers the task kinds as values', () => {
    const items = complete('framing:\n  - id: a\n    task: |\n');
    for (const task of ['binary-classification', 'multiclass-classification', 'regression', 'anomaly-detection', 'generation']) assert.ok(items.has(task), task);
  });

  it('offers the lifecycle statuses', () => {
    assert.deepEqual([...complete('lifecycle:\n  deployment: {status: |}\n').keys()].sort(), ['blocked', 'done', 'in-progress', 'planned', 'skipped']);
  });

  it('offers the objective ids for serves, minus those listed', () => {
    const items = complete('business:\n  objectives:\n    - id: fast\n    - id: cheap\nframing:\n  - id: a\n    serves: [fast, |]\n');
    assert.deepEqual([...items.keys()], ['cheap']);
  });

  it('offers the objective ids for a metric\'s moves', () => {
    const items = complete('business:\n  objectives:\n    - id: fast\nframing:\n  - id: a\n    metrics:\n      - name: accuracy\n        moves: |\n');
    assert.ok(items.has('fast'));
  });

  it('offers the objective ids for the online evaluation\'s measures, as one id or in a list', () => {
    const head = 'business:\n  objectives:\n    - id: fast\n    - id: cheap\nevaluation:\n  online:\n';
    assert.deepEqual([...complete(`${head}    measures: [fast, |]\n`).keys()], ['cheap']);
    assert.ok(complete(`${head}    measures: |\n`).has('fast'));
  });

  it('offers the online evaluation methods, each with what it measures', () => {
    const offset = 'evaluation:\n  online:\n    method: '.length;
    const cursor = cursorContext('evaluation:\n  online:\n    method: \n', offset);
    assert.ok(cursor);
    const entries = completionEntries(cursor);
    assert.deepEqual(entries.map((e) => e.label), ['a-b-test', 'shadow', 'canary', 'interleaving', 'holdout', 'none']);
    assert.match(entries[0].documentation ?? '', /split at random/);
    assert.match(entries[1].documentation ?? '', /without acting/);
    assert.ok(entries.every((e) => (e.documentation ?? '').length > 30), 'every method is described');
  });

  it('offers the keys of the additions with their descriptions', () => {
    const items = complete('mlsystem: 1\n|');
    assert.ok(items.has('data') && items.has('evaluation'));
    assert.ok(complete('requirements:\n  adaptability:\n    retraining:\n      |\n').has('cadence'));
    assert.ok(complete('requirements:\n  maintainability:\n    |\n').has('on_call'));
  });

  it('offers rule ids for a waiver rule and the document\'s places for its target', () => {
    const rules = complete('waivers:\n  - rule: |\n');
    assert.ok(rules.has('growth-unplanned') && rules.has('unused-waiver'));
    assert.ok(!rules.has('yaml-syntax'), 'yaml-syntax cannot be waived');
    const targets = complete('requirements:\n  scalability: {traffic: x}\nframing:\n  - id: router\nwaivers:\n  - rule: growth-unplanned\n    target: |\n');
    assert.ok(targets.has('requirements.scalability'));
    assert.ok(targets.has('framing.router'), 'list items are named by their id');
  });
});

describe('waiverTargets', () => {
  it('names list items by id, else by index, and skips the waivers themselves', () => {
    const t = waiverTargets({ mlsystem: 1, stakeholders: [{ name: 'a' }], framing: [{ id: 'r' }], waivers: [{ rule: 'x' }] });
    assert.deepEqual(t, ['stakeholders', 'stakeholders.0', 'stakeholders.0.name', 'framing', 'framing.r', 'framing.r.id']);
  });
});

describe('hover', () => {
  it('shows the schema description of a key', () => {
    const md = hoverMarkdown(['framing', 0, 'task'], true, 'task');
    assert.match(md ?? '', /^\*\*task\*\*/);
    assert.match(md ?? '', /kind of ML task/i);
  });
  it('shows the rule summary for a waiver rule id', () => {
    const md = hoverMarkdown(['waivers', 0, 'rule'], false, 'growth-unplanned');
    assert.match(md ?? '', /\*\*growth-unplanned\*\* \(info by default\)/);
    assert.match(md ?? '', /traffic/);
  });
  it('shows nothing for an unknown key', () => {
    assert.equal(hoverMarkdown(['business', 'nonsense'], true, 'nonsense'), undefined);
  });
});
