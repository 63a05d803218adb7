// The user journey on the example workspace (a throwaway copy of examples/): open the
// draft design, see its findings in the Problems panel, apply a quick fix, insert a
// framing snippet, open the lifecycle preview, find it restored after a reload, and see it
// redraw when the design changes; then read the preview in a narrow panel, in a light and
// a dark theme, and a large design in it.
// Each step leaves a screenshot.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT_MS, waitUntil } from './workbench.mjs';
import { largeDesign } from './large-design.mjs';

const DRAFT = 'draft/mlsystem.yaml';
const SUPPORT = 'support-routing/mlsystem.yaml';
const SOURCE = 'mlsystem-review';

const count = (text, needle) => text.split(needle).length - 1;

/** WCAG contrast of two CSS colours (`rgb()`/`rgba()`); a translucent background is laid over `page`. */
function contrast(fg, bg, page) {
  const parse = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const [pr, pg, pb] = parse(page);
  const [br, bgr, bb, ba = 1] = parse(bg);
  const over = [br * ba + pr * (1 - ba), bgr * ba + pg * (1 - ba), bb * ba + pb * (1 - ba)];
  const lum = ([r, g, b]) => [r, g, b].map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [l1, l2] = [lum(parse(fg)), lum(over)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Resizes the browser until the preview (the second of two editor groups) is about `width` px wide. */
async function narrowPreview(wb, frame, width) {
  const inner = () => frame.locator('body').evaluate(() => window.innerWidth);
  let viewport = wb.page.viewportSize();
  for (let i = 0; i < 5; i++) {
    const now = await inner();
    if (Math.abs(now - width) <= 6) return now;
    viewport = { ...viewport, width: Math.round(viewport.width + (width - now) * 2) };
    await wb.page.setViewportSize(viewport);
    await waitUntil(async () => (await inner()) !== now, 'the preview to take the new width');
  }
  throw new Error(`the preview is ${await inner()} px wide, not about ${width}`);
}

/** Picks a colour theme from "Preferences: Color Theme" and waits for the preview to wear it. */
async function colorTheme(wb, frame, name, bodyClass) {
  await wb.runCommand('Preferences: Color Theme', { opensInput: true });
  await wb.page.locator('.quick-input-widget .quick-input-box input').fill(name);
  await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: TIMEOUT_MS });
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  await waitUntil(async () => (await frame.locator('body').getAttribute('class'))?.includes(bodyClass), `the preview in ${name}`);
}

/** What a reader of the narrow preview checks: the stages' layout, text sizes, the cursor's stage, rule ids, the legend. */
function previewFacts() {
  const styles = getComputedStyle(document.documentElement);
  const stages = Array.from(document.querySelectorAll('#diagram g.stage'));
  const boxes = stages.map((g) => g.querySelector('.stage-box').getBoundingClientRect());
  const texts = Array.from(document.querySelectorAll('#diagram text'));
  const selected = document.querySelector('#diagram g.stage.highlighted');
  const legend = document.querySelector('.legend');
  return {
    width: window.innerWidth,
    editorFontSize: parseFloat(styles.getPropertyValue('--vscode-editor-font-size')),
    // The size a reader sees: the styled size times the drawing's scale.
    smallestText: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)),
    columns: new Set(boxes.map((b) => Math.round(b.left))).size,
    topToBottom: boxes.every((b, i) => i === 0 || b.top > boxes[i - 1].bottom),
    selected: selected && {
      key: selected.getAttribute('data-key'),
      text: getComputedStyle(selected.querySelector('.stage-label')).fill,
      box: getComputedStyle(selected.querySelector('.stage-box')).fill,
      page: getComputedStyle(document.body).backgroundColor,
    },
    ruleLines: Array.from(document.querySelectorAll('.rule')).map((r) => r.getClientRects().length),
    legend: legend && legend.offsetHeight > 0 && legend.getBoundingClientRect().right <= window.innerWidth ? legend.innerText : '',
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}

