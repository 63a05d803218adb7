/**
 * A team's own checks: each kind, `where`, `[*]` and `[id]` paths, where findings are
 * placed, waivers of checks, and that a pattern cannot hang the review.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { compilePattern, patternProblem, review, validateConfig } from '../../src/engine';
import type { Check, Finding } from '../../src/engine';

const TODAY = '2026-11-26';

const DESIGN = `mlsystem: 1
name: credit-scoring
business:
  objectives:
    - id: fewer-defaults
      statement: Reduce loan defaults.
      metric: default rate
      target: 2%
framing:
  - id: default-risk
    serves: [fewer-defaults]
    task: binary-classification
    inputs: Application data.
    outputs: Probability of default.
    objective: Log loss.
    classes: [repaid, defaulted]
    metrics:
      - name: AUC
        moves: fewer-defaults
      - name: recall@5%
        moves: fewer-defaults
    x-explainability: TODO
  - id: limit-forecast
    serves: fewer-defaults
    task: regression
    inputs: History.
    outputs: A limit.
    objective: MSE.
`;

/** Checks as a configuration file defines them, validated as one. */
function checks(defs: Record<string, unknown>): Check[] {
  const { config, problems } = validateConfig({ checks: defs }, 'test.yaml');
  assert.deepEqual(problems.map((p) => p.message), []);
  return Object.entries(config.checks ?? {}).map(([id, def]) => ({ id, ...def }) as Check);
}

function run(defs: Record<string, unknown>, text = DESIGN, rules: Record<string, string> = {}): Finding[] {
  const list = checks(defs);
  return review(text, { checks: list, today: TODAY, rules: rules as never }).findings.filter((f) => f.rule.includes('/'));
}

