/**
 * review() as a whole: rules run over one parse, waivers applied and reported, severities
 * set or turned off, the "Waive <rule> here" fix added, findings sorted, and YAML syntax
 * errors reported alone.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, review, reviewBytes, RULE_IDS, RULES, todayUtc } from '../../src/engine';
import type { Finding } from '../../src/engine';
import { design } from './support/design';
import { checkWaiveFix, reviewAt, TODAY, waiveFix } from './support/fixes';

/** A draft with many gaps: no requirements, lifecycle or stakeholders, loose links. */
const DRAFT = design({
  name: 'routing',
  business: {
    objectives: [
      { id: 'faster-routing', metric: 'median time to route' },
      { id: 'fewer-bounces', metric: 'bounces per request', target: '< 0.1' },
    ],
  },
  framing: [{
    id: 'classifier',
    serves: ['faster-routing', 'fast-routing'],
    task: 'binary-classification',
    inputs: 'Request text.',
    classes: ['accounting', 'inventory', 'hr'],
    metrics: [{ name: 'accuracy' }],
  }],
});

function isSorted(findings: readonly Finding[]): boolean {
  return findings.every((f, i) => i === 0 || (findings[i - 1].range.start.line < f.range.start.line
    || (findings[i - 1].range.start.line === f.range.start.line && findings[i - 1].range.start.character <= f.range.start.character)));
}

