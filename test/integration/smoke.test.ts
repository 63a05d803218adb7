import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, testApi, waitFor } from './helpers';

describe('smoke', () => {
  it(`has the extension ${EXTENSION_ID} installed`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  });

  it('activates when a design file is opened', async () => {
    const editor = await openFixture('mlsystem.yaml');
    assert.match(editor.document.uri.path, /mlsystem\.yaml$/);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(() => ext.isActive, `${EXTENSION_ID} to activate`);
    assert.equal(ext.isActive, true);
  });

  it('runs its desktop entry (main) in the Node extension host, and says so', async () => {
    // The manifest also has a browser entry; on the desktop (and in code-server's server) it is not the one that runs.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.equal((await testApi()).host, 'node');
    assert.ok(ext.packageJSON.browser, 'the manifest carries the browser entry too');
  });
});
