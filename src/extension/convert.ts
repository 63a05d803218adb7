/** Engine and feature types -> vscode types, in one place. */
import * as vscode from 'vscode';
import type { Fix, Range, Severity } from '../engine';
import type { SymbolData } from '../features';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** A fix as a workspace edit; with `snippets`, an edit that has a snippet form is applied as a snippet (tab stops to fill). */
export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix, options: { snippets?: boolean } = {}): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, fix.edits.map((e) => (options.snippets && e.snippet !== undefined
    ? new vscode.SnippetTextEdit(toRange(e.range), new vscode.SnippetString(e.snippet))
    : new vscode.TextEdit(toRange(e.range), e.newText))));
  return edit;
}

export function toDocumentSymbol(s: SymbolData): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, vscode.SymbolKind[s.kind], toRange(s.range), toRange(s.selectionRange));
  symbol.children = s.children.map(toDocumentSymbol);
  return symbol;
}

/**
 * Where the text a fix writes lies once it is applied, as offsets into the new text: from
 * the start of its first edit to the end of its last, each later edit shifted by the ones
 * before it.
 */
export function writtenSpan(document: vscode.TextDocument, fix: Fix): { start: number; end: number } | undefined {
  const edits = fix.edits
    .map((e) => ({ start: document.offsetAt(toPosition(e.range.start)), end: document.offsetAt(toPosition(e.range.end)), text: e.newText }))
    .sort((a, b) => a.start - b.start);
  if (!edits.length) return undefined;
  let shift = 0;
  let start = 0;
  let end = 0;
  edits.forEach((e, i) => {
    if (i === 0) start = e.start;
    end = e.start + shift + e.text.length;
    shift += e.text.length - (e.end - e.start);
  });
  return { start, end };
}

function toPosition(p: { line: number; character: number }): vscode.Position {
  return new vscode.Position(p.line, p.character);
}
