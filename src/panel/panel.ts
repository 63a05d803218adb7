/**
 * The lifecycle preview's host (extension side): the panel class, the serializer that
 * restores panels after a window reload, and the preview commands.
 *
 * One panel per design. An unlocked panel follows the active design editor (there is at
 * most one); a locked panel stays on its design. Opening the preview for a design that
 * already has a panel reveals that panel.
 */
import * as vscode from 'vscode';
import type { Range } from '../engine/types';
import type { DesignReviewSource, PreviewedReview } from './review-source';
import { keysAt } from '../render/elements';
import { escapeMarkup } from '../render/escape';
import { renderPanelHtml } from './page-html';
import { isPageMessage, updateMessage, VIEW_TYPE } from '../protocol/panel-messages';
import type { HostMessage, PageMessage, PageStrings, PanelState, PersistedState } from '../protocol/panel-messages';
import { renderLifecycleSvg } from '../render/svg';
import { renderReviewReport } from '../render/report-html';
import { todayUtc } from '../engine';

export const COMMANDS = {
  open: 'mlsystem.openPreview',
  openToSide: 'mlsystem.openPreviewToSide',
  exportDiagram: 'mlsystem.exportDiagram',
  exportReport: 'mlsystem.exportReport',
  toggleLock: 'mlsystem.togglePreviewLock',
} as const;

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** A fresh nonce for the page's script, from Web Crypto (a global in Node and in the browser). */
function scriptNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Shows a notification and resolves with the button clicked. The editor host hands the
 * panel its own (src/extension/notifications.ts), so every notification goes through one
 * place, which makes untrusted text in a message safe.
 */
export type Notify = (severity: 'info' | 'warning' | 'error', message: string, ...buttons: string[]) => Thenable<string | undefined>;

/** What an export writes, and how its save dialog asks. */
interface ExportKind {
  /** The warning when the file is no design: there is nothing to export. */
  noDesign(fileName: string): string;
  /** Replaces the design's .yaml for the suggested file name. */
  suffix: string;
  filters: Record<string, string[]>;
  saveLabel: string;
  title: string;
  render(result: PreviewedReview): string;
}

