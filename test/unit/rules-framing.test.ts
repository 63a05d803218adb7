/**
 * The rules that tie business objectives to ML framings: unframed-objective,
 * incomplete-framing, unknown-reference (serves, moves), duplicate-id, unlinked-metric,
 * unmeasured-objective, task-mismatch.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../src/engine';
import { design, LINKED as LINKED_DESIGN } from './support/design';
import { applyFix, checkWaiveFix, findingsOf, fixOfKind, only, reviewAt } from './support/fixes';

const MY_RULES: readonly string[] = [
  'unframed-objective', 'incomplete-framing', 'unknown-reference', 'duplicate-id', 'unlinked-metric',
  'unmeasured-objective', 'task-mismatch', 'expired-waiver', 'unused-waiver',
];

/** A small design whose objectives, framing and metrics are all linked. */
const LINKED = design({}, LINKED_DESIGN);

function mine(text: string): string[] {
  return reviewAt(text).findings.filter((f) => MY_RULES.includes(f.rule)).map((f) => `${f.rule} ${f.target}`);
}

function lines(text: string): string[] {
  return text.split('\n');
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('objective and framing rules stay quiet', () => {
  it('on the format example (docs/format.md), apart from its waiver that silences nothing', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'format-example.mlsystem.yaml'), 'utf8');
    // docs/format.md says the example's waiver silences nothing; unused-waiver reports exactly that.
    assert.deepEqual(mine(text), ['unused-waiver waivers.0']);
  });

  it('on a linked design', () => {
    assert.deepEqual(mine(LINKED), []);
  });

  it('when serves is a single id instead of a list', () => {
    assert.deepEqual(mine(LINKED.replace('serves: [faster-routing]', 'serves: faster-routing')), []);
  });
});

