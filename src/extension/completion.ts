/**
 * Completion in design documents (computed in src/features/completion.ts): keys the schema
 * allows at the cursor and that are not there yet, enum values, the document's own ids
 * where a value refers to one, and the design snippets. In a YAML configuration file, keys
 * and values from its schema. Other YAML files get nothing from here.
 */
import * as vscode from 'vscode';
import { CONFIG_SCHEMA } from '../engine';
import { designCompletions } from '../features';
import { isYamlConfigFile } from './bundled-files';
import type { BundledFiles } from './bundled-files';
import { toRange } from './convert';
import type { DesignReviews } from './design-reviews';

export { COMPLETION_TRIGGERS } from '../features';

export class DesignCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly reviews: DesignReviews,
    private readonly files: BundledFiles,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const config = isYamlConfigFile(document.uri.path);
    if ((!config && !(await this.reviews.isDesign(document))) || token.isCancellationRequested) return [];
    const snippets = config ? [] : await this.files.designSnippets();
    return designCompletions(document.getText(), position, snippets, config ? CONFIG_SCHEMA : undefined).map((entry) => {
      const item = new vscode.CompletionItem(entry.label, vscode.CompletionItemKind[entry.kind]);
      item.insertText = new vscode.SnippetString(entry.insertText);
      item.range = toRange(entry.range);
      if (entry.detail) item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      if (entry.sortText) item.sortText = entry.sortText;
      return item;
    });
  }
}
