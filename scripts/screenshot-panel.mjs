#!/usr/bin/env node
// Regenerates docs/images/lifecycle-preview.png for the README: the example design open
// in a real VS Code (code-server, with the packaged extension), the lifecycle preview
// beside it, the cursor in a stage so its highlight shows. Drives Debian's Chromium through
// the same harness as the end-to-end tests.
// Options: --no-package (reuse out/mlsystem-review.vsix), --out <png>, --keep.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { install } from './code-server/install.mjs';
import { startCodeServer } from './code-server/server.mjs';
import { launchBrowser, openWorkbench } from './code-server/browser.mjs';
import { packageExtension, vsixPath as defaultVsix } from './package.mjs';
import { Workbench, waitUntil } from '../test/e2e/workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    'no-package': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'docs', 'images', 'lifecycle-preview.png') },
    keep: { type: 'boolean', default: false },
  },
});

async function main() {
  install();
  const vsix = args['no-package'] ? defaultVsix : packageExtension();
  const scratch = mkdtempSync(join(tmpdir(), 'mlsystem-screenshot-'));
  const workspace = join(scratch, 'support-routing');
  cpSync(join(root, 'examples', 'support-routing'), workspace, { recursive: true });
  let server;
  let browser;
  try {
    server = await startCodeServer({
      folder: workspace,
      vsixes: [vsix],
      keep: args.keep,
      settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.zoomLevel': 0 },
    });
    browser = await launchBrowser();
    const page = await openWorkbench(browser, server.workbenchUrl(workspace), { viewport: { width: 1600, height: 960 } });
    const wb = new Workbench(page, join(scratch, 'shots'));
    await wb.ready();
    await wb.openFile('mlsystem.yaml');
    // The editor title button appears once the design is reviewed (the `mlsystem.isDesign` context).
    const button = page.locator('.editor-actions .action-label[aria-label^="ML Design: Open Lifecycle Preview to the Side"], .editor-actions .action-label[aria-label^="Open Lifecycle Preview to the Side"]').first();
    await button.waitFor({ state: 'visible', timeout: 60_000 });
    await button.click();
    const frame = await wb.webviewFrame(/Lifecycle/);
    await frame.locator('#diagram [data-key="stage:model_development"]').waitFor({ timeout: 30_000 });
    // Put the cursor in the model development stage so the picture shows the highlight.
    await wb.focusEditor();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('model_development:');
    await page.keyboard.press('Escape');
    await page.locator('.editor-widget.find-widget.visible').waitFor({ state: 'detached', timeout: 30_000 });
    await waitUntil(
      () => frame.locator('#diagram [data-key="stage:model_development"].highlighted').count(),
      'the model development stage to be highlighted',
    );
    await page.mouse.move(0, 0);
    mkdirSync(dirname(args.out), { recursive: true });
    await page.screenshot({ path: args.out });
    console.log(`wrote ${args.out}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (args.keep) console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err?.stack || String(err));
    process.exit(1);
  },
);
