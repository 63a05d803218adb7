/**
 * Quick fixes from the engine's fixes (each finding's own, plus "Waive <rule> here"), and
 * `source.fixAll.mlsystem` for `editor.codeActionsOnSave`. Code actions find their finding
 * by the diagnostic's rule id, range and message, for the document version it was made for.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND as FIX_ALL, fixAllAction, requestedActions } from '../features';
import { toRange, toWorkspaceEdit } from './convert';
import type { DesignConfiguration } from './configuration';
import type { DesignReviews } from './design-reviews';
import type { DesignDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(FIX_ALL);

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
    const wanted = requestedActions(context.only && [context.only.value]);
    if (wanted.fixAll) {
      const fixAllAction = await this.fixAllAction(document);
      return fixAllAction ? [fixAllAction] : [];
    }
    if (!wanted.quickFixes) return [];
    const actions: vscode.CodeAction[] = [];
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
    const fixAll = fixAllAction(document.getText(), options);
    if (!fixAll) return undefined;
    const action = new vscode.CodeAction(fixAll.title, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(fixAll.edit.range), fixAll.edit.newText);
    return action;
  }
}
