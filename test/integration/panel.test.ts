/**
 * The lifecycle preview's host in a real VS Code: the command opens one panel per design
 * whose page loads under its CSP and says ready, the host sends the page each new review
 * and the keys under the cursor, a reveal request from the page selects the source, and
 * the lock holds. Each test writes its own design under `panel-scratch/`, so the shared
 * fixtures stay as they are.
 *
 * The extension host cannot see inside a webview: these tests check what the host sent the
 * page (`forTests.sentState`, `forTests.sentHighlight`), not what the page drew. What the
 * page draws from those messages, and what it does with a click, is tested in Chromium:
 * test/unit/webview-page.test.ts, and the preview in the workbench by test/e2e/journey.mjs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecyclePanel } from '../../src/panel/panel';
import { fixtureUri, testApi, waitFor } from './helpers';

const DESIGN = `mlsystem: 1
name: panel-test
business:
  objectives:
    - id: faster-routing
      statement: Route requests faster.
lifecycle:
  scoping: {status: done, owner: product}
  data_engineering: {status: in-progress}
  monitoring:
    status: planned
    notes: Watch drift.
`;

let counter = 0;
let api: Awaited<ReturnType<typeof testApi>>;

async function openDesign(text = DESIGN): Promise<vscode.TextEditor> {
  const uri = fixtureUri(`panel-scratch/p${++counter}.mlsystem.yaml`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
  await waitFor(() => api.reviews.get(editor.document), `a review of ${uri.path}`);
  return editor;
}

async function openPreview(editor: vscode.TextEditor): Promise<LifecyclePanel> {
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await vscode.commands.executeCommand('mlsystem.openPreviewToSide');
  const panel = await waitFor(() => api.preview.panelsFor(editor.document.uri)[0], 'a preview panel for the design');
  await waitFor(() => panel.forTests.pageReady, 'the page to load its script under the CSP and say ready', 30_000);
  return panel;
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlsystem.lifecycle'));
}

describe('lifecycle preview panel', function () {
  this.timeout(60_000);

  before(async () => {
    api = await testApi();
    assert.ok(api?.preview, 'the extension exposes the preview to its tests');
  });

  afterEach(async () => {
    // Close only loaded pages: a page closed with a request on its way stalls the next
    // webview for 30 s in VS Code for the web (see resourcesLoaded in src/page/main.ts).
    // A hidden panel has no page. One that never loads has failed its own test already.
    const loaded = () => api.preview.forTests.panels.every((p) => !p.panel.visible || p.forTests.pageReady);
    await waitFor(loaded, 'the open preview pages to finish loading').catch(() => undefined);
    for (const p of api.preview.forTests.panels) p.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the design, titled after it, and sends the page the design’s review', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const name = editor.document.uri.path.split('/').pop();
    assert.equal(panel.panel.title, `Lifecycle: ${name}`);
    assert.equal(previewTabs().length, 1, 'one preview tab');
    assert.notEqual(panel.panel.viewColumn, editor.viewColumn, 'to the side of the editor');
    const model = panel.forTests.sentState?.model;
    assert.ok(model);
    assert.equal(model.name, 'panel-test');
    assert.deepEqual(
      model.stages.map((s) => `${s.id}:${s.present ? (s.status ?? 'unset') : 'missing'}`),
      ['scoping:done', 'data_engineering:in-progress', 'model_development:missing', 'deployment:missing', 'monitoring:planned', 'business_analysis:missing'],
    );
  });

  it('reuses the panel when opened again for the same design', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('mlsystem.openPreview');
    assert.deepEqual(api.preview.panelsFor(editor.document.uri), [panel]);
    assert.equal(previewTabs().length, 1);
  });

  it('sends the open page the edited review, without reloading the page', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('data_engineering'));
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, '  data_engineering: {status: blocked, owner: data-eng}'));
    const stage = await waitFor(
      () => panel.forTests.sentState?.model.stages.find((s) => s.id === 'data_engineering' && s.status === 'blocked'),
      'the page to be sent the edited stage',
    );
    assert.equal(stage.owner, 'data-eng');
    assert.ok(panel.forTests.pageReady, 'the same page, still loaded');
  });

  it('reveals the source of what the page asks for, selecting it in the editor', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const monitoring = panel.forTests.sentState!.model.stages.find((s) => s.id === 'monitoring')!;
    await panel.receive({ type: 'reveal', key: 'stage:monitoring', range: monitoring.range });
    const active = await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.toString() === editor.document.uri.toString() && e.selection.start.line === monitoring.range.start.line ? e : undefined;
      },
      'the editor to select the monitoring stage',
    );
    assert.equal(active.document.getText(active.selection), 'monitoring');
    assert.equal(active.viewColumn, editor.viewColumn, 'in the design’s own editor, not over the panel');

    await panel.receive({ type: 'reveal', key: 'x', range: { start: { line: -3, character: 0 }, end: { line: 0, character: 0 } } });
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, monitoring.range.start.line, 'a malformed request is ignored');
  });

  it('with the preview over the design in one group (Ctrl+Shift+V), a click reveals the design\'s editor there, not a copy', async () => {
    const editor = await openDesign();
    await vscode.commands.executeCommand('mlsystem.openPreview');
    const panel = await waitFor(() => api.preview.panelsFor(editor.document.uri)[0], 'a preview panel for the design');
    await waitFor(() => panel.forTests.pageReady, 'the page to load its script under the CSP and say ready', 30_000);
    assert.equal(panel.panel.viewColumn, editor.viewColumn, 'the preview opened in the design\'s group');
    const monitoring = panel.forTests.sentState!.model.stages.find((s) => s.id === 'monitoring')!;
    await panel.receive({ type: 'reveal', key: 'stage:monitoring', range: monitoring.range });
    await waitFor(() => vscode.window.activeTextEditor?.selection.start.line === monitoring.range.start.line, 'the editor to select the monitoring stage');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === editor.document.uri.toString());
    assert.equal(tabs.length, 1, 'one editor of the design');
    assert.equal(vscode.window.activeTextEditor?.viewColumn, editor.viewColumn);
  });

  it('sends the page the key of the section that holds the cursor', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('notes: Watch drift.'));
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const shown = vscode.window.activeTextEditor!;
    shown.selection = new vscode.Selection(line, 6, line, 6);
    await waitFor(() => panel.forTests.sentHighlight.join() === 'stage:monitoring', 'the monitoring stage’s key to be sent');
    shown.selection = new vscode.Selection(1, 2, 1, 2);
    await waitFor(() => panel.forTests.sentHighlight.length === 0, 'no key to be sent outside every section');
  });

  it('locks on its design, and an unlocked panel follows the active design editor', async () => {
    const first = await openDesign();
    const panel = await openPreview(first);
    const second = await openDesign(DESIGN.replace('panel-test', 'second-design'));
    await waitFor(() => panel.uri.toString() === second.document.uri.toString() && panel.forTests.sentState?.model.name === 'second-design', 'the unlocked panel to follow the second design and send its review');

    await vscode.commands.executeCommand('mlsystem.togglePreviewLock');
    await waitFor(() => panel.locked, 'the panel to lock');
    assert.match(panel.panel.title, /^Lifecycle \(locked\): /);
    await vscode.window.showTextDocument(first.document, vscode.ViewColumn.One);
    // A locked panel stays: opening the first design's preview makes a second panel.
    await vscode.commands.executeCommand('mlsystem.openPreviewToSide');
    await waitFor(() => api.preview.panelsFor(first.document.uri).length === 1, 'a panel for the first design');
    assert.equal(panel.uri.toString(), second.document.uri.toString(), 'the locked panel still shows the second design');
  });
  it('exports the diagram as a standalone SVG to the file a caller names, replacing it', async () => {
    const design = fixtureUri('mlsystem.yaml');
    const target = fixtureUri(`panel-scratch/export-${++counter}.svg`);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('an older export'));
    // (design, target): no save dialog; the caller chose the file, so it is replaced.
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlsystem.exportDiagram', design, target);
    assert.equal(written?.toString(), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'an XML declaration, then the root <svg> with its namespace');
    assert.match(svg, /<\/svg>\n$/);
    assert.ok(!svg.includes('var(--'), 'no VS Code theme variables: the file is viewed outside VS Code');
    assert.match(svg, /<style>[^<]*\.stage-box[^{]*\{fill:#[0-9a-f]{6}/, 'its own colours, embedded');
    assert.match(svg, /class="heading"[^>]*>support-request-routing<\/text>/, 'the design’s name as the heading');
    const stages = [
      ['scoping', 'Scoping: done'],
      ['data_engineering', 'Data engineering: done'],
      ['model_development', 'Model development: in progress'],
      ['deployment', 'Deployment: planned'],
      ['monitoring', 'Monitoring and continual learning: planned'],
      ['business_analysis', 'Business analysis: planned'],
    ];
    for (const [id, title] of stages) {
      assert.match(svg, new RegExp(`<g class="stage [^"]*" data-key="stage:${id}"><title>${title}`), `the ${id} stage, with its status`);
    }

    // No design argument: the active design editor's design.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(design));
    const second = fixtureUri(`panel-scratch/export-${++counter}.svg`);
    assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('mlsystem.exportDiagram', undefined, second))?.toString(), second.toString());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(second)), svg, 'the same diagram');
  });

  it('exports the review report, the page the CLI writes, to the file a caller names', async () => {
    const design = fixtureUri('mlsystem.yaml');
    const target = fixtureUri(`panel-scratch/report-${++counter}.html`);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlsystem.exportReport', design, target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /<h1>Design review: support-request-routing<\/h1>/);
    assert.match(html, /reviewed on <time datetime="\d{4}-\d{2}-\d{2}">/);
    assert.match(html, /<section class="diagram"[\s\S]*<svg /, 'the lifecycle diagram');
    assert.doesNotMatch(html, /<script/i);
  });
});
