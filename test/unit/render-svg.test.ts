/**
 * The lifecycle diagram's SVG, read back with a real XML parser: what a reviewer would
 * look for (six stages, their status, owner and findings, missing stages drawn as missing)
 * and what must never happen (document text turning into markup).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { review } from '../../src/engine';
import type { LifecycleModel } from '../../src/engine';
import { renderLifecycleSvg } from '../../src/render/svg';

const today = '2026-11-26';

const DESIGN = `mlsystem: 1
name: support-request-routing
business:
  problem: Requests reach the wrong department.
  objectives:
    - id: faster-routing
      statement: Route requests two times faster.
      metric: median time to route
    - id: happier-customers
      statement: Raise satisfaction.
framing:
  - id: department-classifier
    serves: [faster-routing]
    task: multiclass-classification
    metrics:
      - name: accuracy
        target: ">= 0.92"
        moves: faster-routing
      - name: latency
lifecycle:
  scoping: {status: done, owner: product}
  data_engineering: {status: in-progress, owner: data-eng}
  model_development: {status: blocked}
  deployment: {status: skipped, owner: platform}
  monitoring: {status: planned}
`;

function model(text = DESIGN): LifecycleModel {
  return review(text, { today }).lifecycle;
}

/** Parses as XML; any error (not just a fatal one) fails the test. */
function parseSvg(svg: string): Element {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && problems.push(`${level}: ${message}`)) }).parseFromString(svg, 'image/svg+xml');
  assert.deepEqual(problems, [], 'the SVG is well-formed XML');
  const root = doc.documentElement;
  assert.ok(root, 'has a root element');
  assert.equal(root.localName, 'svg');
  return root;
}

function all(root: Element, tag: string): Element[] {
  return Array.from(root.getElementsByTagName(tag));
}

function byKey(root: Element, key: string): Element {
  const found = all(root, 'g').find((g) => g.getAttribute('data-key') === key);
  assert.ok(found, `an element with data-key ${key}`);
  return found;
}

function texts(el: Element): string[] {
  return all(el, 'text').map((t) => t.textContent ?? '');
}

function classes(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/);
}

