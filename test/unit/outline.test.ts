/** The outline: sections with objectives, framings, pillars and stages inside. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { review } from '../../src/engine';
import type { OutlineNode } from '../../src/engine';

const designOutline = (text: string): OutlineNode[] => review(text).outline;

const text = [
  'mlsystem: 1',
  'business:',
  '  objectives:',
  '    - id: faster',
  '      statement: Route faster.',
  'framing:',
  '  - id: router',
  '    task: multiclass-classification',
  '    metrics:',
  '      - name: accuracy',
  'requirements:',
  '  reliability: {fallback: humans}',
  '  scalability:',
  'lifecycle:',
  '  scoping: {status: done}',
  '',
].join('\n');

const brief = (n: OutlineNode): unknown => ({ name: n.name, kind: n.kind, detail: n.detail, ...(n.children.length ? { children: n.children.map(brief) } : {}) });

describe('designOutline', () => {
  it('lists sections with their objectives, framings (and metrics), pillars and stages', () => {
    assert.deepEqual(designOutline(text).map(brief), [
      { name: 'mlsystem', kind: 'section', detail: '1' },
      { name: 'business', kind: 'section', detail: '', children: [{ name: 'faster', kind: 'objective', detail: 'Route faster.' }] },
      { name: 'framing', kind: 'section', detail: '', children: [{ name: 'router', kind: 'framing', detail: 'multiclass-classification', children: [{ name: 'accuracy', kind: 'metric', detail: '' }] }] },
      { name: 'requirements', kind: 'section', detail: '', children: [{ name: 'reliability', kind: 'pillar', detail: '1 key' }, { name: 'scalability', kind: 'pillar', detail: 'empty' }] },
      { name: 'lifecycle', kind: 'section', detail: '', children: [{ name: 'scoping', kind: 'stage', detail: 'done' }] },
    ]);
  });

  it('selects a framing by its id and spans the whole item', () => {
    const framing = designOutline(text)[2].children[0];
    assert.equal(text.slice(framing.selectionStart, framing.selectionEnd), 'router');
    assert.ok(text.slice(framing.start, framing.end).includes('name: accuracy'));
  });

  it('gives nothing for a document that is not a mapping', () => {
    assert.deepEqual(designOutline('- a\n- b\n'), []);
  });

  it('outlines keys named like Object.prototype members as plain sections', () => {
    const names = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__'];
    const odd = `mlsystem: 1\n${names.map((n) => `${n}:\n  - a\n  - b`).join('\n')}\n`;
    assert.deepEqual(designOutline(odd).map(brief), [
      { name: 'mlsystem', kind: 'section', detail: '1' },
      ...names.map((name) => ({ name, kind: 'section', detail: '' })),
    ]);
  });
});