describe('unframed-objective', () => {
  const text = LINKED.replace('      target: 2h\n', `      target: 2h
    - id: fewer-bounces
      statement: Fewer requests bounce between departments.
      metric: bounces per request
      target: "< 0.1"
`);

  it('fires on the first line of an objective no framing serves', () => {
    const f = only(text, 'unframed-objective');
    assert.deepEqual(f.range, range(8, 6, 8, 23));
    assert.deepEqual(f.path, ['business', 'objectives', 1]);
    assert.equal(f.target, 'business.objectives.fewer-bounces');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /`fewer-bounces` is served by no framing/);
  });

  it('counts an objective served through a single-id serves', () => {
    const served = text.replace('serves: [faster-routing]', 'serves: fewer-bounces');
    assert.deepEqual(findingsOf(served, 'unframed-objective').map((f) => f.target), ['business.objectives.faster-routing']);
  });

  it('fires for every objective when there is no framing at all', () => {
    const none = text.slice(0, text.indexOf('framing:'));
    assert.deepEqual(findingsOf(none, 'unframed-objective').map((f) => f.target), [
      'business.objectives.faster-routing', 'business.objectives.fewer-bounces',
    ]);
  });

  it('fix appends a complete framing skeleton that serves it, and adds no finding of its own', () => {
    const f = only(text, 'unframed-objective');
    const fixed = applyFix(text, f, fixOfKind(f, 'insert'));
    assert.deepEqual(lines(fixed).slice(0, lines(text).length - 1), lines(text).slice(0, -1));
    const added = lines(fixed).slice(lines(text).length - 1).join('\n');
    assert.match(added, /^ {2}- id: fewer-bounces-model\n {4}serves: \[fewer-bounces\]\n {4}task: other # TODO: choose the task, e.g. binary-classification, regression or ranking\n/);
    assert.match(added, /\n {8}moves: fewer-bounces\n {4}baseline: "TODO: what must the model beat \(rules, a heuristic, the current process\)\?"\n$/);
    assert.deepEqual(mine(fixed), []);
  });

  it('fix creates the framing section when there is none', () => {
    const none = text.slice(0, text.indexOf('framing:'));
    const f = findingsOf(none, 'unframed-objective')[0];
    const fixed = applyFix(none, f, f.fixes[0]);
    assert.ok(fixed.startsWith(none));
    assert.match(fixed.slice(none.length), /^framing:\n {2}- id: faster-routing-model\n/);
  });

  it('fix appends to a flow list on one line, without a comment that would break it', () => {
    const flow = `${text.slice(0, text.indexOf('framing:'))}framing: []\n`;
    const f = findingsOf(flow, 'unframed-objective')[0];
    const fixed = applyFix(flow, f, f.fixes[0]);
    assert.match(fixed, /\nframing: \[\{ ?id: faster-routing-model, serves: \[ ?faster-routing ?\], task: other, .*moves: faster-routing ?\} ?\], baseline: "TODO: [^"]*" ?\}\]\n$/);
  });

  it('fix writes `serves` in the document\'s own flow style, and its comment stays short', () => {
    const padded = text.replace(/serves: \[([^\]]*)\]/, 'serves: [ $1 ]');
    assert.notEqual(padded, text);
    const f = only(padded, 'unframed-objective');
    const added = applyFix(padded, f, fixOfKind(f, 'insert')).slice(padded.length - 1);
    assert.match(added, /\n {4}serves: \[ fewer-bounces \]\n/);
    for (const comment of added.match(/#.*$/gm) ?? []) assert.ok(comment.length < 100, comment);
  });

  it('picks a framing id that is not taken', () => {
    const taken = text.replace('  - id: classifier', '  - id: fewer-bounces-model');
    const f = only(taken, 'unframed-objective');
    assert.match(applyEdits(taken, f.fixes[0].edits), /- id: fewer-bounces-model-2\n/);
  });

  it('waive fix silences it', () => {
    checkWaiveFix(text, only(text, 'unframed-objective'));
  });
});

describe('incomplete-framing', () => {
  it('fires on the framing item when inputs, outputs or objective is missing', () => {
    const text = LINKED.replace('    inputs: Request text.\n', '').replace('    objective: Cross-entropy.\n', '');
    const f = only(text, 'incomplete-framing');
    assert.deepEqual(f.range, range(9, 4, 9, 18));
    assert.deepEqual(f.path, ['framing', 0]);
    assert.equal(f.target, 'framing.classifier');
    assert.match(f.message, /Framing `classifier` lacks `inputs` and `objective`/);
  });

  it('counts an objective mapping without a function as missing, and the fix adds the function', () => {
    const text = LINKED.replace('    objective: Cross-entropy.', '    objective: {description: Learn the department from the text.}');
    const f = only(text, 'incomplete-framing');
    assert.match(f.message, /lacks `objective`/);
    const fixed = applyFix(text, f, fixOfKind(f, 'insert'));
    assert.match(fixed, /objective: \{description: Learn the department from the text\., function: "TODO: /);
    assert.deepEqual(findingsOf(LINKED.replace('    objective: Cross-entropy.', '    objective: {function: cross-entropy}'), 'incomplete-framing'), []);
  });

  it('treats an empty value as missing', () => {
    const text = LINKED.replace('    outputs: A department.', '    outputs: ""');
    assert.match(only(text, 'incomplete-framing').message, /lacks `outputs`/);
  });

  it('fires when the task is missing, and the fix infers it from three classes', () => {
    const text = LINKED.replace('    task: multiclass-classification\n', '');
    const f = only(text, 'incomplete-framing');
    assert.match(f.message, /lacks `task`/);
    const fixed = applyFix(text, f, fixOfKind(f, 'insert', 'task'));
    assert.match(fixed, /\n {4}task: multiclass-classification\n/);
    assert.deepEqual(mine(fixed), []);
  });

  it('without classes, the fix writes `task: other` with a TODO listing the tasks', () => {
    const text = LINKED.replace('    task: multiclass-classification\n', '').replace('    classes: [accounting, inventory, hr]\n', '');
    const f = only(text, 'incomplete-framing');
    const fixed = applyFix(text, f, f.fixes[0]);
    assert.match(fixed, /\n {4}task: other # TODO: choose the task, e\.g\. binary-classification, regression or ranking\n/);
  });

  it('fix adds the keys inside a framing written as a flow mapping', () => {
    const text = LINKED.replace(/ {2}- id: classifier\n[\s\S]*$/, '  - {id: classifier, serves: faster-routing, inputs: x, outputs: y, objective: z}\n');
    const f = only(text, 'incomplete-framing');
    const fixed = applyFix(text, f, f.fixes[0]);
    assert.match(fixed, /\n {2}- \{id: classifier, serves: faster-routing, inputs: x, outputs: y, objective: z, task: other ?\}\n$/);
  });

  it('fix inserts the missing keys where the format puts them and fills an empty one in place', () => {
    const text = LINKED.replace('    inputs: Request text.\n', '').replace('    outputs: A department.', '    outputs:');
    const f = only(text, 'incomplete-framing');
    const fixed = applyFix(text, f, f.fixes[0]);
    const result = reviewAt(fixed);
    // `inputs` goes after `task`, beside `outputs`: not after `metrics`, at the framing's end.
    assert.match(fixed, /\n {4}task: multiclass-classification\n {4}inputs: "TODO: what does the model read at prediction time\?"\n {4}outputs: "TODO: what does the model predict\?"\n/);
    assert.match(fixed, /\n {8}moves: faster-routing\n$/);
    assert.equal(result.findings.filter((x) => x.rule === 'incomplete-framing').length, 0);
  });

  it('fix inserts each missing key in its own place, in the format\'s order within the framing', () => {
    const text = design({ framing: [{ id: 'f', serves: ['faster'], inputs: 'Text.', metrics: [{ name: 'acc', moves: 'faster' }], alternatives: ['rules'] }] });
    const fixed = applyFix(text, only(text, 'incomplete-framing'));
    const keys = fixed.split('\n').filter((l) => /^ {4}[a-z_]+:/.test(l) || /^ {2}- id:/.test(l)).map((l) => l.trim().split(':')[0]);
    assert.deepEqual(keys, ['- id', 'serves', 'task', 'inputs', 'outputs', 'objective', 'metrics', 'alternatives']);
    assert.match(fixed, /\n {4}task: other # TODO: choose the task/);
  });

  it('waive fix silences it', () => {
    const text = LINKED.replace('    inputs: Request text.\n', '');
    checkWaiveFix(text, only(text, 'incomplete-framing'));
  });
});

describe('unknown-reference in serves and moves', () => {
  it('fires on a serves list item naming no objective, with a fix to the close id', () => {
    const text = LINKED.replace('serves: [faster-routing]', 'serves: [faster-routing, fast-routing]');
    const f = only(text, 'unknown-reference');
    assert.deepEqual(f.range, range(10, 29, 10, 41));
    assert.deepEqual(f.path, ['framing', 0, 'serves', 1]);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'Framing `classifier` serves unknown objective `fast-routing`: use an existing id.');
    assert.match(f.help, /The objectives are `faster-routing`/);
    const fix = fixOfKind(f, 'replace');
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(text, f, fix);
    assert.match(fixed, /serves: \[faster-routing, faster-routing\]/);
  });

  it('fires on a single-id serves', () => {
    const text = LINKED.replace('serves: [faster-routing]', 'serves: faster-routin');
    const f = only(text, 'unknown-reference');
    assert.deepEqual(f.path, ['framing', 0, 'serves']);
    assert.deepEqual(f.range, range(10, 12, 10, 25));
    assert.match(applyFix(text, f, fixOfKind(f, 'replace')), /serves: faster-routing\n/);
  });

  it('fires on a metric moves naming no objective', () => {
    const text = LINKED.replace('moves: faster-routing', 'moves: routing-speed');
    const f = only(text, 'unknown-reference');
    assert.deepEqual(f.range, range(19, 15, 19, 28));
    assert.deepEqual(f.path, ['framing', 0, 'metrics', 0, 'moves']);
    assert.match(f.message, /ML metric `accuracy` moves unknown objective `routing-speed`/);
    // Nothing is close, but with few objectives all of them are offered.
    assert.deepEqual(f.fixes.map((x) => x.title), ['Replace with `faster-routing`', 'Waive unknown-reference here']);
  });

  it('offers no replacement when many ids exist and none is close', () => {
    const many = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6']
      .map((id) => `    - id: ${id}\n      metric: m\n      target: t\n`).join('');
    const text = LINKED.replace('  objectives:\n', `  objectives:\n${many}`).replace('moves: faster-routing', 'moves: zzzzzz');
    const f = only(text, 'unknown-reference');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Waive unknown-reference here']);
  });

  it('waive fix silences it', () => {
    const text = LINKED.replace('moves: faster-routing', 'moves: routing-speed');
    checkWaiveFix(text, only(text, 'unknown-reference'));
  });
});

describe('duplicate-id', () => {
  const text = LINKED + `  - id: classifier
    serves: faster-routing
    task: binary-classification
    inputs: x
    outputs: y
    objective: z
`;

  it('fires on the second framing with the same id, pointing to the first', () => {
    const f = only(text, 'duplicate-id');
    assert.deepEqual(f.range, range(20, 8, 20, 18));
    assert.deepEqual(f.path, ['framing', 1, 'id']);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /Another framing already has the id `classifier`/);
    assert.deepEqual(f.related?.map((r) => r.range), [range(9, 8, 9, 18)]);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Waive duplicate-id here']);
  });

  it('fires on every later objective sharing an id, and not across objectives and framings', () => {
    const objective = '    - id: faster-routing\n      metric: m\n      target: t\n';
    const dup = LINKED.replace('framing:\n', `${objective}${objective}framing:\n`).replace('  - id: classifier', '  - id: faster-routing');
    assert.deepEqual(findingsOf(dup, 'duplicate-id').map((f) => `${f.range.start.line} ${f.target}`), [
      '8 business.objectives.1.id', '11 business.objectives.2.id',
    ]);
  });

  it('waive fix silences the second one only', () => {
    checkWaiveFix(text, only(text, 'duplicate-id'));
  });
});

describe('unlinked-metric', () => {
  const text = LINKED.replace('        moves: faster-routing\n', '').replace('      target: 2h\n', '      target: 2h\n    - id: happier\n      metric: CSAT\n      target: "4.5"\n');

  it('fires on the metric item with no moves, one fix per objective', () => {
    const f = only(text, 'unlinked-metric');
    assert.deepEqual(f.range, range(20, 8, 20, 22));
    assert.deepEqual(f.path, ['framing', 0, 'metrics', 0]);
    assert.match(f.message, /ML metric `accuracy` does not say which business objective it moves/);
    assert.deepEqual(f.fixes.map((x) => [x.title, x.isPreferred]), [
      ['Add `moves: faster-routing`', true],
      ['Add `moves: happier`', false],
      ['Waive unlinked-metric here', undefined],
    ]);
  });

  it('each fix links the metric', () => {
    const f = only(text, 'unlinked-metric');
    for (const id of ['faster-routing', 'happier']) {
      const fixed = applyFix(text, f, fixOfKind(f, 'insert', id));
      assert.match(fixed, new RegExp(`        target: ">= 0.9"\\n        moves: ${id}\\n`));
    }
  });

  it('works on a metric written as a flow mapping', () => {
    const flow = LINKED.replace('      - name: accuracy\n        target: ">= 0.9"\n        moves: faster-routing\n', '      - {name: accuracy}\n');
    const f = only(flow, 'unlinked-metric');
    assert.deepEqual(f.range, range(17, 8, 17, 24));
    const fixed = applyFix(flow, f, f.fixes[0]);
    assert.match(fixed, /- \{name: accuracy, moves: faster-routing ?\}\n/);
  });

  it('waive fix silences it', () => {
    checkWaiveFix(text, only(text, 'unlinked-metric'));
  });
});

describe('unmeasured-objective', () => {
  it('fires on an objective without a target', () => {
    const text = LINKED.replace('      target: 2h\n', '');
    const f = only(text, 'unmeasured-objective');
    assert.deepEqual(f.range, range(4, 6, 4, 24));
    assert.deepEqual(f.path, ['business', 'objectives', 0]);
    assert.match(f.message, /`faster-routing` has no `target`/);
    const fixed = applyFix(text, f, fixOfKind(f, 'insert'));
    assert.match(fixed, /metric: median time to route\n {6}target: "TODO: the value of that metric that means success"\nframing:/);
  });

  it('fires on an objective without metric or target, and fills both', () => {
    const text = LINKED.replace('      metric: median time to route\n      target: 2h\n', '');
    const f = only(text, 'unmeasured-objective');
    assert.match(f.message, /has no `metric` and `target`/);
    const fixed = applyFix(text, f, fixOfKind(f, 'insert'));
    assert.deepEqual(mine(fixed), []);
  });

  it('waive fix silences it', () => {
    const text = LINKED.replace('      target: 2h\n', '');
    checkWaiveFix(text, only(text, 'unmeasured-objective'));
  });
});

describe('task-mismatch', () => {
  const withTask = (task: string, classes: string | undefined): string => {
    let text = LINKED.replace('task: multiclass-classification', `task: ${task}`);
    text = classes === undefined ? text.replace('    classes: [accounting, inventory, hr]\n', '') : text.replace('[accounting, inventory, hr]', classes);
    return text;
  };

  it('fires on the classes of a binary task with three classes', () => {
    const f = only(withTask('binary-classification', '[accounting, inventory, hr]'), 'task-mismatch');
    assert.deepEqual(f.range, range(14, 13, 14, 40));
    assert.deepEqual(f.path, ['framing', 0, 'classes']);
    assert.equal(f.message, 'Framing `classifier` has task `binary-classification` but 3 classes: fix the classes or the task.');
    assert.match(f.help, /binary classification has exactly 2 classes, but 3 classes are listed/);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Waive task-mismatch here']);
  });

  it('fires on a multiclass task with two classes, and on regression or ranking with classes', () => {
    assert.match(only(withTask('multiclass-classification', '[spam, ham]'), 'task-mismatch').help, /at least 3 classes, but 2 classes are listed/);
    assert.match(only(withTask('regression', '[low, high]'), 'task-mismatch').help, /regression model predicts a number/);
    assert.match(only(withTask('ranking', '[a]'), 'task-mismatch').help, /ranking model predicts an order/);
  });

  it('counts a class written twice once: [fraud, fraud] is not a binary task', () => {
    assert.match(only(withTask('binary-classification', '[fraud, fraud]'), 'task-mismatch').help, /exactly 2 classes, but 1 different class is listed \(a class is written more than once\)/);
    assert.match(only(withTask('multiclass-classification', '[a, b, a]'), 'task-mismatch').help, /at least 3 classes, but 2 different classes are listed/);
  });

  it('stays quiet when task and classes agree, or there are no classes', () => {
    assert.deepEqual(findingsOf(withTask('binary-classification', '[spam, ham]'), 'task-mismatch'), []);
    assert.deepEqual(findingsOf(withTask('multiclass-classification', '[a, b, c, d]'), 'task-mismatch'), []);
    assert.deepEqual(findingsOf(withTask('regression', undefined), 'task-mismatch'), []);
    assert.deepEqual(findingsOf(withTask('multilabel-classification', '[a, b]'), 'task-mismatch'), []);
  });

  it('waive fix silences it', () => {
    const text = withTask('binary-classification', '[accounting, inventory, hr]');
    checkWaiveFix(text, only(text, 'task-mismatch'));
  });
});
