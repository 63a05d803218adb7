/**
 * "ML Design: New Design File": writes a design skeleton (the `mlsystem-design` snippet
 * with its placeholders filled in) into a folder the user picks, and opens it. It never
 * overwrites a file: it asks for another name, and the create itself refuses an existing file.
 */
import * as vscode from 'vscode';
import type { BundledFiles } from './bundled-files';
import { notifications } from './notifications';
import { invalidFileName, notCreatedMessage, skeletonText } from './core/new-design';

export const SKELETON_SNIPPET = 'mlsystem-design';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param folder where to write (asked when omitted).
 * @param fileName the file name (asked when omitted).
 * @returns the new file, or undefined when the user cancelled or the name was taken.
 */
export async function newDesignFile(files: BundledFiles, folder?: vscode.Uri, fileName?: string): Promise<vscode.Uri | undefined> {
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Create design here'),
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    folder = picked?.[0];
    if (!folder) return undefined;
  }
  const target = folder;
  if (!fileName) {
    const suggested = (await exists(vscode.Uri.joinPath(target, 'mlsystem.yaml'))) ? 'new.mlsystem.yaml' : 'mlsystem.yaml';
    fileName = await vscode.window.showInputBox({
      title: vscode.l10n.t('New ML design file'),
      prompt: vscode.l10n.t('File name in {0}', vscode.workspace.asRelativePath(target)),
      value: suggested,
      validateInput: async (name) => invalidFileName(name) ?? ((await exists(vscode.Uri.joinPath(target, name))) ? vscode.l10n.t('{0} already exists here; choose another name.', name) : undefined),
    });
    if (!fileName) return undefined;
  }
  const invalid = invalidFileName(fileName);
  if (invalid) {
    void notifications.show('error', invalid);
    return undefined;
  }
  const uri = vscode.Uri.joinPath(target, fileName);
  const snippet = (await files.designSnippets()).find((s) => s.prefix === SKELETON_SNIPPET);
  const text = skeletonText(snippet?.body, fileName);
  // One create that refuses an existing file, rather than a check and then a write: a file
  // that appears in between (another window, a git checkout) is never overwritten.
  const create = new vscode.WorkspaceEdit();
  create.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(create))) {
    void notifications.show('error', notCreatedMessage(vscode.workspace.asRelativePath(uri), await exists(uri)));
    return undefined;
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

