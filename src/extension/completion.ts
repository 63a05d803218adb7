/**
 * Completion in design documents: keys the schema allows at the cursor and that are not
 * there yet, enum values, the document's own ids where a value refers to one, and the
 * design snippets. In a YAML configuration file, keys and values from its schema. Other
 * YAML files get nothing from here.
 */
import * as vscode from 'vscode';
import { CONFIG_SCHEMA } from '../engine';
import { isYamlConfigFile } from './bundled-files';
import type { BundledFiles } from './bundled-files';
import { completionEntries } from './core/schema-completion';
import type { CompletionEntry } from './core/schema-completion';
import { cursorContext } from './core/yaml-cursor';
import type { DesignReviews } from './design-reviews';

const KINDS: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
};

export const COMPLETION_TRIGGERS = [' ', ',', '-', '['];

export class DesignCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly reviews: DesignReviews,
    private readonly files: BundledFiles,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const config = isYamlConfigFile(document.uri.path);
    if ((!config && !(await this.reviews.isDesign(document))) || token.isCancellationRequested) return [];
    const text = document.getText();
    const cursor = cursorContext(text, document.offsetAt(position));
    if (!cursor) return [];
    const replace = new vscode.Range(document.positionAt(cursor.wordStart), document.positionAt(cursor.wordEnd));
    const items: vscode.CompletionItem[] = [];
    for (const entry of completionEntries(cursor, config ? CONFIG_SCHEMA : undefined)) {
      const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
      item.insertText = new vscode.SnippetString(entry.insertText);
      item.range = replace;
      if (entry.detail) item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      if (entry.sortText) item.sortText = entry.sortText;
      items.push(item);
    }
    // Snippets start a line: offered where a key or a new list item goes.
    const lineBefore = document.lineAt(position.line).text.slice(0, document.positionAt(cursor.wordStart).character);
    if (!config && cursor.kind !== 'value' && /^\s*(-\s+)?$/.test(lineBefore)) {
      for (const snippet of await this.files.designSnippets()) {
        const item = new vscode.CompletionItem(snippet.prefix, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(snippet.body);
        item.detail = snippet.description;
        item.documentation = new vscode.MarkdownString().appendCodeblock(snippet.body.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+/g, (_m, choice: string | undefined, label: string | undefined) => choice ?? label ?? ''), 'yaml');
        item.range = replace;
        item.sortText = `~${snippet.prefix}`;
        items.push(item);
      }
    }
    return items;
  }
}
