/** The commands (category "ML Design"): review the workspace, fix all, new design file, a rule's page. */
import * as vscode from 'vscode';
import type { BundledFiles } from './bundled-files';
import { DesignCodeActions, REVEAL_WRITTEN, revealWritten } from './code-actions';
import type { DesignConfiguration } from './configuration';
import type { DesignReviews } from './design-reviews';
import type { DesignDiagnostics } from './diagnostics';
import { newDesignFile } from './new-design-file';
import { notifications } from './notifications';
import { SHOW_RULE_DOCS, showRuleDocs } from './rule-docs';
import type { WorkspaceReview } from './workspace-review';

export const COMMANDS = {
  reviewWorkspace: 'mlsystem.reviewWorkspace',
  fixAll: 'mlsystem.fixAll',
  newDesignFile: 'mlsystem.newDesignFile',
  showRuleDocs: SHOW_RULE_DOCS,
} as const;

export interface CommandDeps {
  reviews: DesignReviews;
  diagnostics: DesignDiagnostics;
  configuration: DesignConfiguration;
  files: BundledFiles;
  workspaceReview: WorkspaceReview;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.reviewWorkspace, () => deps.workspaceReview.run()),
    vscode.commands.registerCommand(COMMANDS.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const fixes = new DesignCodeActions(deps.reviews, deps.diagnostics, deps.configuration);
      const action = await fixes.fixAllAction(editor.document);
      if (!action?.edit) {
        void notifications.show('info', vscode.l10n.t('Nothing to fix automatically: the remaining problems need your choice (see the quick fixes).'));
        return false;
      }
      const applied = await vscode.workspace.applyEdit(action.edit);
      if (applied) void notifications.show('info', vscode.l10n.t('Fixed {0} problem(s) automatically.', fixes.lastFixAllCount));
      return applied;
    }),
    vscode.commands.registerCommand(REVEAL_WRITTEN, revealWritten),
    vscode.commands.registerCommand(COMMANDS.showRuleDocs, (rule?: unknown) => showRuleDocs(context.extensionUri, rule)),
    vscode.commands.registerCommand(COMMANDS.newDesignFile, (folder?: vscode.Uri, fileName?: string) =>
      newDesignFile(deps.files, folder instanceof vscode.Uri ? folder : undefined, typeof fileName === 'string' ? fileName : undefined),
    ),
  );
}
