/**
 * Quick fixes from the engine's fixes (each finding's own, plus "Waive <rule> here"), and
 * `source.fixAll.mlsystem` for `editor.codeActionsOnSave`. Code actions find their finding
 * by the diagnostic's rule id, range and message, for the document version it was made for.
 */
import * as vscode from 'vscode';
import { fixAll } from '../engine';
import { toWorkspaceEdit } from './convert';
import type { DesignConfiguration } from './configuration';
import { minimalReplacement } from './core/minimal-replacement';
import type { DesignReviews } from './design-reviews';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DesignDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mlsystem');

export class DesignCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly reviews: DesignReviews,
    private readonly diagnostics: DesignDiagnostics,
    private readonly configuration: DesignConfiguration,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (only && FIX_ALL_KIND.intersects(only) && !vscode.CodeActionKind.QuickFix.intersects(only)) {
      const fixAllAction = await this.fixAllAction(document);
      return fixAllAction ? [fixAllAction] : [];
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.diagnostics.findingFor(document, diagnostic);
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred ?? false;
        actions.push(action);
      }
    }
    return actions;
  }

  /** One action whose edit applies every preferred fix, round after round. */
  async fixAllAction(document: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
    if (!(await this.reviews.isDesign(document))) return undefined;
    const options = await this.configuration.reviewOptions(document.uri);
    const original = document.getText();
    const { text, applied } = fixAll(original, options);
    const change = minimalReplacement(original, text);
    if (!change || !applied) return undefined;
    const action = new vscode.CodeAction(`Fix all auto-fixable design problems (${applied})`, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
    return action;
  }
}
