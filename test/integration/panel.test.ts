/**
 * The lifecycle preview in a real VS Code: the command opens one panel per design whose
 * page loads under its CSP and says ready, an edit reaches the open page, a reveal request
 * from the page selects the source, and the cursor highlights its section. Each test
 * writes its own design under `panel-scratch/`, so the shared fixtures stay as they are.
 * (What the page does with a click is tested in Chromium: test/unit/webview-page.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlsystemReviewApi } from '../../src/extension/extension';
import type { LifecyclePanel } from '../../src/webview/panel';
import { activeExtension, fixtureUri, waitFor } from './helpers';

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
let api: MlsystemReviewApi;

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
  await waitFor(() => panel.isReady, 'the page to load its script under the CSP and say ready', 30_000);
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
    api = (await activeExtension()).exports as MlsystemReviewApi;
    assert.ok(api?.preview, 'the extension API exposes the preview');
  });

  afterEach(async () => {
    for (const p of api.preview.all()) p.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the design, titled after it, drawn from its review', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const name = editor.document.uri.path.split('/').pop();
    assert.equal(panel.panel.title, `Lifecycle: ${name}`);
    assert.equal(previewTabs().length, 1, 'one preview tab');
    assert.notEqual(panel.panel.viewColumn, editor.viewColumn, 'to the side of the editor');
    const model = panel.lastState?.model;
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

  it('updates the open page after an edit, without reloading it', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('data_engineering'));
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, '  data_engineering: {status: blocked, owner: data-eng}'));
    const stage = await waitFor(
      () => panel.lastState?.model.stages.find((s) => s.id === 'data_engineering' && s.status === 'blocked'),
      'the page to be sent the edited stage',
    );
    assert.equal(stage.owner, 'data-eng');
    assert.ok(panel.isReady, 'the same page, still loaded');
  });

  it('reveals the source of what the page asks for, selecting it in the editor', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const monitoring = panel.lastState!.model.stages.find((s) => s.id === 'monitoring')!;
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

  it('highlights the section that holds the cursor', async () => {
    const editor = await openDesign();
    const panel = await openPreview(editor);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('notes: Watch drift.'));
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const shown = vscode.window.activeTextEditor!;
    shown.selection = new vscode.Selection(line, 6, line, 6);
    await waitFor(() => panel.lastHighlight.join() === 'stage:monitoring', 'the monitoring stage to be highlighted');
    shown.selection = new vscode.Selection(1, 2, 1, 2);
    await waitFor(() => panel.lastHighlight.length === 0, 'the highlight to clear outside every section');
  });

  it('locks on its design, and an unlocked panel follows the active design editor', async () => {
    const first = await openDesign();
    const panel = await openPreview(first);
    const second = await openDesign(DESIGN.replace('panel-test', 'second-design'));
    await waitFor(() => panel.uri.toString() === second.document.uri.toString() && panel.lastState?.model.name === 'second-design', 'the unlocked panel to follow the second design');

    await vscode.commands.executeCommand('mlsystem.togglePreviewLock');
    await waitFor(() => panel.locked, 'the panel to lock');
    assert.match(panel.panel.title, /^Lifecycle \(locked\): /);
    await vscode.window.showTextDocument(first.document, vscode.ViewColumn.One);
    // A locked panel stays: opening the first design's preview makes a second panel.
    await vscode.commands.executeCommand('mlsystem.openPreviewToSide');
    await waitFor(() => api.preview.panelsFor(first.document.uri).length === 1, 'a panel for the first design');
    assert.equal(panel.uri.toString(), second.document.uri.toString(), 'the locked panel still shows the second design');
  });
});
