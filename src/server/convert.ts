/** Feature results (engine positions) -> LSP types, in one place. */
import { CompletionItemKind, DiagnosticSeverity, InsertTextFormat, InsertTextMode, MarkupKind, SymbolKind } from 'vscode-languageserver/node';
import type { CompletionItem, Diagnostic, DocumentSymbol, Hover, SymbolInformation } from 'vscode-languageserver/node';
import type { ConfigProblem, Severity } from '../engine';
import { CONFIG_DIAGNOSTIC_SOURCE, DIAGNOSTIC_SOURCE, snippetToText } from '../features';
import type { CompletionData, DiagnosticData, HoverData, SymbolData } from '../features';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(uri: string, d: DiagnosticData): Diagnostic {
  const diagnostic: Diagnostic = { range: d.range, severity: SEVERITIES[d.severity], source: DIAGNOSTIC_SOURCE, code: d.code, message: d.message };
  // A team's check without docs has no link.
  if (d.href) diagnostic.codeDescription = { href: d.href };
  if (d.related.length) diagnostic.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return diagnostic;
}

/** A config file's problem on it: at the entry it is about, else at the start of the file. */
export function toConfigDiagnostic(p: ConfigProblem): Diagnostic {
  const range = p.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { range, severity: SEVERITIES[p.severity], source: CONFIG_DIAGNOSTIC_SOURCE, message: p.message };
}

/**
 * LSP snippets have no portable "one level of indentation", and clients differ in how
 * they indent inserted lines: the text is indented here (`\t` as two spaces, each new
 * line at the column of the replaced word) and inserted as it is.
 */
export function toCompletionItem(item: CompletionData, snippetSupport: boolean): CompletionItem {
  const indent = ' '.repeat(item.range.start.character);
  const body = item.insertText.replace(/\n/g, `\n${indent}`).replace(/\t/g, '  ');
  const out: CompletionItem = {
    label: item.label,
    kind: CompletionItemKind[item.kind],
    textEdit: { range: item.range, newText: snippetSupport ? body : snippetToText(body) },
    insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
  if (item.detail) out.detail = item.detail;
  if (item.documentation) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  if (item.sortText) out.sortText = item.sortText;
  return out;
}

export function toHover(hover: HoverData): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
}

export function toDocumentSymbol(s: SymbolData): DocumentSymbol {
  return { name: s.name, detail: s.detail, kind: SymbolKind[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}

/** For clients without hierarchical symbols: a flat list, each naming its container. */
export function toSymbolInformation(uri: string, symbols: readonly SymbolData[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => {
    const info: SymbolInformation = { name: s.name, kind: SymbolKind[s.kind], location: { uri, range: s.range } };
    if (container) info.containerName = container;
    return [info, ...toSymbolInformation(uri, s.children, s.name)];
  });
}
