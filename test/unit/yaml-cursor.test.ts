/** Where the cursor is, as a data path: what completion and hover start from. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, nodeAt } from '../../src/features/yaml-cursor';

/** `|` marks the cursor. */
function at(textWithCursor: string): ReturnType<typeof cursorContext> {
  const offset = textWithCursor.indexOf('|');
  return cursorContext(textWithCursor.replace('|', ''), offset);
}

describe('cursorContext', () => {
  it('on an empty line under the root: a top-level key, with the present keys', () => {
    const c = at('mlsystem: 1\nname: x\n|');
    assert.equal(c?.kind, 'key');
    assert.deepEqual(c?.path, []);
    assert.deepEqual(c?.presentKeys, ['mlsystem', 'name']);
  });

  it('indented under a mapping: that mapping, while a partial key is typed', () => {
    const text = 'mlsystem: 1\nbusiness:\n  problem: slow\n  obj|';
    const c = at(text);
    assert.equal(c?.kind, 'key');
    assert.deepEqual(c?.path, ['business']);
    assert.deepEqual(c?.presentKeys, ['problem']);
    assert.equal(text.replace('|', '').slice(c!.wordStart, c!.wordEnd), 'obj');
  });

  it('inside a list item mapping: the item, by index', () => {
    const c = at('framing:\n  - id: a\n  - id: b\n    |\n');
    assert.deepEqual(c?.path, ['framing', 1]);
    assert.deepEqual(c?.presentKeys, ['id']);
  });

  it('after `key: `: the value at that key', () => {
    const c = at('framing:\n  - id: a\n    task: multi|\n');
    assert.equal(c?.kind, 'value');
    assert.deepEqual(c?.path, ['framing', 0, 'task']);
  });

  it('in a flow list: the item path, and the other items already there', () => {
    const c = at('framing:\n  - id: a\n    serves: [fast, |]\n');
    assert.equal(c?.kind, 'value');
    assert.deepEqual(c?.path, ['framing', 0, 'serves', 1]);
    assert.deepEqual(c?.presentValues, ['fast']);
  });

  it('inside a flow mapping value', () => {
    assert.deepEqual(at('lifecycle:\n  scoping: {status: |}\n')?.path, ['lifecycle', 'scoping', 'status']);
  });

  it('after a bare `- `: a new item, which may be a mapping or a scalar', () => {
    const c = at('framing:\n  - id: a\n  - |\n');
    assert.equal(c?.kind, 'item');
    assert.deepEqual(c?.path, ['framing', 1]);
  });

  it('offers the document data for its own ids', () => {
    const c = at('business:\n  objectives:\n    - id: fast\nframing:\n  - serves: [|]\n');
    assert.deepEqual((c?.data as { business: { objectives: { id: string }[] } }).business.objectives[0].id, 'fast');
  });

  it('says nothing inside a comment', () => {
    assert.equal(at('name: x # the na|me\n'), undefined);
  });
});

describe('nodeAt', () => {
  const text = 'framing:\n  - id: a\n    task: regression\nwaivers:\n  - rule: schema\n';
  it('on a key: the entry path, marked as a key', () => {
    const n = nodeAt(text, text.indexOf('task') + 1);
    assert.deepEqual(n && { path: n.path, onKey: n.onKey }, { path: ['framing', 0, 'task'], onKey: true });
  });
  it('on a value: the value path and the value', () => {
    const n = nodeAt(text, text.indexOf('schema') + 2);
    assert.deepEqual(n && { path: n.path, onKey: n.onKey, value: n.value }, { path: ['waivers', 0, 'rule'], onKey: false, value: 'schema' });
  });
  it('on blank space: nothing', () => {
    assert.equal(nodeAt(text, text.indexOf('  - id')), undefined);
  });
});
