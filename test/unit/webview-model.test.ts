/**
 * The pure parts of the panel: which elements hold the cursor, where a click goes, the
 * Markdown of `notes`, the check on messages from the page, and the depth the sections show
 * (ground truth, the online experiment, readiness, placeholders).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { review } from '../../src/engine';
import { keysAt, rangeOfKey } from '../../src/render/elements';
import { renderMarkdown } from '../../src/render/markdown';
import { renderSections } from '../../src/render/sections-html';
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

describe('the depth in the preview', () => {
  const example = (name: string): string => readFileSync(join(__dirname, '..', '..', 'examples', name, 'mlsystem.yaml'), 'utf8');
  const lifecycleOf = (text: string) => review(text, { today: '2026-11-26' }).lifecycle;

  it('traces each objective to its ground truth and the experiment that measures it', () => {
    const m = lifecycleOf(example('support-routing'));
    assert.equal(m.groundTruth?.delay, '3d');
    assert.equal(m.groundTruth?.delayDays, 3);
    assert.match(m.groundTruth?.source ?? '', /^The department that finally resolved each request/);
    assert.deepEqual(m.objectives.map((o) => [o.id, o.experiment?.method]), [['faster-routing', 'a-b-test'], ['fewer-misroutes', 'a-b-test']]);
    const html = renderSections(m);
    assert.match(html, /<h4>Ground truth<\/h4><button type="button" class="ground-truth" data-key="ground-truth">.*The department that finally resolved/);
    assert.match(html, /Known 3d \(3 days\) after a prediction/);
    assert.match(html, /<h4>Measured online by<\/h4><button type="button" class="experiment" data-key="experiment:0">.*a-b-test<\/button>/);
    assert.deepEqual(rangeOfKey(m, 'experiment:1'), m.objectives[1].experiment?.range);
    assert.deepEqual(rangeOfKey(m, 'ground-truth'), m.groundTruth?.range);
  });

  it('shows an objective no experiment measures, and online evaluation written as prose', () => {
    const text = `mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - {id: a}\n    - {id: b}\nevaluation:\n  online: {method: shadow, measures: a}\n`;
    assert.deepEqual(lifecycleOf(text).objectives.map((o) => o.experiment?.method ?? 'none'), ['shadow', 'none']);
    assert.match(renderSections(lifecycleOf(text)), /Not measured online\./);
    const prose = lifecycleOf('mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - {id: a}\nevaluation:\n  online: Half the users get the model.\n');
    assert.equal(prose.objectives[0].experiment?.description, 'Half the users get the model.');
  });

  it('gives each section and pillar a readiness state with counts', () => {
    const clean = lifecycleOf(example('support-routing'));
    assert.deepEqual(clean.sections.map((s) => s.id), ['identity', 'stakeholders', 'business', 'framing', 'data', 'evaluation', 'requirements', 'lifecycle']);
    assert.ok(clean.sections.every((s) => s.state === 'answered' && s.placeholders === 0 && s.missing === 0), JSON.stringify(clean.sections));
    assert.ok(clean.pillars.every((p) => p.readiness.state === 'answered'));
    const draft = lifecycleOf(example('draft'));
    const state = Object.fromEntries(draft.sections.map((s) => [s.id, [s.state, s.answered, s.placeholders, s.missing]]));
    assert.deepEqual(state.data, ['placeholder', 1, 1, 2]);
    assert.deepEqual(state.evaluation, ['missing', 0, 0, 2]);
    assert.deepEqual(state.stakeholders, ['missing', 0, 0, 1]);
    assert.equal(state.business[0], 'placeholder');
    assert.deepEqual(draft.pillars.map((p) => [p.id, p.readiness.state, p.readiness.missing]), [
      ['reliability', 'missing', 2], ['scalability', 'missing', 5], ['maintainability', 'missing', 5], ['adaptability', 'missing', 4],
    ]);
    const html = renderSections(draft);
    assert.match(html, /<h2 id="readiness-heading">Readiness<\/h2>/);
    assert.match(html, /data-key="section:data" aria-label="Data: placeholder, 1 answered, 1 placeholder, 2 missing\. Show in the editor"/);
  });

  it('shows placeholders as questions still open, never as answers', () => {
    const text = 'mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - {id: a, statement: "TODO: what for?", metric: <metric>}\nframing:\n  - {id: f, serves: a, metrics: [{name: "???", moves: a}]}\nlifecycle:\n  scoping: {status: done, owner: TBD}\n';
    const html = renderSections(lifecycleOf(text));
    for (const placeholder of ['TODO: what for?', '&lt;metric&gt;', '???', 'TBD']) {
      assert.ok(html.includes(`<span class="placeholder" title="Still to answer"><span class="codicon codicon-edit" aria-hidden="true"></span>${placeholder}</span>`), placeholder);
    }
    const skeleton = lifecycleOf('mlsystem: 1\nname: t\nsummary: TODO\nbusiness:\n  problem: TBD\n  objectives: [{id: a, statement: TODO}]\n');
    assert.deepEqual(skeleton.sections.filter((s) => s.placeholders).map((s) => s.id), ['identity', 'business']);
  });
});