const at = (f: Finding): string => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.target}`;
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

describe('checks: kinds', () => {
  it('require: a missing key on the list item that should hold it, a placeholder on its value', () => {
    const found = run({ 'acme/fairness': { given: 'framing[*]', require: ['x-fairness', 'x-explainability'], message: 'A credit decision needs a fairness metric.' } });
    assert.deepEqual(found.map(at), [
      `acme/fairness ${lineOf(DESIGN, '- id: default-risk')}:4 framing.default-risk.x-fairness`,
      `acme/fairness ${lineOf(DESIGN, 'x-explainability')}:22 framing.default-risk.x-explainability`,
      `acme/fairness ${lineOf(DESIGN, '- id: limit-forecast')}:4 framing.limit-forecast.x-fairness`,
      `acme/fairness ${lineOf(DESIGN, '- id: limit-forecast')}:4 framing.limit-forecast.x-explainability`,
    ]);
    assert.match(found[0].message, /^A credit decision needs a fairness metric\. `x-fairness` is missing in `framing.default-risk`\.$/);
    assert.equal(found[0].severity, 'warning', 'default severity');
  });

  it('require at the root: on the document\'s first key', () => {
    const found = run({ 'acme/owners': { require: ['owners'] } });
    assert.deepEqual(found.map(at), ['acme/owners 0:0 owners']);
  });

  it('forbid: on the key that must not be there', () => {
    const found = run({ 'acme/no-classes': { given: 'framing[*]', forbid: ['classes'], severity: 'error' } });
    assert.deepEqual(found.map(at), [`acme/no-classes ${lineOf(DESIGN, 'classes:')}:4 framing.default-risk.classes`]);
    assert.equal(found[0].severity, 'error');
  });

  it('answered: missing (on the parent), present but a placeholder (on the value)', () => {
    const found = run({ 'acme/explained': { given: 'framing[*].x-explainability', answered: true } });
    assert.deepEqual(found.map(at), [
      `acme/explained ${lineOf(DESIGN, 'x-explainability')}:22 framing.default-risk.x-explainability`,
      `acme/explained ${lineOf(DESIGN, '- id: limit-forecast')}:4 framing.limit-forecast.x-explainability`,
    ]);
    assert.match(found[0].message, /not answered/);
    assert.match(found[1].message, /missing/);
  });

  it('pattern: on the value that does not match', () => {
    const found = run({ 'acme/metric-names': { given: 'framing[*].metrics[*].name', pattern: '^[a-z0-9 @%._-]+$' } });
    assert.deepEqual(found.map(at), [`acme/metric-names ${lineOf(DESIGN, 'name: AUC')}:14 framing.default-risk.metrics.0.name`]);
    assert.match(found[0].message, /`AUC` in `framing.default-risk.metrics.0.name` does not match the pattern/);
  });

  it('pattern: a long value is quoted in part, so the message stays one short line', () => {
    const long = 'A'.repeat(50_000);
    const found = run({ 'acme/p': { given: 'name', pattern: '^[a-z]+$' } }, `mlsystem: 1\nname: ${long}\n`);
    assert.equal(found.length, 1);
    assert.ok(found[0].message.length < 200, `${found[0].message.length} characters`);
    assert.match(found[0].message, /^`A{57}\.\.\.` in `name` does not match/);
  });

  it('enum: on the value that is not allowed', () => {
    const found = run({ 'acme/tasks': { given: 'framing[*].task', enum: ['binary-classification', 'multiclass-classification'] } });
    assert.deepEqual(found.map(at), [`acme/tasks ${lineOf(DESIGN, 'task: regression')}:10 framing.limit-forecast.task`]);
  });

  it('min_items and max_items: on the list\'s key; a single id counts as one item', () => {
    const found = run({
      'acme/two-metrics': { given: 'framing[*].metrics', min_items: 2, max_items: 2 },
      'acme/one-objective': { given: 'framing[*].serves', max_items: 0 },
    });
    assert.deepEqual(found.map(at), [
      `acme/one-objective ${lineOf(DESIGN, 'serves: [fewer')}:4 framing.default-risk.serves`,
      `acme/one-objective ${lineOf(DESIGN, 'serves: fewer')}:4 framing.limit-forecast.serves`,
    ]);
    assert.deepEqual(run({ 'acme/three': { given: 'framing[*].metrics', min_items: 3 } }).map((f) => f.message), ['`framing.default-risk.metrics` has 2 items; at least 3 expected.']);
  });

  it('max_length: on the value, counted in characters', () => {
    const found = run({ 'acme/short': { given: 'business.objectives[*].statement', max_length: 10 } });
    assert.deepEqual(found.map(at), [`acme/short ${lineOf(DESIGN, 'statement:')}:17 business.objectives.fewer-defaults.statement`]);
  });

  it('a given that matches nothing is no finding', () => {
    assert.deepEqual(run({ 'acme/nothing': { given: 'data.sources[*]', require: ['owner'] } }), []);
  });
});

describe('checks: paths and where', () => {
  it('[id] selects the item with that id; [0] by index', () => {
    assert.deepEqual(run({ 'acme/x': { given: 'framing[limit-forecast]', require: ['baseline'] } }).map((f) => f.target), ['framing.limit-forecast.baseline']);
    assert.deepEqual(run({ 'acme/x': { given: 'framing[0]', require: ['baseline'] } }).map((f) => f.target), ['framing.default-risk.baseline']);
  });

  it('where: a field equal to a value, or one of a list; $. for the document root', () => {
    assert.deepEqual(run({ 'acme/x': { given: 'framing[*]', where: { task: 'binary-classification' }, require: ['x-fairness'] } }).map((f) => f.target), ['framing.default-risk.x-fairness']);
    assert.deepEqual(run({ 'acme/x': { given: 'framing[*]', where: { task: ['regression', 'ranking'] }, require: ['x-fairness'] } }).map((f) => f.target), ['framing.limit-forecast.x-fairness']);
    assert.deepEqual(run({ 'acme/x': { given: 'framing[*]', where: { '$.name': 'other' }, require: ['x-fairness'] } }), []);
    // Any item of a list may satisfy the condition.
    assert.deepEqual(run({ 'acme/x': { given: 'framing[*]', where: { 'metrics[*].name': 'AUC' }, require: ['x-fairness'] } }).map((f) => f.target), ['framing.default-risk.x-fairness']);
  });

  it('keys named like Object.prototype members are plain keys', () => {
    assert.deepEqual(run({ 'acme/x': { given: 'framing[*].constructor', answered: true } }).length, 2);
  });
});

describe('checks: like any rule', () => {
  it('configurable by id: off drops it, a level changes it', () => {
    const defs = { 'acme/owners': { require: ['owners'] } };
    assert.deepEqual(run(defs, DESIGN, { 'acme/owners': 'off' }), []);
    assert.equal(run(defs, DESIGN, { 'acme/owners': 'info' })[0].severity, 'info');
  });

  it('waivable in the document; a waiver naming an undefined check is unknown-reference', () => {
    const waived = `${DESIGN}waivers:\n  - rule: acme/fairness\n    target: framing.limit-forecast\n    reason: out-of-scope\n  - rule: acme/undefined\n    reason: other\n`;
    const result = review(waived, { checks: checks({ 'acme/fairness': { given: 'framing[*]', require: ['x-fairness'], docs: 'https://wiki.example/fairness' } }), today: TODAY });
    assert.deepEqual(result.findings.filter((f) => f.rule === 'acme/fairness').map((f) => f.target), ['framing.default-risk.x-fairness']);
    assert.deepEqual(result.waived.map((f) => [f.rule, f.target]), [['acme/fairness', 'framing.limit-forecast.x-fairness']]);
    const unknown = result.findings.filter((f) => f.rule === 'unknown-reference');
    assert.deepEqual(unknown.map((f) => f.target), ['waivers.1.rule']);
    assert.match(unknown[0].message, /names the check `acme\/undefined`, which no configuration defines/);
    assert.equal(result.findings.find((f) => f.rule === 'acme/fairness')?.docs, 'https://wiki.example/fairness');
    // The finding offers the waive fix as every waivable finding does.
    assert.ok(result.findings.find((f) => f.rule === 'acme/fairness')?.fixes.some((f) => f.kind === 'waive'));
  });

  it('counted in the lifecycle model the preview draws', () => {
    const result = review(DESIGN, { checks: checks({ 'acme/owners': { require: ['owners'], severity: 'error' } }), today: TODAY });
    const without = review(DESIGN, { today: TODAY });
    assert.equal(result.lifecycle.counts.error, without.lifecycle.counts.error + 1);
  });
});

describe('checks: safe by construction', () => {
  it('patterns are matched in linear time, as RegExp would match them', () => {
    for (const [pattern, subject, expected] of [['^[a-z]+$', 'abc', true], ['^[a-z]+$', 'aBc', false], ['colou?r', 'my color', true], ['^(ab|cd){2}$', 'abcd', true], ['^\\d{2,3}$', '1234', false], ['[^x]', 'xxx', false]] as const) {
      assert.equal(compilePattern(pattern).test(subject), expected, `${pattern} on ${subject}`);
      assert.equal(new RegExp(pattern).test(subject), expected);
    }
    // Exponential for a backtracking engine; one pass here.
    assert.equal(compilePattern('^(a+)+$').test(`${'a'.repeat(50_000)}b`), false);
  });

  it('refuses what needs backtracking, with the reason', () => {
    assert.match(patternProblem('(a)\\1') ?? '', /backreference/);
    assert.match(patternProblem('(?=a)b') ?? '', /lookahead or lookbehind/);
    assert.match(patternProblem('a{1,99999}') ?? '', /too large/);
    const { problems } = validateConfig({ checks: { 'acme/x': { given: 'name', pattern: '(?<=a)b' } } }, '.mlsystem-review.yaml');
    assert.deepEqual(problems.map((p) => `${p.file}: ${p.message}`), ['.mlsystem-review.yaml: check "acme/x": the pattern "(?<=a)b" uses a lookahead or lookbehind ("(?=", "(?!", "(?<=", "(?<!"), which cannot be matched in linear time']);
  });
});

describe('checks: the examples in docs/configuration.md', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');
  const kinds = page.slice(page.indexOf('\n## Check kinds')).split('\n## ')[1].split('\n### ').slice(1);
  it('show every check kind', () => {
    assert.deepEqual(kinds.map((k) => k.split('\n')[0]), ['`require`', '`forbid`', '`answered`', '`pattern`', '`enum`', '`min_items` and `max_items`', '`max_length`']);
  });
  for (const section of kinds) {
    it(`${section.split('\n')[0]}: the check reports the bad example and not the good one`, () => {
      const [check, bad, good] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
      const { config, problems } = validateConfig(parseYaml(check), 'docs');
      assert.deepEqual(problems, []);
      const list = Object.entries(config.checks ?? {}).map(([id, def]) => ({ id, ...def }) as Check);
      const ofCheck = (text: string): Finding[] => review(text, { checks: list, today: TODAY }).findings.filter((f) => f.rule === list[0].id);
      assert.equal(ofCheck(bad).length, 1, bad);
      assert.deepEqual(ofCheck(good), [], good);
    });
  }
});
