/** Fix-all (the engine's) and the single minimal replacement the editor applies for it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, review } from '../../src/engine';
import { minimalReplacement } from '../../src/features/minimal-replacement';

const today = '2026-11-26';
const reviewText = (text: string) => review(text, { today });

describe('fixAll', () => {
  const draft = [
    'mlsystem: 1',
    'name: draft   # keep this comment',
    'business:',
    '  objectives:',
    '    - id: faster',
    '      statement: Faster routing.',
    '      metric: median time to route',
    '      target: 2h',
    'framing:',
    '  - id: router',
    '    serves: [fastr]',
    '    task: multiclass-clasification',
    '    inputs: Request text.',
    '    outputs: A department.',
    '    objective: Cross-entropy.',
    '    metrics:',
    '      - name: accuracy',
    'requirments: {}',
    '',
  ].join('\n');

  it('applies the clear corrections, leaves no preferred fix behind, and keeps the author\'s text', () => {
    const { text, applied } = fixAll(draft, { today });
    assert.equal(applied, 4);
    assert.ok(text.includes('name: draft   # keep this comment'));
    assert.ok(text.includes('serves: [faster]'));
    assert.ok(text.includes('task: multiclass-classification'));
    assert.match(text, /- name: accuracy\n\s+moves: faster\n/);
    assert.ok(text.includes('requirements: {}'));
    const left = reviewText(text).findings;
    assert.deepEqual(left.filter((f) => f.fixes.some((x) => x.isPreferred)).map((f) => f.rule), []);
  });

  it('never fills gaps with placeholders: skeletons are for the author to choose', () => {
    const { text } = fixAll(draft, { today });
    assert.ok(!text.includes('TODO'));
    const rules = new Set(reviewText(text).findings.map((f) => f.rule));
    for (const rule of ['missing-pillar', 'missing-stage', 'no-stakeholders']) assert.ok(rules.has(rule as never), `${rule} is still reported`);
  });

  it('changes nothing in a document with no preferred fix (here: a syntax error)', () => {
    const noFix = 'mlsystem: 1\nname: x\nbusiness:\n  objectives:\n    - id: a\n      target: [\n';
    assert.deepEqual(reviewText(noFix).findings.map((f) => f.rule), ['yaml-syntax']);
    assert.deepEqual(fixAll(noFix, { today }), { text: noFix, applied: 0, rounds: 0 });
  });

  it('stops after the given number of rounds', () => {
    assert.ok(fixAll(draft, { today }, 1).rounds <= 1);
  });
});

describe('fixAll: fixes that clash without overlapping', () => {
  it('never writes a key twice: "Rename to moves" and "Add moves" on one metric', () => {
    const text = [
      'mlsystem: 1',
      'name: x',
      'business:',
      '  objectives:',
      '    - id: a',
      '      metric: m',
      '      target: t',
      'framing:',
      '  - id: f',
      '    serves: [a]',
      '    task: regression',
      '    inputs: x',
      '    outputs: y',
      '    objective: z',
      '    metrics:',
      '      - name: rmse',
      '        mvoes: a',
      '',
    ].join('\n');
    const titles = reviewText(text).findings.flatMap((f) => f.fixes.filter((x) => x.isPreferred).map((x) => x.title));
    assert.ok(titles.includes('Rename to `moves`') && titles.includes('Add `moves: a`'), `both fixes are preferred: ${titles.join(', ')}`);
    const { text: fixed } = fixAll(text, { today });
    assert.deepEqual(reviewText(fixed).findings.filter((f) => f.rule === 'yaml-syntax'), []);
    assert.equal(fixed.match(/moves:/g)?.length, 1, fixed);
  });
});

describe('minimalReplacement', () => {
  it('covers only the changed middle', () => {
    assert.deepEqual(minimalReplacement('a: 1\nb: 2\n', 'a: 1\nx: 9\nb: 2\n'), { start: 5, end: 5, newText: 'x: 9\n' });
    assert.equal(minimalReplacement('same', 'same'), undefined);
  });
});
