/**
 * Settings and the config file in a real VS Code: rule severities (settings win over the
 * file, rule by rule), extra file patterns, review on save, and large designs (reviewed
 * in the worker thread).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, testApi, codeOf, fixtureUri, ownDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const FOLDER = 'editor-settings';

async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(`${FOLDER}/${relativePath}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

const DESIGN = [
  'mlsystem: 1',
  'name: settings',
  'business:',
  '  objectives:',
  '    - id: retain',
  '      statement: Keep subscribers.',
  '      metric: churn rate',
  '      target: 3%',
  'framing:',
  '  - id: churn-model',
  '    serves: [retain]',
  '    task: binary-classification',
  '    inputs: Usage history.',
  '    outputs: Probability of cancelling.',
  '    objective: Log loss.',
  '',
].join('\n');

const severityOf = (diagnostics: vscode.Diagnostic[], rule: string) => diagnostics.find((d) => codeOf(d) === rule)?.severity;

describe('editor settings', function () {
  this.timeout(60_000);
  const settings = () => vscode.workspace.getConfiguration('mlsystem');

  before(async () => {
    await activeExtension();
    await vscode.workspace.fs.createDirectory(fixtureUri(`${FOLDER}/plain`));
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments) if (document.isDirty && !document.isUntitled) await document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('files', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('review.trigger', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('mlsystem.rules turns a rule off and changes a severity, for open designs at once', async () => {
    const editor = await open(await writeFile('rules.mlsystem.yaml', DESIGN));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => severityOf(d, 'no-stakeholders') === vscode.DiagnosticSeverity.Information);
    await settings().update('rules', { 'no-stakeholders': 'error', 'missing-stage': 'off' }, vscode.ConfigurationTarget.Workspace);
    const after = await waitForDiagnostics(uri, (d) => severityOf(d, 'no-stakeholders') === vscode.DiagnosticSeverity.Error);
    assert.ok(!after.some((d) => codeOf(d) === 'missing-stage'), 'missing-stage is off');
  });

  it('the nearest config file sets severities and patterns; settings win rule by rule', async () => {
    await writeFile('.mlsystem-review.json', JSON.stringify({ rules: { 'no-stakeholders': 'error', 'missing-pillar': 'info' }, files: ['plain/*.yaml'] }));
    // No `mlsystem:` key and no design name: a design only because of the file's pattern.
    const plain = await writeFile('plain/by-pattern.yaml', DESIGN.replace('mlsystem: 1\n', ''));
    const editor = await open(plain);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0);
    assert.equal(severityOf(diagnostics, 'no-stakeholders'), vscode.DiagnosticSeverity.Error);
    assert.equal(severityOf(diagnostics, 'missing-pillar'), vscode.DiagnosticSeverity.Information);
    assert.ok(diagnostics.some((d) => codeOf(d) === 'schema' && /mlsystem/.test(d.message)), 'the missing format version is reported');

    await settings().update('rules', { 'no-stakeholders': 'warning' }, vscode.ConfigurationTarget.Workspace);
    const merged = await waitForDiagnostics(editor.document.uri, (d) => severityOf(d, 'no-stakeholders') === vscode.DiagnosticSeverity.Warning);
    assert.equal(severityOf(merged, 'missing-pillar'), vscode.DiagnosticSeverity.Information, 'the file still decides rules the settings do not name');
    await vscode.workspace.fs.delete(fixtureUri(`${FOLDER}/.mlsystem-review.json`));
  });

  it('mlsystem.files adds designs by glob pattern', async () => {
    await settings().update('files', [`${FOLDER}/plain/*-design.yml`], vscode.ConfigurationTarget.Workspace);
    const editor = await open(await writeFile('plain/extra-design.yml', DESIGN.replace('mlsystem: 1\n', '')));
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'missing-pillar'));
  });

  it('review on save: typing does not review until the file is saved, then the diagnostics follow the saved text', async () => {
    const { reviews } = await testApi();
    const addStakeholders = async (editor: vscode.TextEditor): Promise<boolean> => {
      // Our listener was registered at activation, before this one: when this one runs,
      // the extension has already decided whether the change starts a review.
      const changed = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document === editor.document && e.contentChanges.length) {
            sub.dispose();
            resolve();
          }
        });
      });
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'stakeholders:\n  - name: Support lead\n')));
      await changed;
      return reviews.forTests.isReviewing(editor.document);
    };
    const settled = async (editor: vscode.TextEditor) => {
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'no-stakeholders'));
      await waitFor(() => !reviews.forTests.isReviewing(editor.document), 'the first review to finish');
    };

    // On type (the default), the same edit starts a review: the probe can tell the two apart.
    const typed = await open(await writeFile('on-type.mlsystem.yaml', DESIGN));
    await settled(typed);
    assert.equal(await addStakeholders(typed), true, 'on type: a review is scheduled');
    await waitForDiagnostics(typed.document.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'no-stakeholders'));

    await settings().update('review.trigger', 'onSave', vscode.ConfigurationTarget.Workspace);
    const editor = await open(await writeFile('on-save.mlsystem.yaml', DESIGN));
    const uri = editor.document.uri;
    await settled(editor);
    assert.equal(await addStakeholders(editor), false, 'on save: typing schedules no review');
    assert.ok(editor.document.isDirty);
    assert.ok((reviews.latestReview(editor.document)?.version ?? Infinity) < editor.document.version, 'the latest review is of the text before the edit');
    assert.ok(ownDiagnostics(uri).some((d) => codeOf(d) === 'no-stakeholders'), 'the diagnostics still show the saved text');

    await editor.document.save();
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'no-stakeholders'));
    assert.equal(reviews.latestReview(editor.document)?.version, editor.document.version);
  });

  it('a large design (over 2,000 lines: reviewed off the host thread) gets all its diagnostics', async () => {
    const objectives = Array.from({ length: 450 }, (_, i) => `    - id: objective-${i}\n      statement: Objective ${i}.\n      metric: m${i}\n      target: t${i}\n      kind: cost`).join('\n');
    const text = DESIGN.replace('  objectives:\n', `  objectives:\n${objectives}\n`);
    assert.ok(text.split('\n').length > 2000);
    const editor = await open(await writeFile('large.mlsystem.yaml', text));
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'unframed-objective').length === 450, 30_000);
    const last = diagnostics.filter((d) => codeOf(d) === 'unframed-objective').pop()!;
    assert.match(editor.document.lineAt(last.range.start.line).text, /- id: objective-449$/);
  });
});
