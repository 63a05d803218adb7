/**
 * A team's review policy in a real VS Code: a configuration that extends a path and an
 * installed package gets the same findings in the editor as on the command line, checks
 * are diagnostics with their id and docs link, counted in the status bar, waivable in the
 * document; an invalid configuration is an error diagnostic on the configuration file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { run } from '../../src/cli/run';
import { activeExtension, codeOf, fixtureUri, ownDiagnostics, testApi, waitFor, waitForDiagnostics } from './helpers';

const FOLDER = 'editor-policy';

async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(`${FOLDER}/${relativePath}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

const PACKAGE_POLICY = [
  'checks:',
  '  acme/fairness:',
  '    severity: error',
  '    message: A credit decision needs a fairness metric.',
  '    docs: https://wiki.example/ml-review#fairness',
  '    given: framing[*]',
  '    where: {task: binary-classification}',
  '    require: [x-fairness]',
  '',
].join('\n');

const LOCAL_POLICY = [
  'checks:',
  '  team/metric-names:',
  '    given: framing[*].metrics[*].name',
  '    pattern: "^[a-z0-9 @%._-]+$"',
  '',
].join('\n');

const DESIGN = [
  'mlsystem: 1',
  'name: loans',
  'business:',
  '  objectives:',
  '    - id: fewer-defaults',
  '      statement: Fewer defaults.',
  '      metric: default rate',
  '      target: 2%',
  'framing:',
  '  - id: approval',
  '    serves: [fewer-defaults]',
  '    task: binary-classification',
  '    inputs: Application.',
  '    outputs: Approve or refer.',
  '    objective: Log loss.',
  '    metrics:',
  '      - name: AUC',
  '        moves: fewer-defaults',
  '',
].join('\n');

describe('team review policy', function () {
  this.timeout(60_000);

  before(async () => {
    await activeExtension();
    await writeFile('node_modules/@acme/policy/package.json', JSON.stringify({ name: '@acme/policy', version: '1.0.0', 'mlsystem-review': 'policy.yaml' }));
    await writeFile('node_modules/@acme/policy/policy.yaml', PACKAGE_POLICY);
    await writeFile('policies/local.yaml', LOCAL_POLICY);
    await writeFile('.mlsystem-review.yaml', 'extends:\n  - ./policies/local.yaml\n  - "@acme/policy"\n');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives the same findings as the command line, with the check id as code linked to its docs', async () => {
    const uri = await writeFile('loans.mlsystem.yaml', DESIGN);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'acme/fairness') && d.some((x) => codeOf(x) === 'team/metric-names'));

    const fairness = diagnostics.find((d) => codeOf(d) === 'acme/fairness')!;
    assert.equal(fairness.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(fairness.range.start.line, 9, 'on the framing\'s first line');
    assert.equal(typeof fairness.code === 'object' && fairness.code.target.toString(), 'https://wiki.example/ml-review#fairness');

    let stdout = '';
    const code = run(['--format', 'json', uri.fsPath], { cwd: fixtureUri(FOLDER).fsPath, env: {}, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
    assert.equal(code, 1);
    const cli = (JSON.parse(stdout) as { findings: { rule: string; message: string; range: { start: { line: number; character: number } } }[] }[])[0].findings;
    const fromCli = cli.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`).sort();
    const fromEditor = ownDiagnostics(uri).map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    assert.deepEqual(fromEditor, fromCli);

    // Counted in the status bar like any finding.
    const { status } = await testApi();
    const errors = ownDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    await waitFor(() => status.forTests.tooltip.includes(`Problems: ${errors} error(s)`) && editor, 'the status bar to count the check\'s error');
  });

  it('a waiver in the document silences a check; one naming an undefined check is unknown-reference', async () => {
    const waived = `${DESIGN}waivers:\n  - rule: acme/fairness\n    target: framing.approval\n    reason: out-of-scope\n  - rule: acme/nothing\n    reason: other\n`;
    const uri = await writeFile('waived.mlsystem.yaml', waived);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'team/metric-names'));
    assert.ok(!diagnostics.some((d) => codeOf(d) === 'acme/fairness'), 'waived');
    const unknown = diagnostics.filter((d) => codeOf(d) === 'unknown-reference');
    assert.deepEqual(unknown.map((d) => d.range.start.line), [waived.split('\n').findIndex((l) => l.includes('acme/nothing'))]);
  });

  it('an invalid configuration is one error diagnostic on the configuration file, naming the check', async () => {
    const config = await writeFile('broken/.mlsystem-review.yaml', 'checks:\n  acme/x:\n    given: name\n    pattern: "(?=a)"\n');
    await writeFile('broken/x.mlsystem.yaml', DESIGN);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config));
    const problems = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(config).filter((d) => d.source === 'mlsystem-review config');
      return found.length ? found : undefined;
    }, 'a diagnostic on the configuration file');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0].message, /^check "acme\/x": the pattern "\(\?=a\)" uses a lookahead or lookbehind/);
    assert.equal(problems[0].range.start.line, 3, 'on the pattern');
  });

  it('completion and hover in a YAML configuration file come from its schema', async () => {
    const uri = await writeFile('completion/.mlsystem-review.yaml', 'checks:\n  acme/x:\n    given: name\n    \n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 4));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const field of ['require', 'pattern', 'answered', 'where']) assert.ok(labels.includes(field), `${field} in ${JSON.stringify(labels)}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /A path to the values the check asks about/);
    assert.ok(editor);
  });
});
