#!/usr/bin/env node
// `npm run test:e2e`: the user journey (journey.mjs) in code-server, driven through
// Debian's Chromium by playwright-core. Screenshots go to test-results/e2e/.
// Options: --no-package (reuse out/mlsystem-review.vsix), --vsix <file>, --keep, --headed,
// --web (the same VSIX run from its `browser` entry in the browser's web worker extension
// host: web-journey.mjs).
import { cpSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { install } from '../../scripts/code-server/install.mjs';
import { startCodeServer } from '../../scripts/code-server/server.mjs';
import { launchBrowser, openWorkbench } from '../../scripts/code-server/browser.mjs';
import { packageExtension, vsixPath as defaultVsix } from '../../scripts/package.mjs';
import { Workbench } from './workbench.mjs';
import { steps as desktopSteps } from './journey.mjs';
import { steps as webSteps, webSettings } from './web-journey.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    'no-package': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    keep: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
  },
});
const results = join(root, 'test-results', args.web ? 'e2e-web' : 'e2e');
const steps = args.web ? webSteps : desktopSteps;

async function main() {
  install();
  const vsix = args.vsix ? resolve(args.vsix) : args['no-package'] ? defaultVsix : packageExtension();
  rmSync(results, { recursive: true, force: true });
  const scratch = mkdtempSync(join(tmpdir(), 'mlsystem-e2e-'));
  const workspace = join(scratch, 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });

  let server;
  let browser;
  const consoleLines = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    server = await startCodeServer({ folder: workspace, vsixes: [vsix], keep: args.keep, settings: { 'editor.snippetSuggestions': 'top', ...(args.web ? webSettings : {}) } });
    console.log(`code-server ${server.url}`);
    browser = await launchBrowser({ headless: !args.headed });
    const page = await openWorkbench(browser, server.workbenchUrl(workspace));
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const wb = new Workbench(page, results);
    await wb.ready();
    await wb.screenshot('workbench');

    for (const step of steps) {
      if (failed) {
        skipped++;
        console.log(`  skip  ${step.name}`);
        continue;
      }
      const started = Date.now();
      const slug = step.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
      try {
        await step.run({ wb, workspace, server });
        const shot = await wb.screenshot(slug);
        passed++;
        console.log(`  ok    ${step.name} (${Date.now() - started} ms) ${shot.slice(root.length + 1)}`);
      } catch (err) {
        failed++;
        const shot = await wb.screenshot(`FAILED-${slug}`).catch(() => '(no screenshot)');
        console.log(`  FAIL  ${step.name} (${Date.now() - started} ms) ${shot.slice(root.length + 1)}\n        ${String(err?.message || err).split('\n').join('\n        ')}`);
      }
    }
  } finally {
    writeFileSync(join(results, 'browser-console.log'), consoleLines.join('\n') + '\n');
    await browser?.close().catch(() => {});
    if (server && failed) copyFileSync(server.logFile, join(results, 'code-server.log'));
    await server?.stop();
    if (args.keep) console.log(`kept ${scratch}${server ? ` and ${server.base}` : ''}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (screenshots in ${results.slice(root.length + 1)}/)`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err?.stack || String(err));
    console.log('0 passed, 1 failed (the run itself failed)');
    process.exit(1);
  },
);
