/**
 * The pure parts of the panel: which elements hold the cursor, where a click goes, the
 * Markdown of `notes`, and the check on messages from the page.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { review } from '../../src/engine';
import { keysAt, rangeOfKey } from '../../src/render/elements';
import { renderMarkdown } from '../../src/render/markdown';
import { isPageMessage } from '../../src/protocol/panel-messages';

const TEXT = `mlsystem: 1
name: routing
business:
  objectives:
    - id: faster-routing
      statement: Faster.
framing:
  - id: classifier
    serves: [faster-routing]
    metrics:
      - name: accuracy
        moves: faster-routing
lifecycle:
  scoping: {status: done}
  monitoring:
    status: planned
    owner: ops
requirements:
  reliability:
    fallback: Human triage.
`;
const model = review(TEXT, { today: '2026-11-26' }).lifecycle;
const lineOf = (needle: string): number => TEXT.split('\n').findIndex((l) => l.includes(needle));

describe('panel elements', () => {
  it('maps the cursor to the stage, pillar, objective, framing and metric whose entry holds it', () => {
    assert.deepEqual(keysAt(model, { line: lineOf('owner: ops'), character: 6 }), ['stage:monitoring']);
    assert.deepEqual(keysAt(model, { line: lineOf('scoping:'), character: 20 }), ['stage:scoping']);
    assert.deepEqual(keysAt(model, { line: lineOf('fallback'), character: 4 }), ['pillar:reliability']);
    assert.deepEqual(keysAt(model, { line: lineOf('statement: Faster'), character: 8 }), ['objective:0']);
    assert.deepEqual(keysAt(model, { line: lineOf('moves: faster'), character: 10 }), ['framing:0:0', 'metric:0:0']);
    assert.deepEqual(keysAt(model, { line: lineOf('name: routing'), character: 2 }), [], 'outside every element');
  });

  it('maps a clicked element to the range its finding or key sits on', () => {
    const monitoring = model.stages.find((s) => s.id === 'monitoring')!;
    assert.deepEqual(rangeOfKey(model, 'stage:monitoring'), monitoring.range);
    assert.equal(monitoring.range.start.line, lineOf('monitoring:'));
    const missing = model.stages.find((s) => s.id === 'deployment')!;
    assert.equal(missing.present, false);
    assert.deepEqual(rangeOfKey(model, 'stage:deployment'), missing.range, 'a missing stage goes to where it would be written');
    const finding = model.stages.find((s) => s.id === 'deployment')!.findings[0];
    assert.deepEqual(rangeOfKey(model, 'finding:stage:deployment:0'), finding.range);
    assert.equal(rangeOfKey(model, 'stage:nonsense'), undefined);
  });
});

describe('notes as Markdown', () => {
  it('renders Markdown, keeps raw HTML as text, and links only http, https and mailto', () => {
    const html = renderMarkdown('**bold** <b onclick="x()">raw</b> [ok](https://example.org) [mail](mailto:a@example.org) [bad](javascript:alert(1)) [data](data:text/html,hi) [cmd](command:workbench.action.quit)');
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /&lt;b onclick=&quot;x\(\)&quot;&gt;raw&lt;\/b&gt;/);
    assert.deepEqual([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]), ['https://example.org', 'mailto:a@example.org']);
    assert.match(html, /\[bad\]\(javascript:alert\(1\)\)/, 'an unsafe link stays as its text');
  });
});

describe('messages from the page', () => {
  it('accepts the five message kinds and nothing else', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    assert.ok(isPageMessage({ type: 'ready' }));
    assert.ok(isPageMessage({ type: 'reveal', key: 'stage:scoping', range }));
    assert.ok(isPageMessage({ type: 'export' }));
    assert.ok(isPageMessage({ type: 'exportReport' }));
    assert.ok(isPageMessage({ type: 'toggleLock' }));
    assert.ok(!isPageMessage({ type: 'reveal', key: 'x', range: { start: { line: -1, character: 0 }, end: range.end } }));
    assert.ok(!isPageMessage({ type: 'reveal', range }));
    assert.ok(!isPageMessage({ type: 'runCommand', command: 'workbench.action.quit' }));
    assert.ok(!isPageMessage(null));
    assert.ok(!isPageMessage('ready'));
  });
});
