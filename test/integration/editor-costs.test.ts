/**
 * The editor's costs, measured in the real extension host: activation, the time from an
 * edit to updated diagnostics, and the longest the host's thread is blocked while designs
 * are reviewed. The numbers are written beside the suite's results for `npm run bench`
 * (bench/results/editor.json); nothing here fails on a wall-clock number, only on behaviour.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { generateDesign } from '../../bench/designs';
import { WORKER_THRESHOLD_LINES } from '../../src/node/review-runner';
import { testApi, codeOf, ownDiagnostics, waitForDiagnostics } from './helpers';

const costs: Record<string, number | string> = {};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function openUntitledDesign(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  return vscode.window.showTextDocument(document);
}

describe('editor costs (measured, not asserted)', () => {
  after(() => {
    const results = process.env.MLSYSTEM_TEST_RESULTS;
    if (results) writeFileSync(path.join(path.dirname(results), 'editor-costs.json'), JSON.stringify(costs, null, 2));
  });

  it('reports its activation time from the bundle loading to the end of activate()', async () => {
    const { activationMs } = await testApi();
    assert.equal(typeof activationMs, 'number');
    assert.ok(activationMs > 0);
    costs['activation (bundle load + activate)'] = activationMs;
  });

  it('updates diagnostics after each edit (time from the edit, typing delay included)', async () => {
    const editor = await openUntitledDesign(generateDesign(100));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, () => true);
    assert.deepEqual(ownDiagnostics(uri).map(codeOf), []);
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Break, then mend, the first objective's reference: the diagnostics must follow each edit.
      const text = editor.document.getText();
      const broken = i % 2 === 0;
      const from = broken ? 'serves: [objective-0]' : 'serves: [objective-x]';
      const at = text.indexOf(from);
      assert.ok(at >= 0, `the design holds "${from}"`);
      const start = performance.now();
      const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + from.length));
      await editor.edit((b) => b.replace(range, broken ? 'serves: [objective-x]' : 'serves: [objective-0]'));
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-reference') === broken);
      samples.push(performance.now() - start);
    }
    costs['edit to updated diagnostics, median of 7 (includes the 300 ms typing delay)'] = median(samples);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('keeps the host thread free while large designs are reviewed after an edit', async () => {
    for (const lines of [WORKER_THRESHOLD_LINES, 10000]) {
      const editor = await openUntitledDesign(generateDesign(lines));
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, () => true, 60_000);
      assert.deepEqual(ownDiagnostics(uri).map(codeOf), []);
      // Measured from the edit to the updated diagnostics: what typing in the design costs the host.
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      const at = editor.document.getText().indexOf('serves: [objective-0]');
      const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'serves: [objective-0]'.length));
      await editor.edit((b) => b.replace(range, 'serves: [objective-x]'));
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-reference'), 60_000);
      histogram.disable();
      costs[`longest block of the host thread from an edit to updated diagnostics, ${lines}-line design`] = histogram.max / 1e6;
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