/** The installed extension's version, for the report's footer (as the CLI writes its own). */
function extensionVersion(): string {
  const json = vscode.extensions.getExtension('mlsystem-review.mlsystem-review')?.packageJSON as { version?: unknown } | undefined;
  return typeof json?.version === 'string' ? json.version : '';
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The page's words in the display language (the page has no translations of its own). */
function pageStrings(): PageStrings {
  return {
    exportLabel: vscode.l10n.t('Export SVG'),
    exportTooltip: vscode.l10n.t('Export the diagram as a standalone SVG file'),
    reportLabel: vscode.l10n.t('Export Review Report'),
    reportTooltip: vscode.l10n.t('Export the review as a standalone HTML page for a review meeting (printable)'),
    followLabel: vscode.l10n.t('Follow editor'),
    lockedLabel: vscode.l10n.t('Locked'),
    lockTooltip: vscode.l10n.t('Lock the preview on this design, or let it follow the active editor'),
    // The panel's title, the page filling in the file name: `{0}` formats to itself.
    title: vscode.l10n.t('Lifecycle: {0}', '{0}'),
  };
}

/** The panel's title (an unlocked panel's; a locked one says so). */
function panelTitle(uri: vscode.Uri): string {
  return vscode.l10n.t('Lifecycle: {0}', baseName(uri));
}

export class LifecyclePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  /** The page has loaded, its resources too, and listens; until then updates wait for its `ready`. */
  private ready = false;
  private loaded = false;
  /** What the host last sent the page (read by tests only, through `forTests`). */
  private sentState: PanelState | undefined;
  private sentHighlight: string[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    public locked: boolean,
    private readonly preview: LifecyclePreview,
  ) {
    const extensionUri = preview.extensionUri;
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'lifecycle-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'lifecycle-dark.svg'),
    };
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; when shown again the page loads anew and says ready.
        if (!panel.visible) this.ready = false;
        preview.panelFocusChanged(this);
      }),
    );
  }

  /** Draws the design's latest review, reviewing it first if needed. */
  async show(): Promise<void> {
    const state = await this.state();
    this.updateTitle();
    if (!state) {
      this.panel.webview.html = `<!DOCTYPE html><html><body><p>${escapeMarkup(vscode.l10n.t('{0} is not an ML design document, or can no longer be read.', baseName(this.uri)))}</p></body></html>`;
      return;
    }
    const webview = this.panel.webview;
    const asUri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.preview.extensionUri, ...parts)).toString();
    this.ready = false;
    this.loaded = true;
    this.sentState = state;
    webview.html = renderPanelHtml({
      cspSource: webview.cspSource,
      nonce: scriptNonce(),
      scriptUri: asUri('dist', 'webview', 'panel.js'),
      styleUris: [asUri('media', 'codicons', 'codicon.css'), asUri('media', 'panel.css')],
      state,
      strings: pageStrings(),
      language: vscode.env.language,
    });
  }

  private async state(): Promise<PanelState | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    const result = this.preview.reviews.get(this.uri) ?? (document ? await this.preview.reviews.request(document) : undefined);
    if (!result) return undefined;
    return { uri: this.uri.toString(), fileName: baseName(this.uri), model: result.lifecycle, locked: this.locked };
  }

  /** Pushes a new review into the page without reloading it. */
  async refresh(): Promise<void> {
    if (!this.loaded) return this.show();
    if (!this.ready) return; // the page asks for the latest state when it is ready
    const state = await this.state();
    if (state) this.sendState(state);
  }

  /** Points an unlocked panel at another design. */
  async follow(uri: vscode.Uri): Promise<void> {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    await this.refresh();
    this.updateTitle();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    this.post({ type: 'locked', locked });
  }

  highlight(keys: string[]): void {
    if (!this.ready) return;
    this.sentHighlight = keys;
    this.post({ type: 'highlight', keys });
  }

  post(message: HostMessage): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  private sendState(state: PanelState): void {
    if (!this.ready) return;
    this.sentState = state;
    this.post(updateMessage(state));
  }

  /**
   * The panel's only test hook: whether the page has loaded and said ready, and what the
   * host last sent it (the state it was loaded with or updated to, the highlighted keys).
   * This is what was sent, not what the page drew; the page's drawing is tested in Chromium.
   */
  get forTests(): { readonly pageReady: boolean; readonly sentState: PanelState | undefined; readonly sentHighlight: readonly string[] } {
    return { pageReady: this.ready, sentState: this.sentState, sentHighlight: this.sentHighlight };
  }

  /** The model the page shows, for the cursor highlight. */
  model(): PanelState['model'] | undefined {
    return this.preview.reviews.get(this.uri)?.lifecycle;
  }

  private updateTitle(): void {
    this.panel.title = this.locked ? vscode.l10n.t('Lifecycle (locked): {0}', baseName(this.uri)) : panelTitle(this.uri);
  }

  /** A message from the page: checked, then acted on. */
  async receive(message: unknown): Promise<void> {
    if (isPageMessage(message)) await this.onMessage(message);
  }

  private async onMessage(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        // The page drew the state it was loaded with; it may be older (hidden, followed on).
        const state = await this.state();
        if (state) this.sendState(state);
        this.preview.sendHighlight(this);
        return;
      }
      case 'reveal':
        await this.preview.reveal(this.uri, message.range, this.panel.viewColumn);
        return;
      case 'export':
        await this.preview.exportDiagram(this.uri);
        return;
      case 'exportReport':
        await this.preview.exportReport(this.uri);
        return;
      case 'toggleLock':
        this.preview.toggleLock(this);
        return;
    }
  }

  dispose(): void {
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export class LifecyclePreview implements vscode.Disposable, vscode.WebviewPanelSerializer<PersistedState> {
  private readonly panels = new Set<LifecyclePanel>();
  private lastActive: LifecyclePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly reviews: DesignReviewSource,
    private readonly notify: Notify,
  ) {
    this.disposables.push(
      reviews.onDidReview((review) => {
        for (const p of this.panelsFor(review.uri)) void p.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.followEditor(editor)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        for (const p of this.panelsFor(e.textEditor.document.uri)) this.sendHighlight(p, e.textEditor);
      }),
    );
  }

  /** The only test hook: every open preview panel. */
  get forTests(): { readonly panels: readonly LifecyclePanel[] } {
    return { panels: [...this.panels] };
  }

  /** Panels showing this design. */
  panelsFor(uri: vscode.Uri): LifecyclePanel[] {
    return [...this.panels].filter((p) => p.uri.toString() === uri.toString());
  }

  /** The panel last focused, if it is still open. */
  activePanel(): LifecyclePanel | undefined {
    return [...this.panels].find((p) => p.panel.active) ?? this.lastActive;
  }

  /** Opens (or reveals) the preview of a design document. */
  async open(uri: vscode.Uri, toSide: boolean): Promise<void> {
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const existing = this.panelsFor(uri)[0];
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn ?? column, toSide);
      return;
    }
    const follower = [...this.panels].find((p) => !p.locked);
    if (follower) {
      await follower.follow(uri);
      follower.panel.reveal(follower.panel.viewColumn ?? column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, panelTitle(uri), { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.extensionUri));
    await this.adopt(panel, uri, false);
  }

  /** Restores a panel after a window reload, from the state the page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PersistedState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') {
      panel.dispose();
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      panel.dispose(); // the design is gone
      return;
    }
    await this.adopt(panel, uri, state.locked === true);
  }

  private async adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean): Promise<LifecyclePanel> {
    const panel = new LifecyclePanel(webviewPanel, uri, locked, this);
    this.panels.add(panel);
    this.lastActive = panel;
    panel.onDidDispose(() => {
      this.panels.delete(panel);
      if (this.lastActive === panel) this.lastActive = undefined;
    });
    await panel.show();
    return panel;
  }

  panelFocusChanged(panel: LifecyclePanel): void {
    if (panel.panel.active) this.lastActive = panel;
  }

  private async followEditor(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor.document.uri.scheme === 'output') return;
    const follower = [...this.panels].find((p) => !p.locked);
    if (!follower || follower.uri.toString() === editor.document.uri.toString()) return;
    if (this.panelsFor(editor.document.uri).length) return; // a locked panel already shows it
    if (!(await this.reviews.isDesign(editor.document))) return;
    await follower.follow(editor.document.uri);
  }

  sendHighlight(panel: LifecyclePanel, editor?: vscode.TextEditor): void {
    const shown = editor ?? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === panel.uri.toString());
    const model = panel.model();
    if (!shown || !model) return;
    const { line, character } = shown.selection.active;
    panel.highlight(keysAt(model, { line, character }));
  }

  toggleLock(panel: LifecyclePanel | undefined = this.activePanel()): void {
    if (!panel) return;
    if (panel.locked) {
      // Unlocking: only one panel follows the editor; a second follower would duplicate it.
      for (const other of this.panels) if (other !== panel && !other.locked) other.setLocked(true);
    }
    panel.setLocked(!panel.locked);
  }

  /**
   * Shows `range` of the design in a text editor: the one already showing it, else the tab
   * already open on it (even behind the panel, in the panel's own group), and only when the
   * design is open nowhere, a new editor beside the panel.
   */
  async reveal(uri: vscode.Uri, range: Range, panelColumn: vscode.ViewColumn | undefined): Promise<void> {
    const target = toRange(range);
    const key = uri.toString();
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key);
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const column = visible?.viewColumn ?? tab?.group.viewColumn ?? (panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: target, preserveFocus: false });
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * Writes the diagram as a standalone SVG (print theme). Without `target` the user picks
   * the file in the save dialog, which itself asks before replacing one; a `target` given by
   * a caller (scripts, tests) is written as is, replacing any file there: the caller chose it.
   */
  exportDiagram(uri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return this.exportFile(uri, target, {
      noDesign: (fileName) => vscode.l10n.t('{0} is not an ML design document: there is no lifecycle to export.', fileName),
      suffix: '.lifecycle.svg',
      filters: { [vscode.l10n.t('SVG image')]: ['svg'] },
      saveLabel: vscode.l10n.t('Export diagram'),
      title: vscode.l10n.t('Export Lifecycle Diagram as SVG'),
      render: (result) => `<?xml version="1.0" encoding="UTF-8"?>\n${renderLifecycleSvg(result.lifecycle, { theme: 'print' })}\n`,
    });
  }

  /**
   * Writes the review report (the page `mlsystem-review report` writes) for a design review
   * meeting, dated today; the save dialog and `target` behave as for the diagram.
   */
  exportReport(uri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return this.exportFile(uri, target, {
      noDesign: (fileName) => vscode.l10n.t('{0} is not an ML design document: there is no review to export.', fileName),
      suffix: '.review.html',
      filters: { [vscode.l10n.t('HTML page')]: ['html'] },
      saveLabel: vscode.l10n.t('Export report'),
      title: vscode.l10n.t('Export Review Report'),
      render: (result) =>
        renderReviewReport({
          fileName: vscode.workspace.asRelativePath(uri),
          model: result.lifecycle,
          findings: result.findings,
          design: result.design,
          today: todayUtc(),
          generator: `mlsystem-review ${extensionVersion()}`.trim(),
        }),
    });
  }

  private async exportFile(uri: vscode.Uri, target: vscode.Uri | undefined, what: ExportKind): Promise<vscode.Uri | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const result = await this.reviews.request(document);
    if (!result) {
      void this.notify('warning', what.noDesign(baseName(uri)));
      return undefined;
    }
    if (!target) {
      const defaultUri = vscode.Uri.joinPath(uri, '..', `${baseName(uri).replace(/\.ya?ml$/i, '')}${what.suffix}`);
      target = await vscode.window.showSaveDialog({ defaultUri, filters: what.filters, saveLabel: what.saveLabel, title: what.title });
      if (!target) return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(what.render(result)));
    void this.announceSaved(target);
    return target;
  }

  /** "Saved <file>", with buttons to open the file and to show it in the Explorer. */
  private async announceSaved(file: vscode.Uri): Promise<void> {
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in Explorer');
    const choice = await this.notify('info', vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(file)), open, reveal);
    if (choice === open) await vscode.commands.executeCommand('vscode.open', file);
    else if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', file);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The design a command acts on: its argument (editor title, explorer), else the active editor or preview. */