/** The narrow preview in one theme, checked as a reader would. */
async function checkNarrowPreview(wb, frame, theme) {
  const facts = await waitUntil(async () => {
    const f = await frame.locator('body').evaluate(previewFacts);
    return f.selected ? f : false;
  }, 'the cursor\'s stage to be highlighted');
  console.log(`        ${theme}: ${facts.width} px wide, smallest text ${facts.smallestText.toFixed(1)} px (editor ${facts.editorFontSize} px), selected ${facts.selected.text} on ${facts.selected.box}`);
  assert.ok(Math.abs(facts.width - 330) <= 6, `the preview is ${facts.width} px wide`);
  assert.equal(facts.columns, 1, 'the stages stand in one column');
  assert.ok(facts.topToBottom, 'top to bottom in lifecycle order');
  assert.ok(facts.editorFontSize > 0, 'the editor font size is known to the page');
  assert.ok(facts.smallestText >= facts.editorFontSize, `no diagram text under the editor font size (${facts.smallestText} px < ${facts.editorFontSize} px)`);
  assert.equal(facts.selected.key, 'stage:model_development');
  const ratio = contrast(facts.selected.text, facts.selected.box, facts.selected.page);
  assert.ok(ratio >= 4.5, `the selected stage's text has contrast ${ratio.toFixed(2)} (at least 4.5)`);
  assert.ok(facts.ruleLines.length > 0 && facts.ruleLines.every((n) => n === 1), `rule ids are never split: ${JSON.stringify(facts.ruleLines)}`);
  for (const entry of ['Missing from the document (dashed)', 'Skipped (dotted)', "Where the editor's cursor is"]) assert.ok(facts.legend.includes(entry), `the legend explains: ${entry}`);
  assert.ok(facts.overflow <= 0, `no sideways scrolling (${facts.overflow} px)`);
}

