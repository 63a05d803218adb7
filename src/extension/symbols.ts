/** Document symbols for the Outline view and breadcrumbs of design documents. */
import type * as vscode from 'vscode';
import type { SymbolData } from '../features';
import { toDocumentSymbol } from './convert';
import type { DesignReviews } from './design-reviews';

/** Symbols converted between two yields to the event loop: a few milliseconds of the host's thread. */
const SYMBOLS_PER_SLICE = 200;

function sizeOf(s: SymbolData): number {
  return s.children.reduce((n, c) => n + sizeOf(c), 1);
}

/**
 * The outline as `vscode` symbols, converted in slices with a yield between them, so the
 * outline of a large design (thousands of symbols) does not hold the host's thread at once.
 */
async function toDocumentSymbols(outline: readonly SymbolData[]): Promise<vscode.DocumentSymbol[]> {
  let sinceYield = 0;
  const out: vscode.DocumentSymbol[] = [];
  for (const section of outline) {
    const symbol = toDocumentSymbol({ ...section, children: [] });
    for (const child of section.children) {
      if (sinceYield >= SYMBOLS_PER_SLICE) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      symbol.children.push(toDocumentSymbol(child));
      sinceYield += sizeOf(child);
    }
    out.push(symbol);
  }
  return out;
}

export class DesignSymbols implements vscode.DocumentSymbolProvider {
  /** The last answer, by document and version: the Outline view and the breadcrumbs both ask. */
  private last: { uri: string; version: number; symbols: vscode.DocumentSymbol[] } | undefined;

  constructor(private readonly reviews: DesignReviews) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const uri = document.uri.toString();
    const version = document.version;
    if (this.last?.uri === uri && this.last.version === version) return this.last.symbols;
    // From the review's own outline, built where it ran: no second parse, and a large design is outlined in the worker.
    const result = await this.reviews.request(document);
    if (!result) return [];
    const symbols = await toDocumentSymbols(await result.symbols());
    // Kept only if the document did not change while its review ran.
    if (document.version === version) this.last = { uri, version, symbols };
    return symbols;
  }
}
