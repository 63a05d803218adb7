/**
 * Files shipped in the extension (the JSON Schema, the snippets), read once on first use
 * through `vscode.workspace.fs` so nothing is read at activation.
 */
import * as vscode from 'vscode';
import { SchemaNavigator } from './core/schema-completion';
import type { JsonSchema } from './core/schema-completion';
import { parseSnippetFile } from './core/snippets';
import type { DesignSnippet } from './core/snippets';

export class BundledFiles {
  private schema: Promise<SchemaNavigator> | undefined;
  private snippets: Promise<DesignSnippet[]> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  private async readJson(...segments: string[]): Promise<unknown> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...segments));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  schemaNavigator(): Promise<SchemaNavigator> {
    this.schema ??= this.readJson('schemas', 'mlsystem.schema.json').then(
      (json) => new SchemaNavigator(json as JsonSchema),
      () => new SchemaNavigator({}),
    );
    return this.schema;
  }

  designSnippets(): Promise<DesignSnippet[]> {
    this.snippets ??= this.readJson('snippets', 'mlsystem.json').then(
      (json) => parseSnippetFile(json),
      () => [],
    );
    return this.snippets;
  }
}