/** @type {{ name: string, run: (ctx: { wb: import('./workbench.mjs').Workbench, workspace: string }) => Promise<void> }[]} */
export const steps = [
  {
    name: 'open the draft design via Quick Open',
    async run({ wb }) {
      await wb.openFile(DRAFT);
    },
  },
  {
    name: 'the Problems panel shows the draft\'s findings',
    async run({ wb }) {
      await wb.openProblems();
      // The draft has several warnings and at least one error (see examples/draft).
      const counts = await waitUntil(async () => {
        const c = await wb.problemCounts();
        return c.warnings >= 5 && c.errors >= 1 ? c : false;
      }, 'at least 5 warnings and 1 error in the status bar');
      const rows = await wb.waitForProblems((r) => r.some((p) => p.label.includes(`generated by ${SOURCE}`)), `markers from ${SOURCE}`);
      for (const p of rows) assert.match(p.label, new RegExp(`generated by ${SOURCE}`), `a marker not from ${SOURCE}: ${p.label}`);
      console.log(`        status bar: ${counts.label}; first rows: ${rows.slice(0, 3).map((r) => r.text.slice(0, 60)).join(' | ')}`);
    },
  },
  {
    name: 'the missing adaptability pillar is reported as missing-pillar',
    async run({ wb }) {
      await wb.filterProblems('adaptability');
      const rows = await wb.waitForProblems((r) => r.some((p) => p.text.includes('missing-pillar')), 'a missing-pillar marker about adaptability');
      const row = rows.find((p) => p.text.includes('missing-pillar'));
      assert.equal(row.severity, 'warning');
      assert.match(row.label, /adaptability/i);
      assert.match(row.text, new RegExp(`${SOURCE}\\s*\\(?missing-pillar`));
    },
  },
  {
    name: 'apply the quick fix from the light bulb (Ctrl+.)',
    async run({ wb, workspace }) {
      await wb.revealProblem('missing-pillar');
      const title = await wb.applyCodeAction((t) => /adaptability/i.test(t) && !/^waive/i.test(t));
      console.log(`        applied: ${title}`);
      await wb.saveUntil(() => /^ {2}adaptability:/m.test(readFileSync(join(workspace, DRAFT), 'utf8')), 'the adaptability pillar in the saved file');
      await wb.waitForProblems((r) => !r.some((p) => p.text.includes('missing-pillar')), 'the missing-pillar marker to go away');
      await wb.filterProblems('');
    },
  },
  {
    name: 'insert a framing snippet by its prefix',
    async run({ wb, workspace }) {
      const file = join(workspace, DRAFT);
      const before = readFileSync(file, 'utf8');
      const line = before.split('\n').findIndex((l) => /^framing:/.test(l)) + 1;
      assert.ok(line > 0, 'the draft has no framing section');
      await wb.focusEditor();
      await wb.goToLine(line);
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.press('Shift+Home'); // whatever auto-indent added is replaced
      await wb.page.keyboard.type('  ');
      await wb.insertSnippet('mlsystem-framing-multiclass', 'ticket-classifier'); // the id is the first tab stop
      const expected = count(before, 'multiclass-classification') + 1;
      // A save may land between the snippet and the id typed into it: wait for both on disk.
      await wb.saveUntil(() => {
        const saved = readFileSync(file, 'utf8');
        return count(saved, 'multiclass-classification') === expected && /^ {2}- id: ticket-classifier$/m.test(saved);
      }, 'one more multiclass framing, carrying the id typed into its first tab stop, in the saved file');
    },
  },
  {
    name: 'open the lifecycle preview from the command palette',
    async run({ wb }) {
      await wb.runCommand('ML Design: Open Lifecycle Preview');
      const frame = await wb.webviewFrame();
      const stages = [/scoping/i, /data engineering/i, /model development/i, /deployment/i, /monitoring/i, /business analysis/i];
      const body = await waitUntil(async () => {
        const text = await frame.locator('body').innerText();
        return stages.every((s) => s.test(text)) ? text : false;
      }, 'the lifecycle preview to show all six stages');
      console.log(`        preview: ${body.replace(/\s+/g, ' ').slice(0, 160)}`);
    },
  },
  // Lifecycle preview keybinding (panel owner's steps): Ctrl+Shift+V works in a design
  // editor only. The non-design YAML goes first; the design's keypress is handled after
  // it, so once the design's preview is up, any preview or notice from the first is too.
  {
    name: 'Ctrl+Shift+V opens the preview in a design, and not in other YAML',
    async run({ wb, workspace }) {
      await wb.runCommand('View: Close All Editors');
      await waitUntil(async () => (await wb.page.locator('.tabs-container .tab').count()) === 0, 'every editor and the preview to close');
      writeFileSync(join(workspace, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n');
      // The editor title's preview button shares the keybinding's condition (the extension
      // has recognised the design), so it tells when the key is live.
      const previewButton = wb.page.locator('.editor-group-container.active .editor-actions .action-label[aria-label*="Open Lifecycle Preview to the Side"]');
      await wb.openFile('docker-compose.yml');
      assert.equal(await previewButton.count(), 0, 'no preview button on docker-compose.yml');
      await wb.page.keyboard.press('Control+Shift+V');
      await wb.openFile(SUPPORT);
      await previewButton.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+Shift+V');
      const frame = await wb.webviewFrame('Lifecycle: mlsystem.yaml');
      const body = await waitUntil(async () => {
        const text = await frame.locator('body').innerText();
        return text.includes('support-request-routing') ? text : false;
      }, 'the preview of the support-routing design');
      assert.match(body, /Monitoring and continual learning/);
      const tabs = await wb.page.locator('.tabs-container .tab').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      assert.deepEqual(tabs.filter((t) => t.startsWith('Lifecycle')), ['Lifecycle: mlsystem.yaml'], `one preview, of the design; tabs: ${JSON.stringify(tabs)}`);
      const notices = await wb.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
      assert.ok(!notices.some((n) => /docker-compose/.test(n)), `no preview attempt for docker-compose.yml: ${JSON.stringify(notices)}`);
    },
  },
  {
    name: 'the lifecycle preview is restored after the window reloads',
    async run({ wb }) {
      // The preview of the support-routing design is open from the step before. The
      // command (not a bare page reload) lets the workbench save its editors first, as a
      // user's reload does.
      const reloaded = wb.page.waitForEvent('framenavigated', { predicate: (f) => f === wb.page.mainFrame(), timeout: TIMEOUT_MS });
      await wb.runCommand('Developer: Reload Window');
      await reloaded;
      await wb.ready();
      const frame = await wb.webviewFrame('Lifecycle: mlsystem.yaml');
      const body = await waitUntil(async () => {
        const text = await frame.locator('body').innerText();
        return text.includes('support-request-routing') && text.includes('Monitoring and continual learning') ? text : false;
      }, 'the restored preview, drawn again from the design');
      assert.match(body, /Scoping/);
    },
  },
  {
    name: 'an edit to the design redraws the open preview in place',
    async run({ wb, workspace }) {
      // The design changes on disk, as a pull or another editor would change it; the
      // editor picks the change up, the review runs, and the page draws the new name.
      const file = join(workspace, SUPPORT);
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^name: support-request-routing$/m);
      writeFileSync(file, text.replace(/^name: support-request-routing$/m, 'name: support-request-routing-v2'));
      const frame = await wb.webviewFrame('Lifecycle: mlsystem.yaml');
      await waitUntil(async () => (await frame.locator('#design-name').innerText()) === 'support-request-routing-v2', 'the open preview to show the edited name');
    },
  },
  {
    name: 'the preview in a narrow panel, light theme: one upright column, text at the editor size, a readable selected stage, a legend',
    async run({ wb }) {
      await wb.runCommand('View: Close All Editors');
      await waitUntil(async () => (await wb.page.locator('.tabs-container .tab').count()) === 0, 'every editor and the preview to close');
      await wb.openFile(DRAFT);
      // The editor title's button, shown once the extension has recognised the design.
      const previewButton = wb.page.locator('.editor-group-container.active .editor-actions .action-label[aria-label*="Open Lifecycle Preview to the Side"]');
      await previewButton.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      await previewButton.click();
      const frame = await wb.webviewFrame('Lifecycle: mlsystem.yaml');
      await frame.locator('#diagram g.stage').first().waitFor({ timeout: TIMEOUT_MS });
      await wb.runCommand('View: Close Primary Side Bar');
      await wb.runCommand('View: Hide Panel'); // the Problems panel: the preview has the height
      await colorTheme(wb, frame, 'Light Modern', 'vscode-light');
      await narrowPreview(wb, frame, 330);
      // The cursor in the model development stage: the preview marks it.
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+F');
      await wb.page.keyboard.type('model_development:');
      await wb.page.keyboard.press('Escape');
      await checkNarrowPreview(wb, frame, 'Light Modern');
    },
  },
  {
    name: 'the preview in a narrow panel, dark theme: the same, in the dark theme\'s colours',
    async run({ wb }) {
      const frame = await wb.webviewFrame('Lifecycle: mlsystem.yaml');
      await colorTheme(wb, frame, 'Dark Modern', 'vscode-dark');
      await checkNarrowPreview(wb, frame, 'Dark Modern');
    },
  },
  {
    name: 'a large design: long lists show a first part, a folded section stays folded, typing patches what changed',
    async run({ wb, workspace }) {
      mkdirSync(join(workspace, 'large'), { recursive: true });
      const design = largeDesign(330);
      writeFileSync(join(workspace, 'large', 'mlsystem.yaml'), design);
      await wb.page.setViewportSize({ width: 1400, height: 900 });
      await wb.focusEditor();
      await wb.openFile('large/mlsystem.yaml');
      const frame = await wb.webviewFrame('Lifecycle: mlsystem.yaml'); // the unlocked preview follows the editor
      await waitUntil(async () => (await frame.locator('#design-name').innerText()) === 'large-design', 'the preview of the large design');
      const page = () => frame.locator('body').evaluate(() => ({
        elements: document.querySelectorAll('*').length,
        height: document.documentElement.scrollHeight,
        objectives: document.querySelectorAll('[data-list="objectives"] > li').length,
        showAll: document.querySelector('[data-show-all="objectives"]')?.textContent ?? '',
      }));
      const first = await page();
      console.log(`        ${design.split('\n').length} lines: ${first.elements} elements, ${first.height} px tall`);
      assert.equal(first.objectives, 20, 'the first 20 of the 330 objectives');
      assert.equal(first.showAll, 'Show all 330 objectives');
      assert.ok(first.elements < 2500, `a page of ${first.elements} elements`);

      await frame.locator('details[data-section="stages"] > summary').click();
      await frame.locator('body').evaluate(() => {
        window.__kept = document.querySelector('[data-card="objective:5"]');
        window.__changed = document.querySelector('[data-card="objective:3"]');
        // Long tasks seen from the preview's frame, reported below (wall-clock: never asserted).
        // `self` is the page's own work; a same-origin workbench frame shares its thread and
        // shows up as an ancestor.
        window.__longTasks = [];
        new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => `${Math.round(e.duration)} ms (${e.name})`))).observe({ type: 'longtask' });
      });
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+F');
      await wb.page.keyboard.type('type 3 by a third');
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.type('type 3 by half', { delay: 60 });
      await waitUntil(async () => (await frame.locator('[data-card="objective:3"]').innerText()).includes('type 3 by half'), 'the preview to show the edited objective');
      const after = await frame.locator('body').evaluate(() => ({
        kept: window.__kept === document.querySelector('[data-card="objective:5"]'),
        replaced: !document.contains(window.__changed),
        stagesOpen: document.querySelector('details[data-section="stages"]').open,
        longTasks: window.__longTasks,
      }));
      console.log(`        long tasks seen from the preview while typing: ${after.longTasks.length ? after.longTasks.join(', ') : 'none'}`);
      assert.deepEqual({ ...after, longTasks: undefined }, { kept: true, replaced: true, stagesOpen: false, longTasks: undefined }, 'the unchanged objective is the same element, the edited one drawn anew, the folded section still folded');

      await frame.locator('[data-show-all="objectives"]').click();
      const all = await waitUntil(async () => {
        const p = await page();
        return p.objectives === 330 ? p : false;
      }, 'all 330 objectives');
      console.log(`        all objectives shown: ${all.elements} elements, ${all.height} px tall`);
      assert.equal(all.showAll, 'Show the first 20');
    },
  },
];
