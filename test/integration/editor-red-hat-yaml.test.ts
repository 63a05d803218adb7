/**
 * Living with Red Hat YAML, in a real VS Code. The runner installs a stand-in with its id
 * and its `yaml.validate` setting (test/fixtures/red-hat-yaml) for this suite only. Red Hat
 * YAML validates `mlsystem.yaml` / `*.mlsystem.yaml` with our schema (`yamlValidation`), so
 * our own `schema` findings there are not published while its validation is on; the other
 * rules are, and designs it does not validate (recognised by content) keep everything.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeOf, fixtureUri, ownDiagnostics, waitForDiagnostics } from './helpers';

const FOLDER = 'editor-red-hat-yaml';
const RED_HAT_YAML = 'redhat.vscode-yaml';

// A misspelt key (schema) and no stakeholders (another rule).
const DESIGN = [
  'mlsystem: 1',
  'name: coexistence',
  'business:',
  '  objectives:',
  '    - id: retain',
  '      statement: Keep subscribers.',
  'framing:',
  '  - id: churn-model',
  '    serves: [retain]',
  '    task: binary-classification',
  '    clases: [stays, leaves]',
  '',
].join('\n');

const rulesOf = (diagnostics: vscode.Diagnostic[]) => diagnostics.map(codeOf);

async function openDesign(relativePath: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(`${FOLDER}/${relativePath}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DESIGN));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

describe('editor with Red Hat YAML installed', function () {
  this.timeout(60_000);
  const yaml = () => vscode.workspace.getConfiguration('yaml');

  before(async () => {
    await activeExtension();
    assert.ok(vscode.extensions.getExtension(RED_HAT_YAML), `${RED_HAT_YAML} (the stand-in) is installed for this suite`);
    await vscode.workspace.fs.createDirectory(fixtureUri(FOLDER));
  });

  afterEach(async () => {
    await yaml().update('validate', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('yaml.validate on (its default): no schema finding of ours on a design file, the other rules still', async () => {
    assert.equal(yaml().get('validate'), true, 'the stand-in contributes yaml.validate, on by default');
    const editor = await openDesign('named.mlsystem.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => rulesOf(d).includes('no-stakeholders'));
    assert.ok(!rulesOf(diagnostics).includes('schema'), `no schema finding: ${rulesOf(diagnostics).join(', ')}`);
  });

  it('yaml.validate switched off: our schema findings come back at once, and go again when it is on', async () => {
    const editor = await openDesign('switched.mlsystem.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => rulesOf(d).includes('no-stakeholders') && !rulesOf(d).includes('schema'));
    await yaml().update('validate', false, vscode.ConfigurationTarget.Workspace);
    const shown = await waitForDiagnostics(uri, (d) => rulesOf(d).includes('schema'));
    assert.match(shown.find((d) => codeOf(d) === 'schema')!.message, /clases/);
    assert.ok(rulesOf(shown).includes('no-stakeholders'));
    await yaml().update('validate', true, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (d) => rulesOf(d).includes('no-stakeholders') && !rulesOf(d).includes('schema'));
  });

  it('a design recognised by its content (Red Hat YAML does not validate it) keeps its schema findings', async () => {
    const editor = await openDesign('by-content.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => rulesOf(d).includes('schema'));
    assert.ok(rulesOf(diagnostics).includes('no-stakeholders'));
    assert.ok(ownDiagnostics(editor.document.uri).some((d) => /clases/.test(d.message)));
  });
});
