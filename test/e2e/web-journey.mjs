// The journey in the browser's web worker extension host: the extension's `browser` entry
// (dist/web/extension.js, as vscode.dev and github.dev run it), from the same VSIX.
// code-server would run the extension in its Node host (a `workspace` extension with a
// server); the user setting `remote.extensionKind` (see run.mjs --web) asks for `ui`, and
// in a browser workbench a `ui` extension with a `browser` entry runs in the web worker.
// The steps: the web worker extension host activated the extension, which says so itself,
// and the server's Node extension host never did; then the draft's findings and the status
// bar, a quick fix, a snippet, the lifecycle preview, its SVG and report exports, Review
// Workspace, a configuration file's extends, a rule's page, the Getting Started walkthrough.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { TIMEOUT_MS, waitUntil } from './workbench.mjs';
import { steps as desktopSteps } from './journey.mjs';

const engine = createRequire(import.meta.url)('../../dist/engine.js');

export const EXTENSION_ID = 'mlsystem-review.mlsystem-review';
/** What run.mjs --web adds to the user settings. */
export const webSettings = { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } };

const DRAFT = 'draft/mlsystem.yaml';
const WEB_LINE = 'Web worker extension host (the browser entry)';
const NODE_LINE = 'Node extension host (the desktop entry)';

/** The journey's steps that hold in the browser too, by name (a renamed step fails here, loudly). */
const shared = [
  'open the draft design via Quick Open',
  'the Problems panel shows the draft\'s findings',
  'the missing adaptability pillar is reported as missing-pillar',
  'apply the quick fix from the light bulb (Ctrl+.)',
  'insert a framing snippet by its prefix',
  'open the lifecycle preview from the command palette',
].map((name) => {
  const step = desktopSteps.find((s) => s.name === name);
  if (!step) throw new Error(`journey.mjs has no step named "${name}"`);
  return step;
});

/** Every log line of the server's Node extension hosts (code-server's logs folder). */
function nodeHostLog(userData) {
  const logs = join(userData, 'logs');
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/exthost\.log$/.test(e.name)) files.push(join(dir, e.name));
    }
  };
  walk(logs);
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** Runs an export command, accepts the file the save dialog offers beside the draft, and returns what was written. */
async function exportThroughSaveDialog(wb, workspace, command, fileName) {
  await wb.runCommand(command, { opensInput: true });
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await waitUntil(async () => (await input.inputValue()).endsWith(fileName), `the save dialog to offer ${fileName}`);
  await wb.page.keyboard.press('Enter');
  const file = join(workspace, 'draft', fileName);
  return waitUntil(() => existsSync(file) && readFileSync(file, 'utf8'), `${fileName} on disk`);
}