describe('review()', () => {
  it('runs every rule on one text and sorts findings by position', () => {
    const { findings } = reviewAt(DRAFT);
    assert.ok(isSorted(findings), findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.rule}`).join('\n'));
    const mine = findings.filter((f) => f.path[0] === 'business' || f.path[0] === 'framing').map((f) => `${f.range.start.line} ${f.rule} ${f.target}`);
    assert.deepEqual(mine, [
      '6 unframed-objective business.objectives.fewer-bounces',
      '4 unmeasured-objective business.objectives.faster-routing',
      '10 incomplete-framing framing.classifier',
      '10 no-baseline framing.classifier.baseline',
      '11 unknown-reference framing.classifier.serves.1',
      '14 task-mismatch framing.classifier.classes',
      '16 unlinked-metric framing.classifier.metrics.0',
    ].sort((a, b) => parseInt(a, 10) - parseInt(b, 10)));
  });

  it('sorts findings at one position by rule id, in the same order as the locale would', () => {
    // The sort compares ids as plain strings: the same order as localeCompare for ids of
    // lowercase ASCII letters, digits and hyphens.
    for (const id of RULE_IDS) assert.match(id, /^[a-z][a-z0-9-]*$/);
    assert.deepEqual([...RULE_IDS].sort(), [...RULE_IDS].sort((a, b) => a.localeCompare(b)));
  });

  it('sets default severities from the rules', () => {
    for (const f of reviewAt(DRAFT).findings) {
      assert.equal(f.severity, RULES.find((r) => r.id === f.rule)?.severity, f.rule);
    }
  });

  it('applies severity overrides, and drops rules turned off', () => {
    const result = review(DRAFT, { today: TODAY, rules: { 'unlinked-metric': 'error', 'task-mismatch': 'off' } });
    assert.deepEqual(result.findings.filter((f) => f.rule === 'unlinked-metric').map((f) => f.severity), ['error']);
    assert.ok(!result.findings.some((f) => f.rule === 'task-mismatch'));
    assert.ok(!result.waived.some((f) => f.rule === 'task-mismatch'));
    assert.equal(result.lifecycle.counts.error, result.findings.filter((f) => f.severity === 'error').length);
  });

  it('moves waived findings to `waived`, with their waiver index, and out of the counts', () => {
    const text = `${DRAFT}waivers:
  - rule: task-mismatch
    target: framing.classifier
    reason: architecture-constraints
  - rule: unlinked-metric
    reason: other
`;
    const before = reviewAt(DRAFT);
    const result = reviewAt(text);
    assert.deepEqual(result.waived.map((w) => [w.rule, w.target, w.waiver, w.severity]), [
      ['task-mismatch', 'framing.classifier.classes', 0, 'warning'],
      ['unlinked-metric', 'framing.classifier.metrics.0', 1, 'warning'],
    ]);
    assert.deepEqual(
      result.findings.map((f) => `${f.rule} ${f.target}`),
      before.findings.filter((f) => f.rule !== 'task-mismatch' && f.rule !== 'unlinked-metric').map((f) => `${f.rule} ${f.target}`),
    );
    assert.equal(result.lifecycle.counts.warning, before.lifecycle.counts.warning - 2);
  });

  it('gives every finding a "Waive <rule> here" fix that silences exactly that finding', () => {
    const { findings } = reviewAt(DRAFT);
    assert.ok(findings.length >= 6);
    for (const f of findings) {
      const waive = waiveFix(f);
      assert.equal(waive.title, `Waive ${f.rule} here`, `${f.rule} at ${f.target}`);
      assert.equal(waive.isPreferred, undefined, 'fix-all must never waive');
      const after = checkWaiveFix(DRAFT, f);
      assert.ok(after.endsWith(`waivers:\n  - rule: ${f.rule}\n${f.target ? `    target: ${f.target}\n` : ''}    reason: other\n`), after);
    }
  });

  it('names a list item by index in targets when its id is shared or has a dot', () => {
    const text = DRAFT.replace('    - id: fewer-bounces\n', '    - id: faster-routing\n').replace('  - id: classifier', '  - id: v1.5');
    const findings = reviewAt(text).findings;
    const targets = findings.filter((f) => ['unmeasured-objective', 'duplicate-id', 'incomplete-framing'].includes(f.rule)).map((f) => `${f.rule} ${f.target}`);
    assert.deepEqual(targets, ['unmeasured-objective business.objectives.0', 'duplicate-id business.objectives.1.id', 'incomplete-framing framing.0']);
    for (const f of findings) checkWaiveFix(text, f);
  });

  it('appends the waive fix to an existing waivers list', () => {
    const text = `${DRAFT}waivers:\n  - rule: task-mismatch\n    reason: other\n`;
    const f = reviewAt(text).findings.find((x) => x.rule === 'unlinked-metric')!;
    const fixed = checkWaiveFix(text, f);
    assert.equal(fixed, `${text}  - rule: unlinked-metric\n    target: framing.classifier.metrics.0\n    reason: other\n`);
  });

  it('reports only yaml-syntax while the text is not valid YAML', () => {
    const broken = DRAFT.replace('    inputs: Request text.', '    inputs: [Request text.');
    const result = reviewAt(broken);
    assert.ok(result.findings.length > 0);
    assert.deepEqual([...new Set(result.findings.map((f) => f.rule))], ['yaml-syntax']);
    assert.ok(result.findings.every((f) => f.severity === 'error' && f.fixes.length === 0));
    assert.equal(result.design, undefined);
    assert.deepEqual(result.waived, []);
  });

  it('reports the first error of a cascade, on the line at fault: one tab, one finding', () => {
    const text = 'mlsystem: 1\nname: x\nbusiness:\n  objectives:\n\t- id: a\n    metric: m\n';
    assert.deepEqual(reviewAt(text).findings.map((f) => [f.rule, f.range.start.line, f.message]), [['yaml-syntax', 4, 'Tabs are not allowed as indentation']]);
  });

  it('tells a design author that a file holds one document, at the second one', () => {
    const found = reviewAt('mlsystem: 1\nname: x\n---\nname: y\n').findings;
    assert.deepEqual(found.map((f) => [f.rule, f.range.start.line]), [['yaml-syntax', 2]]);
    assert.match(found[0].message, /^A design file holds one YAML document: this `---` starts a second one\./);
    assert.doesNotMatch(found[0].message, /parseAllDocuments/);
  });

  it('reports nothing else for input too deep to read', () => {
    const deep = `mlsystem: 1\nname: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    assert.deepEqual(reviewAt(deep).findings.map((f) => f.rule), ['yaml-syntax']);
  });

  it('returns the design as plain data when it can be read', () => {
    const design = reviewAt(DRAFT).design as { name: string };
    assert.equal(design.name, 'routing');
  });

  it("uses today's UTC date when none is given", () => {
    const text = `${DRAFT}waivers:\n  - rule: task-mismatch\n    reason: other\n    expires: ${todayUtc()}\n`;
    assert.deepEqual(review(text).findings.filter((f) => f.rule === 'expired-waiver'), []);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    assert.equal(review(text.replace(todayUtc(), yesterday)).findings.filter((f) => f.rule === 'expired-waiver').length, 1);
  });

  it('never edits outside the fixes it offers: applying a fix keeps the text above it', () => {
    for (const f of reviewAt(DRAFT).findings) {
      for (const fix of f.fixes) {
        const start = Math.min(...fix.edits.map((e) => e.range.start.line));
        const fixed = applyEdits(DRAFT, fix.edits);
        assert.deepEqual(fixed.split('\n').slice(0, start), DRAFT.split('\n').slice(0, start), fix.title);
      }
    }
  });
});

