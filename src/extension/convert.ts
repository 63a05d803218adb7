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

export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

export function toDocumentSymbol(s: SymbolData): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, vscode.SymbolKind[s.kind], toRange(s.range), toRange(s.selectionRange));
  symbol.children = s.children.map(toDocumentSymbol);
  return symbol;
}