/** @type {{ name: string, run: (ctx: { wb: import('./workbench.mjs').Workbench, workspace: string, server: { userData: string } }) => Promise<void> }[]} */
export const steps = [
  shared[0],
  {
    name: 'the extension runs in the web worker extension host, not in the Node one',
    async run({ wb, server }) {
      // The workbench's log of the web worker extension host: it activated the extension,
      // and nothing went wrong in it.
      const worker = await waitUntil(async () => {
        const t = (await wb.outputChannelText('Extension Host (Worker)')).replace(/\s+/g, ' ');
        return t.includes(`_doActivateExtension ${EXTENSION_ID}`) ? t : false;
      }, `the web worker extension host to log activating ${EXTENSION_ID}`);
      assert.doesNotMatch(worker, /\[error\]/, `errors in the web worker extension host's log: ${worker}`);
      // The extension's own log names the entry that runs.
      const own = await waitUntil(async () => {
        const t = await wb.outputChannelText('ML Design Review');
        return t.includes(WEB_LINE) ? t : false;
      }, `"${WEB_LINE}" in the ML Design Review log`);
      assert.ok(!own.includes(NODE_LINE), `the desktop entry ran too:\n${own}`);
      // The server's Node extension host logs each extension it activates, and not this one.
      // (It may list the extension among those it was created with: the workbench, not the
      // server, decides where an extension runs, so only an activation would mean it ran.)
      const serverLog = nodeHostLog(server.userData);
      assert.match(serverLog, /_doActivateExtension vscode\./, 'no activation log of the Node extension host to check');
      const activated = `_doActivateExtension ${EXTENSION_ID}`;
      assert.ok(!serverLog.includes(activated), `the server's Node extension host activated ${EXTENSION_ID}:\n${serverLog.split('\n').filter((l) => l.includes(activated)).join('\n')}`);
    },
  },
  shared[1],
  {
    name: 'the status bar shows the active design\'s readiness',
    async run({ wb, workspace }) {
      const item = wb.page.locator('.statusbar-item', { hasText: 'pillars' });
      await item.first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      const label = ((await item.first().getAttribute('aria-label')) ?? (await item.first().innerText())).replace(/\s+/g, ' ');
      // What the item reads must be what the engine finds in the design on disk.
      const result = engine.review(readFileSync(join(workspace, DRAFT), 'utf8'));
      const answered = result.lifecycle.pillars.filter((p) => p.readiness.state === 'answered').length;
      const placeholders = result.lifecycle.sections.reduce((n, s) => n + s.placeholders, 0);
      assert.ok(placeholders > 0, 'the draft has placeholders to count');
      assert.match(label, new RegExp(`${answered}/4 pillars\\D+${placeholders} TODO`), `the item (${label})`);
    },
  },
  ...shared.slice(2),
  {
    name: 'export the lifecycle diagram as SVG through the save dialog',
    async run({ wb, workspace }) {
      // The preview of the draft is active: the command exports its diagram.
      const svg = await exportThroughSaveDialog(wb, workspace, 'ML Design: Export Lifecycle Diagram as SVG', 'mlsystem.lifecycle.svg');
      assert.match(svg, /^<\?xml version="1.0"/);
      assert.match(svg, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg, /Scoping/);
    },
  },
  {
    name: 'export the review report through the save dialog',
    async run({ wb, workspace }) {
      const html = await exportThroughSaveDialog(wb, workspace, 'ML Design: Export Review Report', 'mlsystem.review.html');
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.match(html, /support-request-routing/);
      assert.match(html, /missing-stage/);
    },
  },
  {
    name: 'Review Workspace reviews a design that is not open',
    async run({ wb, workspace }) {
      // A second draft lands on disk, never opened: only the workspace review finds it.
      mkdirSync(join(workspace, 'second-draft'));
      copyFileSync(join(workspace, DRAFT), join(workspace, 'second-draft', 'mlsystem.yaml'));
      const before = await wb.problemCounts();
      assert.ok(before.errors > 0, `the open draft has errors to double: ${before.label}`);
      await wb.runCommand('ML Design: Review Workspace');
      // The copy has the draft's findings: the counts double (the list shows only the rows in view).
      await waitUntil(async () => {
        const after = await wb.problemCounts();
        return after.errors === 2 * before.errors && after.warnings === 2 * before.warnings;
      }, `the second draft's findings too (before: ${before.label})`);
    },
  },
  {
    name: 'a configuration file extends a path; a package it names gets a problem saying why',
    async run({ wb, workspace }) {
      writeFileSync(join(workspace, 'team-policy.yaml'), 'rules:\n  missing-stage: "off"\n');
      writeFileSync(join(workspace, '.mlsystem-review.yaml'), 'extends:\n  - "@acme/ml-review-policy"\n  - ./team-policy.yaml\n');
      await wb.filterProblems('');
      // The path is followed (missing-stage is off); the package is not, and the file says why.
      const rows = await wb.waitForProblems((r) => r.some((p) => p.text.includes('@acme/ml-review-policy')) && !r.some((p) => p.text.includes('missing-stage')),
        'a problem on the package entry, and no missing-stage finding');
      const problem = rows.find((p) => p.text.includes('@acme/ml-review-policy'));
      assert.match(problem.text, /the browser \(vscode\.dev, github\.dev\) has no node_modules to resolve them from; name the configuration file by its path instead/);
      assert.equal(rows.filter((p) => p.text.includes('@acme/ml-review-policy')).length, 1, 'said once');
    },
  },
  {
    name: 'a finding\'s rule id opens the rule\'s page shipped with the extension',
    async run({ wb }) {
      await wb.filterProblems('missing-stage');
      const panel = await wb.openProblems();
      await panel.locator('.monaco-list-row', { hasText: 'missing-stage' }).first().locator('a.monaco-link').click();
      await wb.page.locator('.tabs-container .tab', { hasText: 'missing-stage.md' }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      await wb.filterProblems('');
    },
  },
  {
    name: 'the Getting Started walkthrough opens from Welcome: Open Walkthrough, in English',
    async run({ wb }) {
      await wb.runCommand('Welcome: Open Walkthrough', { opensInput: true });
      const title = 'Get started with ML Design Review';
      const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      await row.click();
      await wb.page.locator('.tabs-container .tab', { hasText: 'Walkthrough: ML System Design Review' }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      const page = wb.page.locator('.gettingStartedContainer');
      for (const step of ['Create a design', 'See the review', 'Fix and waive', 'Open the lifecycle preview', 'Run it in CI']) {
        await page.getByText(step, { exact: true }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      }
      // The first step is open, with its button to the command and its page.
      await page.getByRole('button', { name: 'New Design File' }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      assert.doesNotMatch(await page.innerText(), /%walkthrough\./, 'no manifest key shows instead of its text');
    },
  },
];
