/**
 * The lifecycle panel's page in a real headless Chromium: the same HTML shell, CSP, script
 * bundle and stylesheets the webview loads, served from a stand-in webview origin, with
 * `acquireVsCodeApi` replaced by a recorder. A hostile design must run nothing; clicks
 * and keys must ask the host to reveal the right range; updates must redraw in place.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { review } from '../../src/engine';
import { renderPanelHtml } from '../../src/panel/page-html';
import { updateMessage } from '../../src/protocol/panel-messages';
import type { HostMessage, PageMessage, PageStrings, PanelState, PersistedState } from '../../src/protocol/panel-messages';
import { largeDesign } from '../e2e/large-design.mjs';

const root = join(__dirname, '..', '..');
/** The page's words as the host gives them, here in French: the page shows them as given. */
const PAGE_STRINGS: PageStrings = {
  exportLabel: 'Exporter en SVG',
  exportTooltip: 'Exporter le diagramme',
  reportLabel: 'Exporter le rapport',
  reportTooltip: 'Exporter la revue',
  followLabel: 'Suivre l\'éditeur',
  lockedLabel: 'Verrouillé',
  lockTooltip: 'Verrouiller l\'aperçu',
  title: 'Cycle de vie : {0}',
};
const ORIGIN = 'https://webview.test';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

const HOSTILE = `mlsystem: 1
name: "<script>window.__pwned='name'</script>"
business:
  objectives:
    - id: "\\"><svg onload=window.__pwned='objective'>"
      statement: "<img src=x onerror=\\"window.__pwned='statement'\\">"
framing:
  - id: "<iframe src=javascript:window.__pwned='framing'>"
    serves: ["\\"><svg onload=window.__pwned='objective'>"]
    metrics:
      - name: "<img src=x onerror=window.__pwned='metric'>"
requirements:
  reliability:
    notes: |
      <img src=x onerror="window.__pwned='pillar-notes'">
      [click me](javascript:window.__pwned='link') and <script>window.__pwned='script'</script>
lifecycle:
  scoping:
    status: done
    owner: "\\"><svg onload=window.__pwned='owner'>"
    notes: |
      **Bold** text, a [safe link](https://example.org/docs), a [bad one](javascript:window.__pwned='link2'),
      <a href="javascript:window.__pwned='raw-link'">raw</a> and ![img](https://example.org/x.png)
    artifacts: ["javascript:window.__pwned='artifact'", "https://example.org/model-card"]
  data_engineering: {status: in-progress, owner: data-eng}
`;

const PLAIN = `mlsystem: 1
name: support-request-routing
business:
  objectives:
    - id: faster-routing
      statement: Route requests faster.
framing:
  - id: department-classifier
    serves: [faster-routing]
    metrics:
      - name: accuracy
        moves: faster-routing
lifecycle:
  scoping: {status: done, owner: product}
  data_engineering: {status: in-progress, owner: data-eng}
  model_development: {status: planned}
`;

function state(text: string, locked = false): PanelState {
  return { uri: 'file:///work/mlsystem.yaml', fileName: 'mlsystem.yaml', model: review(text, { today: '2026-11-26' }).lifecycle, locked };
}

let browser: Browser;
let script: string;

