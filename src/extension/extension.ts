/**
 * Activation: wires the review of design documents into VS Code. Each concern lives in
 * its own module; this file only connects them. Activation does no workspace scan: it
 * looks at the documents already open, and everything else waits for an event.
 */
import { elapsedSinceLoad } from './load-clock';
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { BundledFiles } from './bundled-files';
import { DesignCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { COMPLETION_TRIGGERS, DesignCompletion } from './completion';
import { DesignConfiguration } from './configuration';
import { DesignReviews } from './design-reviews';
import { DesignDiagnostics } from './diagnostics';
import { DesignHover } from './hover';
import { affectsRedHatYaml, reportedByRedHatYaml } from './red-hat-yaml';
import { notifications } from './notifications';
import type { Notifications } from './notifications';
import { DesignStatusBar } from './status-bar';
import { DesignSymbols } from './symbols';
import { WorkspaceReview } from './workspace-review';
import { host } from './host';
import type { HostKind } from './extension-host';
import { registerLifecyclePreview } from '../panel/panel';
import type { LifecyclePreview } from '../panel/panel';

/** Quiet time after the last keystroke before a review (review on type). */
export const TYPING_DELAY_MS = 300;
/** Set on the active editor when it shows a design document (for `when` clauses). */
export const IS_DESIGN_CONTEXT = 'mlsystem.isDesign';

/**
 * What `activate` returns. The extension offers no API to other extensions; it exposes its
 * parts to its own integration tests, all under `testing` (and the few test-only reads on
 * those parts under their `forTests`), so no test hook hides among the product's members.
 */
export interface MlsystemReviewApi {
  testing: {
    reviews: DesignReviews;
    /** The lifecycle preview panels. */
    preview: LifecyclePreview;
    /** The notifications shown (and a stand-in for a click: `notifications.forTests`). */
    notifications: Notifications;
    /** The status bar item (its contents: `status.forTests`). */
    status: DesignStatusBar;
    /** Milliseconds of the host's time from the bundle starting to load to the end of activate(). */
    activationMs: number;
    /** Which entry is running: `node` (main) or `web` (browser). */
    host: HostKind;
  };
}

export function activate(context: vscode.ExtensionContext): MlsystemReviewApi {
  // The host-free parts (./core) localize through @vscode/l10n: the same bundle VS Code loaded for vscode.l10n.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel(vscode.l10n.t('ML Design Review'), { log: true });
  log.info(`${host.kind === 'web' ? 'Web worker extension host (the browser entry)' : 'Node extension host (the desktop entry)'}: reviewing ML design documents.`);
  const configuration = new DesignConfiguration();
  const runner = host.createReviewBackend(context.extensionUri);
  const reviews = new DesignReviews(runner, configuration);
  const diagnostics = new DesignDiagnostics(reviews, reportedByRedHatYaml);
  const files = new BundledFiles(context.extensionUri);
  const workspaceReview = new WorkspaceReview(reviews, configuration, host.workspaceScanLimit);
  const status = new DesignStatusBar(reviews, diagnostics);
  context.subscriptions.push(log, configuration, runner, reviews, diagnostics, workspaceReview, status);

  const reviewIfCandidate = (document: vscode.TextDocument): void => {
    if (configuration.isCandidate(document)) void reviews.reviewDocument(document);
  };
  const reviewOpenDocuments = (): void => vscode.workspace.textDocuments.forEach(reviewIfCandidate);
  // Configuration files are reviewed too: their problems are diagnostics on them.
  const reviewIfConfig = (document: vscode.TextDocument): void => void configuration.reviewConfigFile(document.uri);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(reviewIfCandidate),
    vscode.workspace.onDidOpenTextDocument(reviewIfConfig),
    vscode.workspace.onDidSaveTextDocument(reviewIfConfig),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && configuration.isCandidate(e.document) && configuration.trigger(e.document.uri) === 'onType') {
        reviews.schedule(e.document, TYPING_DELAY_MS);
      }
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (configuration.isCandidate(document) && configuration.trigger(document.uri) === 'onSave') void reviews.reviewDocument(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      reviews.forget(document.uri);
      // A file the workspace review covers stays in Problems, as it is on disk.
      if (workspaceReview.covers(document.uri)) void workspaceReview.reviewFromDisk(document.uri);
    }),
    configuration.onDidChange(reviewOpenDocuments),
    // Red Hat YAML installed or removed, or its `yaml.validate` switched, changes which
    // schema findings we show: the reviews stay valid, only what is published changes.
    vscode.extensions.onDidChange(() => diagnostics.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsRedHatYaml(e)) diagnostics.refresh();
    }),
  );

  const selector: vscode.DocumentSelector = [{ language: 'yaml' }];
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(selector, new DesignCodeActions(reviews, diagnostics, configuration), DesignCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(selector, new DesignCompletion(reviews, files), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(selector, new DesignHover(reviews)),
    vscode.languages.registerDocumentSymbolProvider(selector, new DesignSymbols(reviews), { label: vscode.l10n.t('ML design') }),
  );

  const updateContext = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', IS_DESIGN_CONTEXT, Boolean(document && reviews.get(document)));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateContext), reviews.onDidReview(updateContext), reviews.onDidForget(updateContext));

  registerCommands(context, { reviews, diagnostics, configuration, files, workspaceReview });
  const preview = registerLifecyclePreview(context, reviews.forPreview, (severity, message, ...buttons) => notifications.show(severity, message, ...buttons));

  // The documents already open are reviewed right after activation, not inside it:
  // activation stays cheap, and the first review loads the engine on its own time.
  setTimeout(() => {
    reviewOpenDocuments();
    vscode.workspace.textDocuments.forEach(reviewIfConfig);
  }, 0);
  return { testing: { reviews, preview, notifications, status, activationMs: elapsedSinceLoad(), host: host.kind } };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