function commandTarget(preview: LifecyclePreview, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  return preview.activePanel()?.uri;
}

/** Called from activate(): the preview commands, the serializer and the panel bookkeeping. */
export function registerLifecyclePreview(context: vscode.ExtensionContext, reviews: DesignReviewSource, notify: Notify): LifecyclePreview {
  const preview = new LifecyclePreview(context.extensionUri, reviews, notify);
  const openCommand = (toSide: boolean) => async (arg?: unknown): Promise<void> => {
    const uri = commandTarget(preview, arg);
    if (!uri) {
      void notify('info', vscode.l10n.t('Open an ML design document (mlsystem.yaml) to preview its lifecycle.'));
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (!(await reviews.isDesign(document))) {
      void notify('info', vscode.l10n.t('{0} is not an ML design document, so it has no lifecycle to preview.', baseName(uri)));
      return;
    }
    await preview.open(uri, toSide);
  };
  context.subscriptions.push(
    preview,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, preview),
    vscode.commands.registerCommand(COMMANDS.open, openCommand(false)),
    vscode.commands.registerCommand(COMMANDS.openToSide, openCommand(true)),
    vscode.commands.registerCommand(COMMANDS.toggleLock, () => preview.toggleLock()),
    // (design?, target?): the explorer passes its selection (an array) second, so only a
    // Uri there counts as a target; without one the save dialog asks.
    vscode.commands.registerCommand(COMMANDS.exportDiagram, async (arg?: unknown, target?: unknown) => {
      const uri = commandTarget(preview, arg);
      if (!uri) {
        void notify('info', vscode.l10n.t('Open an ML design document (mlsystem.yaml) to export its lifecycle diagram.'));
        return undefined;
      }
      return preview.exportDiagram(uri, target instanceof vscode.Uri ? target : undefined);
    }),
    vscode.commands.registerCommand(COMMANDS.exportReport, async (arg?: unknown, target?: unknown) => {
      const uri = commandTarget(preview, arg);
      if (!uri) {
        void notify('info', vscode.l10n.t('Open an ML design document (mlsystem.yaml) to export its review report.'));
        return undefined;
      }
      return preview.exportReport(uri, target instanceof vscode.Uri ? target : undefined);
    }),
  );
  return preview;
}
