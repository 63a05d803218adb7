/**
 * Quick fixes from the engine's fixes (each finding's own, plus "Waive <rule> here"), and
 * `source.fixAll.mlsystem` for `editor.codeActionsOnSave`. Code actions find their finding
 * by the diagnostic's rule id, range and message, for the document version it was made for.
 * What a fix inserts is shown: the block it wrote is revealed and selected (it may land far
 * below the cursor), and a fix with a snippet form (the waiver) is filled in place.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND as FIX_ALL, fixAllEdit, requestedActions } from '../features';
import { toRange, toWorkspaceEdit, writtenSpan } from './convert';
import type { DesignConfiguration } from './configuration';
import type { DesignReviews } from './design-reviews';
import type { DesignDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(FIX_ALL);
/** Run after an inserting fix: selects what it wrote (arguments: uri, start and end offsets in the new text). */
export const REVEAL_WRITTEN = 'mlsystem.revealWritten';

export async function revealWritten(uri: string, start: number, end: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) return;
  const text = editor.document.getText();
  // The block itself, without the line breaks and indentation around it.
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export class DesignCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** How many fixes the last fix-all action holds (for the command's message). */
  lastFixAllCount = 0;

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
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    // Built where the review ran (in the worker for a large design), only for these diagnostics.
    const fixes = await Promise.all(ours.map((d) => this.diagnostics.fixesFor(document, d)));
    const actions: vscode.CodeAction[] = [];
    for (const [i, diagnostic] of ours.entries()) {
      for (const fix of fixes[i]) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const snippet = fix.edits.some((e) => e.snippet !== undefined);
        action.edit = toWorkspaceEdit(document.uri, fix, { snippets: true });
        const span = !snippet && fix.kind === 'insert' ? writtenSpan(document, fix) : undefined;
        if (span) action.command = { title: fix.title, command: REVEAL_WRITTEN, arguments: [document.uri.toString(), span.start, span.end] };
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
    const text = document.getText();
    const version = document.version;
    const fixAll = fixAllEdit(text, await this.reviews.fixAll(text, options));
    // An edit of an older text must never be applied to a newer one.
    if (!fixAll || document.version !== version) return undefined;
    this.lastFixAllCount = fixAll.applied;
    const action = new vscode.CodeAction(fixAll.title, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(fixAll.edit.range), fixAll.edit.newText);
    return action;
  }
}
