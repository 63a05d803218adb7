/**
 * Files shipped in the extension beside the bundle (the snippets), read once on first use
 * through `vscode.workspace.fs` so nothing is read at activation. The JSON Schema is not
 * among them: the engine bundles it.
 */
import * as vscode from 'vscode';
import { isConfigFileName } from '../engine';
import { parseSnippetFile } from '../features';
import type { DesignSnippet } from '../features';

/** A YAML configuration file (the JSON one gets VS Code's own JSON support from `jsonValidation`). */
export function isYamlConfigFile(path: string): boolean {
  return isConfigFileName(path) && !path.endsWith('.json');
}

export class BundledFiles {
  private snippets: Promise<DesignSnippet[]> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  private async readJson(...segments: string[]): Promise<unknown> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...segments));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  designSnippets(): Promise<DesignSnippet[]> {
    this.snippets ??= this.readJson('snippets', 'mlsystem.json').then(
      (json) => parseSnippetFile(json),
      () => [],
    );
    return this.snippets;
  }
}
