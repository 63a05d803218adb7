/**
 * The editor's costs, measured in the real extension host: activation, the time from an
 * edit to updated diagnostics, and the longest the host's thread is blocked while designs
 * are reviewed. The numbers are written beside the suite's results for `npm run bench`
 * (bench/results/editor.json); nothing here fails on a wall-clock number, only on behaviour.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { generateDesign, generateDraft } from '../../bench/designs';
import { WORKER_THRESHOLD_LINES } from '../../src/node/review-runner';
import { testApi, codeOf, fixtureUri, ownDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const costs: Record<string, number | string> = {};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** The host thread's own CPU time so far, in ms (Linux's schedstat); undefined where there is none. */
function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * The longest the host's thread was blocked while `action` ran, in ms: the event loop's
 * longest delay (wall clock), and the most CPU time the thread spent between two ticks of
 * a 1 ms timer (its own time on the CPU: on a loaded machine the wall clock also counts
 * the time the system gave other processes).
 */
async function longestBlockMs(action: () => Promise<void>): Promise<{ wall: number; cpu: number | undefined }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = threadCpuMs();
  let cpu = last === undefined ? undefined : 0;
  let ticked: (() => void) | undefined;
  const ticks = setInterval(() => {
    const now = threadCpuMs();
    if (now !== undefined && last !== undefined && cpu !== undefined) cpu = Math.max(cpu, now - last);
    last = now;
    ticked?.();
  }, 1);
  histogram.enable();
  try {
    await action();
    // A block just before the action ended is counted by the tick after it.
    await new Promise<void>((resolve) => (ticked = resolve));
  } finally {
    histogram.disable();
    clearInterval(ticks);
  }
  return { wall: histogram.max / 1e6, cpu };
}

function record(what: string, block: { wall: number; cpu: number | undefined }): void {
  costs[`${what} (wall clock)`] = block.wall;
  if (block.cpu !== undefined) costs[`${what} (the thread's CPU time)`] = block.cpu;
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

  it('keeps the host thread free while designs are reviewed, outlined and fixed after an edit', async () => {
    const { reviews } = await testApi();
    const designs: [string, string][] = [
      [`${WORKER_THRESHOLD_LINES}-line design (the largest reviewed on the host's thread)`, generateDesign(WORKER_THRESHOLD_LINES)],
      ['1000-line design', generateDesign(1000)],
      ['10000-line design', generateDesign(10000)],
      ['10000-line draft (996 findings)', generateDraft(10000)],
    ];
    for (const [i, [name, text]] of designs.entries()) {
      // A file of its own for each design: an untitled document may reuse the name of the one closed before it.
      const file = fixtureUri(`editor-costs-scratch/design-${i}.mlsystem.yaml`);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      const uri = editor.document.uri;
      await waitFor(() => reviews.latestReview(editor.document)?.version === editor.document.version, 'the first review', 60_000);
      // What the first review brings about (the breadcrumbs' outline) is done before the edit.
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      const before = ownDiagnostics(uri);
      assert.ok(!before.some((d) => codeOf(d) === 'unknown-reference'));
      const at = editor.document.getText().indexOf('serves: [objective-0]');
      const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'serves: [objective-0]'.length));
      // From the edit to the updated diagnostics: what typing in the design costs the host.
      const edit = await longestBlockMs(async () => {
        await editor.edit((b) => b.replace(range, 'serves: [objective-x]'));
        const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-reference'), 60_000);
        assert.ok(diagnostics.length > before.length);
      });
      record(`longest block of the host thread from an edit to updated diagnostics, ${name}`, edit);
      // The Outline's symbols of the edited version (the breadcrumbs may have asked already); the test's own copy of them is in this number.
      const outline = await longestBlockMs(async () => {
        await waitFor(async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri))?.some((s) => s.name === 'business'), 'the outline of the edited design', 60_000);
      });
      record(`longest block of the host thread while the Outline is listed (the test's own copy of it included), ${name}`, outline);
      // The quick fixes of one finding: its fixes are built where the review ran.
      const broken = ownDiagnostics(uri).find((d) => codeOf(d) === 'unknown-reference')!;
      const fixes = await longestBlockMs(async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, broken.range, vscode.CodeActionKind.QuickFix.value);
        assert.ok(actions.some((a) => a.title.startsWith('Waive unknown-reference')), `the quick fixes of the finding: ${actions.map((a) => a.title).join('; ')}`);
      });
      record(`longest block of the host thread while a finding's quick fixes are listed, ${name}`, fixes);
      // Fix-all (on save, "Fix All"): every safe fix, round after round, where the reviews run.
      const fixAll = await longestBlockMs(async () => {
        const everything = new vscode.Range(0, 0, editor.document.lineCount, 0);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, everything, 'source.fixAll.mlsystem');
        if (name.includes('draft')) assert.ok(actions.some((a) => a.title.startsWith('Fix all')), `fix-all is offered: ${actions.map((a) => a.title).join('; ')}`);
      });
      record(`longest block of the host thread while fix-all is computed, ${name}`, fixAll);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // Other suites review the workspace: these designs are not theirs.
    await vscode.workspace.fs.delete(fixtureUri('editor-costs-scratch'), { recursive: true });
  });
});
