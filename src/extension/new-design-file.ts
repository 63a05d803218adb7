/**
 * "ML Design: New Design File": writes a design skeleton (the `mlsystem-design` snippet
 * with its placeholders filled in) into a folder the user picks, and opens it. It never
 * overwrites a file: it asks for another name, and refuses if one appears meanwhile.
 */
import * as vscode from 'vscode';
import type { BundledFiles } from './bundled-files';
import { snippetToText } from './core/snippets';

export const SKELETON_SNIPPET = 'mlsystem-design';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isValidName(name: string): string | undefined {
  if (!name.trim()) return 'Enter a file name.';
  if (/[\\/]/.test(name)) return 'Enter a name, not a path.';
  if (!/(^|\.)mlsystem\.ya?ml$/i.test(name)) return 'Name it mlsystem.yaml or <name>.mlsystem.yaml, so it is found as a design document.';
  return undefined;
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
      openLabel: 'Create design here',
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    folder = picked?.[0];
    if (!folder) return undefined;
  }
  const target = folder;
  if (!fileName) {
    const suggested = (await exists(vscode.Uri.joinPath(target, 'mlsystem.yaml'))) ? 'new.mlsystem.yaml' : 'mlsystem.yaml';
    fileName = await vscode.window.showInputBox({
      title: 'New ML design file',
      prompt: `File name in ${vscode.workspace.asRelativePath(target)}`,
      value: suggested,
      validateInput: async (name) => isValidName(name) ?? ((await exists(vscode.Uri.joinPath(target, name))) ? `${name} already exists here; choose another name.` : undefined),
    });
    if (!fileName) return undefined;
  }
  const invalid = isValidName(fileName);
  if (invalid) {
    void vscode.window.showErrorMessage(invalid);
    return undefined;
  }
  const uri = vscode.Uri.joinPath(target, fileName);
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists; it was left as it is.`);
    return undefined;
  }
  const snippet = (await files.designSnippets()).find((s) => s.prefix === SKELETON_SNIPPET);
  const name = fileName.replace(/(^|\.)mlsystem\.ya?ml$/i, '') || 'my-ml-system';
  const text = snippet ? snippetToText(snippet.body).replace(/^name: .*$/m, `name: ${name}`) : `mlsystem: 1\nname: ${name}\n`;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  return uri;
}
