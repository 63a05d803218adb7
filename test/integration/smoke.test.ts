import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor } from './helpers';

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
});