describe('one finding per problem: a value the schema reports as wrong', () => {
  const HEAD = design({ business: { objectives: [{ id: 'faster', statement: 's', metric: 'm', target: 't' }] } });
  const rulesAt = (text: string, target: string): string[] => reviewAt(text).findings.filter((f) => f.target.startsWith(target)).map((f) => f.rule);

  it('gets no other finding on it or under it', () => {
    // `moves` takes one id, not a list; a waiver's rule is a rule id, not a number.
    const moves = `${HEAD}framing:\n  - id: f\n    serves: faster\n    metrics:\n      - {name: acc, moves: [nowhere]}\n`;
    assert.deepEqual(rulesAt(moves, 'framing.f.metrics.0.moves'), ['schema']);
    const rule = `${HEAD}waivers:\n  - {rule: 7, reason: other}\n`;
    assert.deepEqual(rulesAt(rule, 'waivers.0.rule'), ['schema']);
  });

  it('is no answer another rule reads', () => {
    // A `serves` the schema rejects names no objective yet: the objective is not called unframed.
    const text = `${HEAD}framing:\n  - id: f\n    serves: [{id: faster}]\n`;
    const rules = reviewAt(text).findings.map((f) => f.rule);
    assert.ok(rules.includes('schema'));
    assert.ok(!rules.includes('unframed-objective'));
  });

  it('a team\'s check on such a value stays quiet too', () => {
    const text = `${HEAD}lifecycle:\n  scoping: {status: finished}\n`;
    const checks = [{ id: 'team/status' as const, severity: 'warning' as const, given: 'lifecycle.scoping.status', enum: ['done'] }];
    assert.deepEqual(review(text, { today: TODAY, checks }).findings.filter((f) => f.target === 'lifecycle.scoping.status').map((f) => f.rule), ['schema']);
  });
});

describe('reviewBytes', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  const CLEAN = 'mlsystem: 1\nname: x\n';

  it('reviews UTF-8 bytes as their text', () => {
    const reviewed = reviewBytes(utf8(CLEAN), { today: TODAY });
    assert.equal(reviewed.kind, 'text');
    assert.deepEqual(reviewed.kind === 'text' && reviewed.result.findings, review(CLEAN, { today: TODAY }).findings);
  });

  it('gives bytes that are not UTF-8 one unwaivable yaml-syntax error at the first bad byte', () => {
    const bytes = new Uint8Array([...utf8('mlsystem: 1\nname: x'), 0xff, ...utf8('\n')]);
    const reviewed = reviewBytes(bytes, { today: TODAY });
    assert.equal(reviewed.kind, 'invalid-utf8');
    const findings = reviewed.kind === 'invalid-utf8' ? reviewed.result.findings : [];
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.range, f.fixes]), [
      ['yaml-syntax', 'error', { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } }, []],
    ]);
    assert.match(findings[0].message, /not valid UTF-8/);
  });

  it('follows the yaml-syntax setting for bytes that are not UTF-8', () => {
    const reviewed = reviewBytes(new Uint8Array([0xff]), { today: TODAY, rules: { 'yaml-syntax': 'off' } });
    assert.deepEqual(reviewed.kind === 'invalid-utf8' && reviewed.result.findings, []);
  });
});
