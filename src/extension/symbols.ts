/** Document symbols for the Outline view and breadcrumbs of design documents. */
import * as vscode from 'vscode';
import type { OutlineKind, OutlineNode } from '../engine';
import type { DesignReviews } from './design-reviews';

const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  objective: vscode.SymbolKind.Event,
  framing: vscode.SymbolKind.Function,
  metric: vscode.SymbolKind.Number,
  pillar: vscode.SymbolKind.Struct,
  stage: vscode.SymbolKind.EnumMember,
  stakeholder: vscode.SymbolKind.Object,
  waiver: vscode.SymbolKind.Key,
  field: vscode.SymbolKind.Field,
};

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
    const toSymbol = (n: OutlineNode): vscode.DocumentSymbol => {
      const range = new vscode.Range(document.positionAt(n.start), document.positionAt(n.end));
      const selection = new vscode.Range(document.positionAt(n.selectionStart), document.positionAt(n.selectionEnd));
      const symbol = new vscode.DocumentSymbol(n.name, n.detail, KINDS[n.kind], range, range.contains(selection) ? selection : range);
      symbol.children = n.children.map(toSymbol);
      return symbol;
    };
    const symbols = result.outline.map(toSymbol);
    // Kept only if the document did not change while its review ran.
    if (document.version === version) this.last = { uri, version, symbols };
    return symbols;
  }
}