describe('renderLifecycleSvg', () => {
  it('draws the six stages in lifecycle order, each with its status in text and as a marker shape', () => {
    const root = parseSvg(renderLifecycleSvg(model(), { theme: 'print' }));
    const stages = all(root, 'g').filter((g) => classes(g).includes('stage'));
    assert.deepEqual(
      stages.map((g) => g.getAttribute('data-key')),
      ['stage:scoping', 'stage:data_engineering', 'stage:model_development', 'stage:deployment', 'stage:monitoring', 'stage:business_analysis'],
    );
    const expected: [string, string, string][] = [
      ['scoping', 'Status: done', 'marker-done'],
      ['data_engineering', 'Status: in progress', 'marker-in-progress'],
      ['model_development', 'Status: blocked', 'marker-blocked'],
      ['deployment', 'Status: skipped', 'marker-skipped'],
      ['monitoring', 'Status: planned', 'marker-planned'],
    ];
    for (const [id, status, marker] of expected) {
      const g = byKey(root, `stage:${id}`);
      assert.ok(texts(g).includes(status), `${id} says ${status}; has ${JSON.stringify(texts(g))}`);
      const markers = all(g, 'g').filter((m) => classes(m).includes('marker'));
      assert.deepEqual(markers.map((m) => classes(m)[1]), [marker]);
    }
  });

  it('shows owners, and says so when a stage has none', () => {
    const root = parseSvg(renderLifecycleSvg(model(), { theme: 'print' }));
    assert.ok(texts(byKey(root, 'stage:scoping')).includes('Owner: product'));
    assert.ok(texts(byKey(root, 'stage:data_engineering')).includes('Owner: data-eng'));
    assert.ok(texts(byKey(root, 'stage:monitoring')).includes('No owner'));
  });

  it('draws a stage absent from the document as missing, not hidden', () => {
    const m = model();
    const root = parseSvg(renderLifecycleSvg(m, { theme: 'print' }));
    const g = byKey(root, 'stage:business_analysis');
    assert.ok(classes(g).includes('missing'));
    assert.ok(texts(g).includes('Status: missing'));
    assert.ok(texts(g).includes('Not in the document'));
    assert.equal(all(g, 'g').find((x) => classes(x).includes('marker'))?.getAttribute('class'), 'marker marker-missing');
    // The print theme draws missing stages dashed, so the difference survives a greyscale printer.
    const style = all(root, 'style')[0]?.textContent ?? '';
    assert.match(style, /\.stage\.missing \.stage-box[^{]*\{[^}]*stroke-dasharray/);
  });

  it('counts each stage’s findings as the engine attributes them', () => {
    const m = model();
    const root = parseSvg(renderLifecycleSvg(m, { theme: 'print' }));
    for (const stage of m.stages) {
      const line = texts(byKey(root, `stage:${stage.id}`)).at(-1);
      const n = stage.findings.length;
      assert.equal(line, n === 0 ? 'No findings' : `${n} finding${n === 1 ? '' : 's'}`, stage.id);
    }
    // business_analysis is absent: missing-stage must be counted on it.
    const ba = m.stages.find((s) => s.id === 'business_analysis')!;
    assert.ok(ba.findings.some((f) => f.rule === 'missing-stage'), 'missing-stage is attributed to business analysis');
    const total = m.counts.error + m.counts.warning + m.counts.info;
    const center = all(root, 'text').find((t) => t.getAttribute('class') === 'center-counts');
    assert.equal(center?.textContent, `${m.counts.error} error${m.counts.error === 1 ? '' : 's'} · ${m.counts.warning} warning${m.counts.warning === 1 ? '' : 's'} · ${m.counts.info} info`);
    assert.ok(total > 0);
  });

  it('closes the cycle: six arrows, the last one from business analysis back into scoping', () => {
    const root = parseSvg(renderLifecycleSvg(model(), { theme: 'print' }));
    const arrows = all(root, 'line').filter((l) => classes(l).includes('arrow'));
    assert.equal(arrows.length, 6);
    assert.equal(arrows.filter((l) => classes(l).includes('arrow-feedback')).length, 1);
    assert.ok(all(root, 'text').some((t) => t.textContent === 'feeds back into scoping'));
    for (const a of arrows) assert.equal(a.getAttribute('marker-end'), 'url(#lc-arrowhead)');
    assert.ok(all(root, 'marker').some((m) => m.getAttribute('id') === 'lc-arrowhead'));
  });

  it('print theme: the four pillars and the objective trace, unframed objectives and unlinked metrics marked', () => {
    const root = parseSvg(renderLifecycleSvg(model(), { theme: 'print' }));
    for (const id of ['reliability', 'scalability', 'maintainability', 'adaptability']) {
      const g = byKey(root, `pillar:${id}`);
      assert.ok(classes(g).includes('pillar-missing'));
      assert.ok(texts(g).includes('Missing'));
    }
    const framed = byKey(root, 'objective:0');
    assert.ok(!classes(framed).includes('unframed'));
    assert.ok(texts(framed).includes('faster-routing'));
    const unframed = byKey(root, 'objective:1');
    assert.ok(classes(unframed).includes('unframed'));
    assert.ok(texts(unframed).includes('⚠ unframed'));
    const framing = all(root, 'text').find((t) => t.getAttribute('data-key') === 'framing:0:0');
    assert.equal(framing?.lastChild?.textContent, 'department-classifier');
    assert.equal(all(framing!, 'title')[0].textContent, 'Framing department-classifier (multiclass-classification)');
    const all_ = all(root, 'text').map((t) => t.textContent);
    assert.ok(all_.includes('accuracy >= 0.92'));
    assert.ok(all_.includes('⚠ latency (framing department-classifier)'), 'the unlinked metric is listed');
  });

  it('print theme stands alone: embedded light styles, explicit size, no CSS variables', () => {
    const svg = renderLifecycleSvg(model(), { theme: 'print' });
    const root = parseSvg(svg);
    assert.equal(root.getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
    assert.match(root.getAttribute('width') ?? '', /^\d+$/);
    assert.match(root.getAttribute('height') ?? '', /^\d+$/);
    assert.equal(all(root, 'style').length, 1);
    assert.doesNotMatch(svg, /var\(--/);
    assert.match(all(root, 'style')[0].textContent ?? '', /\.background\{fill:#ffffff\}/);
  });

  it('vscode theme: no embedded styles (the panel stylesheet themes it), cycle only unless asked', () => {
    const svg = renderLifecycleSvg(model(), { theme: 'vscode' });
    const root = parseSvg(svg);
    assert.equal(all(root, 'style').length, 0);
    assert.doesNotMatch(svg, /style=/);
    assert.equal(all(root, 'g').filter((g) => classes(g).includes('pillar')).length, 0);
    const withSections = parseSvg(renderLifecycleSvg(model(), { theme: 'vscode', sections: true }));
    assert.equal(all(withSections, 'g').filter((g) => classes(g).includes('pillar')).length, 4);
  });

  it('is labelled for screen readers: an image with title and description, or buttons when interactive', () => {
    const root = parseSvg(renderLifecycleSvg(model(), { theme: 'print' }));
    assert.equal(root.getAttribute('role'), 'img');
    assert.equal(root.getAttribute('aria-labelledby'), 'lc-title');
    assert.equal(all(root, 'title')[0].textContent, 'Lifecycle of support-request-routing');
    assert.match(all(root, 'desc')[0].textContent ?? '', /Business analysis: missing, not in the document/);
    assert.equal(byKey(root, 'stage:scoping').getAttribute('tabindex'), null, 'the exported image has no focus stops');

    const live = parseSvg(renderLifecycleSvg(model(), { theme: 'vscode', interactive: true, idPrefix: 'panel' }));
    assert.equal(live.getAttribute('role'), 'group');
    const scoping = byKey(live, 'stage:scoping');
    assert.equal(scoping.getAttribute('tabindex'), '0');
    assert.equal(scoping.getAttribute('role'), 'button');
    assert.match(scoping.getAttribute('aria-label') ?? '', /^Scoping: done, owner product, /);
    assert.ok(all(live, 'marker').some((m) => m.getAttribute('id') === 'panel-arrowhead'));
  });

  it('shows hostile names, owners and ids as text: no element or attribute comes from the document', () => {
    const hostile = `mlsystem: 1
name: "<script>window.__pwned=1</script>"
business:
  objectives:
    - id: "\\"><svg onload=alert(1)>"
      statement: "<img src=x onerror=alert(1)>"
lifecycle:
  scoping: {status: done, owner: "<img src=x onerror=alert(1)>"}
  monitoring: {status: planned, owner: "a & b ' \\" \\u0001 c"}
`;
    const svg = renderLifecycleSvg(model(hostile), { theme: 'print', interactive: true });
    const root = parseSvg(svg);
    const elements = all(root, '*');
    const tags = new Set(elements.map((e) => e.localName));
    for (const bad of ['script', 'img', 'foreignObject', 'a', 'iframe']) assert.ok(!tags.has(bad), `no <${bad}> element`);
    assert.equal(all(root, 'svg').length, 0, 'no nested <svg>');
    for (const e of [root, ...elements]) {
      for (const attr of Array.from(e.attributes)) assert.doesNotMatch(attr.name, /^on/i, `no event handler attribute on <${e.localName}>`);
    }
    const shown = all(root, 'text').map((t) => t.textContent);
    assert.ok(shown.includes('<script>window.__pwned=1</script>'), 'the name is shown as text');
    assert.ok(shown.some((t) => t?.startsWith('Owner: <img src=x on') && t.endsWith('…')), 'the owner is shown as text (cut to fit its box)');
    assert.match(all(byKey(root, 'stage:scoping'), 'title')[0].textContent ?? '', /owner <img src=x onerror=alert\(1\)>,/, 'in full in the tooltip');
    assert.match(byKey(root, 'stage:scoping').getAttribute('aria-label') ?? '', /owner <img src=x onerror=alert\(1\)>,/);
    assert.ok(shown.includes('"><svg onload=alert(1)>'), 'the objective id is shown as text');
    assert.ok(shown.includes('Owner: a & b \' " \uFFFD c'), 'quotes and ampersands survive; a control character is replaced');
  });
});

describe('the depth in the diagram', () => {
  it('names the experiment that measures each objective, and a pillar\'s placeholders', () => {
    const text = 'mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - {id: a}\n    - {id: b}\nframing:\n  - {id: f, serves: [a, b]}\nevaluation:\n  online: {method: a-b-test, measures: a}\nrequirements:\n  reliability: {fallback: TODO, silent_failures: Audits.}\n';
    const svg = renderLifecycleSvg(review(text, { today: '2026-11-26' }).lifecycle, { theme: 'print' });
    assert.match(svg, />online: a-b-test<\/text>/);
    assert.match(svg, /<text class="experiment unmeasured"[^>]*>not measured online<\/text>/);
    assert.match(svg, /<text class="pillar-state"[^>]*>Present, 1 placeholder<\/text>/);
  });
});

describe('the cycle for a narrow panel', () => {
  const boxes = (root: Element) => all(root, 'g').filter((g) => classes(g).includes('stage')).map((g) => {
    const r = all(g, 'rect')[0];
    return { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) };
  });

  it('is one column at 314 px and 14 px text, drawn 1:1, every box within the width, still a closed cycle', () => {
    const root = parseSvg(renderLifecycleSvg(model(), { theme: 'vscode', interactive: true, width: 314, fontSize: 14 }));
    assert.equal(root.getAttribute('width'), '314', 'drawn at the width it was given');
    assert.match(root.getAttribute('viewBox') ?? '', /^0 0 314 \d+$/);
    const b = boxes(root);
    assert.equal(new Set(b.map((x) => x.x)).size, 1, 'one column');
    assert.ok(b.every((x, i) => i === 0 || x.y > b[i - 1].y + b[i - 1].h), 'top to bottom in lifecycle order');
    assert.ok(b.every((x) => x.x >= 0 && x.x + x.w <= 314));
    assert.equal(all(root, 'line').filter((l) => classes(l).includes('arrow')).length, 5);
    const feedback = all(root, 'path').filter((p) => classes(p).includes('arrow-feedback'));
    assert.equal(feedback.length, 1, 'the feedback arrow back into scoping');
    assert.equal(feedback[0].getAttribute('marker-end'), 'url(#lc-arrowhead)');
    assert.ok(all(root, 'text').some((t) => t.textContent === 'feeds back into scoping'));
    // Labels wrap at a space to fit the box (14 px text, about 0.6 em a character).
    const longest = Math.max(...all(root, 'text').filter((t) => classes(t).includes('stage-label')).map((t) => (t.textContent ?? '').length));
    assert.ok(longest * 15 * 0.6 <= b[0].w - 32, `labels fit (${longest} characters)`);
  });

  it('is two upright columns when two boxes fit side by side, and the ring when three do', () => {
    const two = boxes(parseSvg(renderLifecycleSvg(model(), { theme: 'vscode', width: 560, fontSize: 14 })));
    assert.deepEqual([...new Set(two.map((x) => x.x))].length, 2);
    assert.ok(two[0].y < two[1].y && two[1].y < two[2].y, 'down the first column');
    assert.ok(two[3].y > two[4].y && two[4].y > two[5].y, 'up the second');
    const ring = boxes(parseSvg(renderLifecycleSvg(model(), { theme: 'vscode', width: 900, fontSize: 14 })));
    assert.deepEqual([...new Set(ring.map((x) => x.y))].length, 2, 'two rows');
  });
});
