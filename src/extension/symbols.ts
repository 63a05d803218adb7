/** Document symbols for the Outline view and breadcrumbs of design documents. */
import type * as vscode from 'vscode';
import { designSymbols } from '../features';
import { toDocumentSymbol } from './convert';
import type { DesignReviews } from './design-reviews';

export class DesignSymbols implements vscode.DocumentSymbolProvider {
  /** The last answer, by document and version: the Outline view and the breadcrumbs both ask. */
  private last: { uri: string; version: number; symbols: vscode.DocumentSymbol[] } | undefined;

  constructor(private readonly reviews: DesignReviews) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const uri = document.uri.toString();
    const version = document.version;
    if (this.last?.uri === uri && this.last.version === version) return this.last.symbols;
    // The review's own outline: no second parse, and a large design is outlined in the worker.
    const result = await this.reviews.request(document);
    if (!result) return [];
    const symbols = designSymbols(document.getText(), result.outline).map(toDocumentSymbol);
    // Kept only if the document did not change while its review ran.
    if (document.version === version) this.last = { uri, version, symbols };
    return symbols;
  }
}