before(async () => {
  const bundle = await build({
    entryPoints: [join(root, 'src', 'page', 'main.ts')],
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  });
  script = bundle.outputFiles[0].text;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

interface Loaded {
  page: Page;
  html: string;
  dialogs: string[];
  errors: string[];
  posted: () => Promise<PageMessage[]>;
  send: (message: HostMessage) => Promise<void>;
}

/** `fontArrives`: hold the icon font back until it resolves (and do not wait for `ready`). */
async function load(panelState: PanelState, viewport = { width: 1200, height: 900 }, fontArrives?: Promise<void>): Promise<Loaded> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  await page.addInitScript(`
    window.__posted = [];
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), setState: (s) => { window.__state = s; }, getState: () => window.__state });
  `);
  const html = renderPanelHtml({
    cspSource: ORIGIN,
    nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
    scriptUri: `${ORIGIN}/dist/webview/panel.js`,
    styleUris: [`${ORIGIN}/media/codicons/codicon.css`, `${ORIGIN}/media/panel.css`],
    state: panelState,
    strings: PAGE_STRINGS,
    language: 'fr',
  });
  const files: Record<string, { body: string | Buffer; contentType: string }> = {
    '/index.html': { body: html, contentType: 'text/html' },
    '/dist/webview/panel.js': { body: script, contentType: 'text/javascript' },
    '/media/panel.css': { body: readFileSync(join(root, 'media', 'panel.css')), contentType: 'text/css' },
    '/media/codicons/codicon.css': { body: readFileSync(join(root, 'media', 'codicons', 'codicon.css')), contentType: 'text/css' },
    '/media/codicons/codicon.ttf': { body: readFileSync(join(root, 'media', 'codicons', 'codicon.ttf')), contentType: 'font/ttf' },
  };
  // Everything else (example.org images, javascript: frames) is refused, and recorded.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    if (file && fontArrives && url.pathname.endsWith('.ttf')) return fontArrives.then(() => route.fulfill({ status: 200, contentType: file.contentType, body: file.body }));
    if (file) return route.fulfill({ status: 200, contentType: file.contentType, body: file.body });
    errors.push(`request to ${url.href}`);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/index.html`, fontArrives ? { waitUntil: 'domcontentloaded' } : undefined);
  if (!fontArrives) await page
    .waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'), undefined, { timeout: 10_000 })
    .catch((e: Error) => {
      throw new Error(`the page never said ready: ${e.message}; page errors: ${JSON.stringify(errors)}`);
    });
  return {
    page,
    html,
    dialogs,
    errors,
    posted: () => page.evaluate(() => (window as unknown as { __posted: PageMessage[] }).__posted),
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
  };
}

describe('lifecycle page in Chromium', () => {
  it('shows a hostile design as text and runs none of it', async () => {
    const { page, html, dialogs, errors } = await load(state(HOSTILE));
    // Give anything that might fire (image errors, svg load) a chance: wait for the fonts
    // and images the page asked for to settle.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no document script ran');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, [], 'no page errors and no requests outside the webview origin');

    const body = await page.evaluate(() => document.body.innerText);
    assert.ok(body.includes("<script>window.__pwned='name'</script>"), 'the name shows as text');
    assert.ok(body.includes(`"><svg onload=window.__pwned='objective'>`), 'the objective id shows as text');
    assert.ok(body.includes(`<img src=x onerror="window.__pwned='pillar-notes'">`), 'raw HTML in notes shows as text');
    assert.ok(body.includes('<a href="javascript:window.__pwned=\'raw-link\'">raw</a>'), 'a raw HTML link shows as text');

    const dom = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return {
        scripts: Array.from(document.scripts).map((s) => ({ src: s.getAttribute('src'), nonce: s.nonce, inline: s.textContent?.trim() ?? '' })),
        handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
        dangerous: all.filter((el) => ['img', 'iframe', 'object', 'embed', 'foreignObject'].includes(el.localName)).map((el) => el.localName),
        svgs: document.querySelectorAll('svg').length,
        links: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href')),
      };
    });
    assert.deepEqual(dom.scripts, [{ src: `${ORIGIN}/dist/webview/panel.js`, nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=', inline: '' }], 'only our nonce’d script file');
    assert.deepEqual(dom.handlers, [], 'no inline event handlers anywhere');
    assert.deepEqual(dom.dangerous, [], 'no element made from document text');
    assert.equal(dom.svgs, 1, 'only the diagram is an <svg>');
    // The image became a link to it (the CSP would refuse to load it).
    assert.deepEqual(dom.links.sort(), ['https://example.org/docs', 'https://example.org/model-card', 'https://example.org/x.png'], 'only http(s) links became links');

    // The shell the host sends: CSP with a nonce, no inline script, no unsafe sources.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(csp, `default-src 'none'; style-src ${ORIGIN}; img-src ${ORIGIN} data:; script-src 'nonce-bm9uY2Utb2YtdGhlLXRlc3Q='; font-src ${ORIGIN}`);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline <script> in the shell');
    assert.doesNotMatch(html, /<script>window/, 'the document text is escaped in data-state');
    await page.context().close();
  });

  it('says ready only once its icon font has arrived, so closing it then leaves no request behind', async () => {
    let release!: () => void;
    const fontArrives = new Promise<void>((resolve) => (release = resolve));
    const { page, posted } = await load(state(PLAIN), undefined, fontArrives);
    await page.waitForFunction(() => document.getElementById('design-name')?.textContent === 'support-request-routing' && document.fonts.status === 'loading', undefined, { timeout: 10_000 });
    assert.deepEqual(await posted(), [], 'drawn, but not ready while the font is on its way');
    release();
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'), undefined, { timeout: 10_000 });
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
  });

  it('draws six stages with their status, and the pillars and trace beside them', async () => {
    const { page } = await load(state(PLAIN));
    const stages = await page.$$eval('#diagram [data-key^="stage:"]', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert.equal(stages.length, 6);
    assert.match(stages[0] ?? '', /^Scoping: done, owner product/);
    assert.match(stages[1] ?? '', /^Data engineering: in progress, owner data-eng/);
    assert.match(stages[5] ?? '', /^Business analysis: missing, not in the document/);
    assert.equal(await page.getAttribute('#diagram svg', 'role'), 'group');
    const pillars = await page.$$eval('.pillars .card-title', (els) => els.map((e) => e.textContent));
    assert.deepEqual(pillars, ['Reliability', 'Scalability', 'Maintainability', 'Adaptability']);
    const trace = await page.$$eval('.trace .objective button', (els) => els.map((e) => e.textContent?.trim()));
    assert.deepEqual(trace, ['faster-routing', 'department-classifier', 'accuracy via department-classifier']);
    await page.context().close();
  });

  it('asks the host to reveal what is clicked, or activated with Enter on the diagram', async () => {
    const s = state(PLAIN);
    const { page, posted } = await load(s);
    await page.click('#diagram [data-key="stage:data_engineering"]');
    const scoping = s.model.stages.find((x) => x.id === 'data_engineering')!;
    assert.deepEqual((await posted()).at(-1), { type: 'reveal', key: 'stage:data_engineering', range: scoping.range });

    await page.focus('#diagram [data-key="stage:model_development"]');
    await page.keyboard.press('Enter');
    const md = s.model.stages.find((x) => x.id === 'model_development')!;
    assert.deepEqual((await posted()).at(-1), { type: 'reveal', key: 'stage:model_development', range: md.range });

    const finding = s.model.pillars[0].findings[0];
    await page.focus('.pillars [data-key="finding:pillar:reliability:0"]');
    await page.keyboard.press(' ');
    assert.deepEqual((await posted()).at(-1), { type: 'reveal', key: 'finding:pillar:reliability:0', range: finding.range });

    await page.click('#export');
    await page.click('#export-report');
    await page.click('#lock');
    assert.deepEqual((await posted()).slice(-3), [{ type: 'export' }, { type: 'exportReport' }, { type: 'toggleLock' }]);
    await page.context().close();
  });

  it('the toolbar and the title are in the words the host gives (its display language)', async () => {
    const { page, send } = await load(state(PLAIN));
    const text = (selector: string): Promise<string> => page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await page.title(), 'Cycle de vie : mlsystem.yaml');
    assert.equal(await text('#export .action-label'), 'Exporter en SVG');
    assert.equal(await page.getAttribute('#export', 'title'), 'Exporter le diagramme');
    assert.equal(await text('#export-report .action-label'), 'Exporter le rapport');
    assert.equal(await text('#lock .action-label'), 'Suivre l\'éditeur');
    await send({ type: 'locked', locked: true });
    await page.waitForFunction(() => document.querySelector('#lock .action-label')?.textContent === 'Verrouillé');
    await page.context().close();
  });

  it('keyboard: Tab reaches the stages in order, with a visible focus outline', async () => {
    const { page } = await load(state(PLAIN));
    await page.focus('#lock');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'stage:scoping');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.equal(outline, 'solid');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'stage:data_engineering');
    await page.context().close();
  });

  it('updates in place: same elements, scroll and focus kept, new text shown', async () => {
    const { page, send } = await load(state(PLAIN), { width: 600, height: 500 });
    await page.focus('.stages [data-key="stage:model_development"]');
    const scrollY = await page.evaluate(() => window.scrollY);
    assert.ok(scrollY > 0, 'the page scrolled to the focused card');
    await page.evaluate(() => ((window as unknown as { __diagram: Element | null }).__diagram = document.getElementById('diagram')));
    const edited = PLAIN.replace('model_development: {status: planned}', 'model_development: {status: blocked, owner: research}');
    await send(updateMessage(state(edited)));
    await page.waitForFunction(() => document.querySelector('[data-key="stage:model_development"]')?.getAttribute('aria-label')?.includes('blocked'));
    const after = await page.evaluate(() => ({
      sameContainer: (window as unknown as { __diagram: Element | null }).__diagram === document.getElementById('diagram'),
      scrollY: window.scrollY,
      focused: document.activeElement?.getAttribute('data-key'),
      owner: document.body.innerText.includes('research'),
    }));
    assert.deepEqual(after, { sameContainer: true, scrollY, focused: 'stage:model_development', owner: true });
    await page.context().close();
  });

  it('highlights the elements the host names (the cursor’s section)', async () => {
    const { page, send } = await load(state(PLAIN));
    await send({ type: 'highlight', keys: ['stage:scoping'] });
    await page.waitForSelector('#diagram [data-key="stage:scoping"].highlighted');
    assert.equal(await page.$$eval('.stages [data-card="stage:scoping"].highlighted', (e) => e.length), 1);
    await send({ type: 'highlight', keys: ['pillar:reliability'] });
    await page.waitForSelector('#diagram [data-key="stage:scoping"]:not(.highlighted)');
    assert.equal(await page.$$eval('.highlighted', (els) => els.map((e) => e.getAttribute('data-key') ?? e.getAttribute('data-card')).join(',')), 'pillar:reliability');
    await page.context().close();
  });

  it('is readable at 300 px (no sideways scrolling, sections below) and at 1600 px (sections beside)', async () => {
    const narrow = await load(state(PLAIN), { width: 300, height: 800 });
    const n = await narrow.page.evaluate(() => {
      const d = document.getElementById('diagram')!.getBoundingClientRect();
      const s = document.getElementById('sections')!.getBoundingClientRect();
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, diagramWidth: d.width, sectionsBelow: s.top >= d.bottom };
    });
    assert.ok(n.overflow <= 0, `no horizontal overflow at 300 px (${n.overflow} px)`);
    assert.ok(n.diagramWidth > 250 && n.diagramWidth <= 300, `the diagram scales to the panel (${n.diagramWidth} px)`);
    assert.ok(n.sectionsBelow, 'sections wrap below the diagram');
    await narrow.page.context().close();

    const wide = await load(state(PLAIN), { width: 1600, height: 900 });
    const w = await wide.page.evaluate(() => {
      const d = document.getElementById('diagram')!.getBoundingClientRect();
      const s = document.getElementById('sections')!.getBoundingClientRect();
      return { beside: s.left >= d.right, overflow: document.documentElement.scrollWidth - window.innerWidth };
    });
    assert.deepEqual(w, { beside: true, overflow: 0 });
    await wide.page.context().close();
  });

  it('at 330 px: the cycle is one upright column, its text the editor font size or larger and inside its boxes, rule ids whole, the legend shown', async () => {
    const { page } = await load(state(PLAIN), { width: 330, height: 900 });
    await page.evaluate(() => window.postMessage({ type: 'highlight', keys: ['stage:model_development'] }, '*'));
    await page.waitForSelector('#diagram [data-key="stage:model_development"].highlighted');
    const r = await page.evaluate(() => {
      const stages = Array.from(document.querySelectorAll('#diagram g.stage'));
      const boxes = stages.map((g) => g.querySelector('.stage-box')!.getBoundingClientRect());
      const texts = Array.from(document.querySelectorAll<SVGTextElement>('#diagram text'));
      // The size a reader sees: the styled size times the drawing's scale.
      const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
      const outside = stages.flatMap((g, i) => Array.from(g.querySelectorAll('text')).filter((t) => {
        const b = t.getBoundingClientRect();
        return b.left < boxes[i].left - 1 || b.right > boxes[i].right + 1 || b.top < boxes[i].top - 1 || b.bottom > boxes[i].bottom + 1;
      }).map((t) => t.textContent));
      const legend = document.querySelector<HTMLElement>('.legend')!;
      return {
        lefts: [...new Set(boxes.map((b) => Math.round(b.left)))].length,
        downwards: boxes.every((b, i) => i === 0 || b.top > boxes[i - 1].bottom),
        minSize: Math.min(...sizes),
        bodySize: parseFloat(getComputedStyle(document.body).fontSize),
        outside,
        rulesOnOneLine: Array.from(document.querySelectorAll('.rule')).map((e) => e.getClientRects().length),
        legend: { shown: legend.offsetHeight > 0 && legend.getBoundingClientRect().right <= innerWidth, text: legend.innerText },
        overflow: document.documentElement.scrollWidth - innerWidth,
      };
    });
    assert.equal(r.lefts, 1, 'one column');
    assert.ok(r.downwards, 'stages top to bottom in lifecycle order');
    assert.equal(r.bodySize, 14, 'the page text is the editor font size (14 px without a theme)');
    assert.ok(r.minSize >= 14, `no diagram text under 14 px (smallest ${r.minSize.toFixed(1)} px)`);
    assert.deepEqual(r.outside, [], 'every text inside its stage box');
    assert.ok(r.rulesOnOneLine.length > 0 && r.rulesOnOneLine.every((n) => n === 1), `rule ids are never broken: ${JSON.stringify(r.rulesOnOneLine)}`);
    assert.ok(r.legend.shown, 'the legend is shown, within the panel');
    for (const entry of ['Missing from the document (dashed)', 'Skipped (dotted)', "Where the editor's cursor is", 'error']) assert.ok(r.legend.text.includes(entry), entry);
    assert.ok(r.overflow <= 0);
    await page.context().close();
  });

  it('draws the ring when wide, two upright columns in between', async () => {
    for (const [width, layout] of [[1300, 'layout-two-columns'], [900, 'ring']] as const) {
      const { page } = await load(state(PLAIN), { width, height: 900 });
      const cls = await page.getAttribute('#diagram svg', 'class');
      if (layout === 'ring') assert.doesNotMatch(cls ?? '', /layout-/, `${width} px: ${cls}`);
      else assert.match(cls ?? '', new RegExp(layout), `${width} px: ${cls}`);
      await page.context().close();
    }
  });

  it('a large design: the first part of long lists, sections that fold and stay folded, updates that patch only what changed', async () => {
    const big = largeDesign(330);
    const { page, send } = await load(state(big), { width: 800, height: 900 });
    const count = () => page.evaluate(() => ({
      nodes: document.querySelectorAll('*').length,
      objectives: document.querySelectorAll('[data-list="objectives"] > li').length,
      scopingFindings: document.querySelectorAll('[data-card="stage:scoping"] .findings li').length,
      more: document.querySelector('[data-more="objectives"] button')?.textContent ?? '',
    }));
    const first = await count();
    assert.equal(first.objectives, 20, 'the first 20 objectives');
    assert.equal(first.more, 'Show all 330 objectives');
    assert.equal(first.scopingFindings, 10, 'the first 10 of a stage\'s findings');
    assert.ok(first.nodes < 2500, `a small page (${first.nodes} elements)`);

    // The cursor in an objective past the first part: it is drawn (after the first 20), marked.
    await send({ type: 'highlight', keys: ['objective:300', 'framing:300:0'] });
    await page.waitForSelector('[data-card="objective:300"].highlighted');
    assert.equal((await count()).objectives, 21);
    await send({ type: 'highlight', keys: ['stage:scoping'] });
    await page.waitForSelector('[data-card="objective:300"]', { state: 'detached' });
    assert.equal((await count()).objectives, 20);

    await page.click('details[data-section="stages"] > summary');
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__kept = document.querySelector('[data-card="objective:5"]');
      w.__changed = document.querySelector('[data-card="objective:3"]');
    });
    const edited = big.replace('Reduce the handling cost of request type 3 by a third.', 'Halve the handling cost of request type 3.');
    await send(updateMessage(state(edited)));
    await page.waitForFunction(() => document.querySelector('[data-card="objective:3"]')?.textContent?.includes('Halve the handling cost'));
    const patched = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        kept: w.__kept === document.querySelector('[data-card="objective:5"]'),
        replaced: !document.contains(w.__changed as Node),
        stagesOpen: document.querySelector<HTMLDetailsElement>('details[data-section="stages"]')!.open,
        traceOpen: document.querySelector<HTMLDetailsElement>('details[data-section="trace"]')!.open,
      };
    });
    assert.deepEqual(patched, { kept: true, replaced: true, stagesOpen: false, traceOpen: true }, 'an unchanged objective is the same element; the folded section stays folded');

    await page.click('[data-show-all="objectives"]');
    const all = await count();
    assert.equal(all.objectives, 330);
    assert.equal(all.more, 'Show the first 20');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-show-all')), 'objectives', 'the button keeps the focus');
    await send(updateMessage(state(big)));
    await page.waitForFunction(() => !document.body.innerText.includes('Halve the handling cost'));
    assert.equal((await count()).objectives, 330, 'still all of them after an update');
    const kept = await page.evaluate(() => (window as unknown as { __state: PersistedState }).__state);
    assert.deepEqual([kept.folded, kept.expanded], [['stages'], ['objectives']], 'kept for a reload');
    await page.context().close();
  });
});
