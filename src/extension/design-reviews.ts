/**
 * The latest review of every design document the extension knows about: open documents
 * (reviewed as the user types or saves) and files reviewed by "Review Workspace".
 *
 * This is what other parts of the extension consume: the diagnostics, the code actions,
 * the status bar and the lifecycle preview panel (`registerLifecyclePreview(context,
 * reviews.forPreview)` in src/panel/panel.ts) read results from here and listen to
 * `onDidReview`; nothing else calls the engine's `review()` for an open document. While no
 * lifecycle preview is open, reviews come without the lifecycle model (a large design's is
 * hundreds of kilobytes to copy from the worker at each edit); the preview asks for it.
 */
import * as vscode from 'vscode';
import type { FixAllResult, ReviewOptions } from '../engine';
import type { EditorReview, ReviewBackend } from '../node/review-backend';
import { isPreviewOpen } from '../panel/review-source';
import type { DesignReviewSource, PreviewedReview } from '../panel/review-source';

/** One finished review: the text at `version` gave `result`. */
export interface DesignReview {
  uri: vscode.Uri;
  /** The document version reviewed; -1 for a file read from disk (not open). */
  version: number;
  result: EditorReview;
}


/** Decides which documents are designs and with which options they are reviewed. */
export interface DesignSettings {
  isDesign(uri: vscode.Uri, text: () => string): Promise<boolean>;
  reviewOptions(uri: vscode.Uri): Promise<ReviewOptions>;
}

export class DesignReviews implements vscode.Disposable {
  private readonly latest = new Map<string, DesignReview>();
  /** Per document: the newest version a review was started for (older results are stale). */
  private readonly requested = new Map<string, number>();
  private readonly pending = new Map<string, Promise<EditorReview | undefined>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Per document: the review waiting for quiet, and the version it is for. A request for
   * that version (the Outline, the breadcrumbs) waits for it instead of reviewing at once,
   * so an edit is reviewed once.
   */
  private readonly waiting = new Map<string, { version: number; done: Promise<EditorReview | undefined>; follow(next: Promise<EditorReview | undefined>): void }>();
  private readonly reviewed = new vscode.EventEmitter<DesignReview>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidReview = this.reviewed.event;
  readonly onDidForget = this.forgotten.event;

  constructor(
    private readonly backend: ReviewBackend,
    private readonly settings: DesignSettings,
  ) {}

  /** What the lifecycle preview reads: reviews with their lifecycle model, asked of the backend when a review came without it. */
  readonly forPreview: DesignReviewSource = {
    get: (document) => {
      const result = this.get(document);
      return result?.preview && { ...result.preview, findings: result.findings };
    },
    request: async (document) => {
      const result = await this.request(document);
      return result && { ...(await result.previewParts()), findings: result.findings } satisfies PreviewedReview;
    },
    isDesign: (document) => this.isDesign(document),
    onDidReview: this.onDidReview,
  };

  get(document: vscode.TextDocument | vscode.Uri): EditorReview | undefined {
    return this.latest.get(keyOf(document))?.result;
  }

  /** The latest review with the version it is for. */
  latestReview(document: vscode.TextDocument | vscode.Uri): DesignReview | undefined {
    return this.latest.get(keyOf(document));
  }

  /** All reviewed uris (open documents and workspace files). */
  uris(): vscode.Uri[] {
    return [...this.latest.values()].map((r) => r.uri);
  }

  isDesign(document: vscode.TextDocument): Promise<boolean> {
    return this.settings.isDesign(document.uri, () => document.getText());
  }

  async request(document: vscode.TextDocument): Promise<EditorReview | undefined> {
    const key = keyOf(document);
    const current = this.latest.get(key);
    if (current && current.version === document.version) return current.result;
    const waiting = this.waiting.get(key);
    if (waiting && waiting.version === document.version) return waiting.done;
    return this.reviewDocument(document);
  }

  /** Review after `delayMs` of quiet; a newer call for the same document restarts the wait. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = keyOf(document);
    clearTimeout(this.timers.get(key));
    let follow!: (next: Promise<EditorReview | undefined>) => void;
    const done = new Promise<EditorReview | undefined>((resolve) => {
      follow = resolve;
    });
    // Whoever waited for the wait this one replaces gets this one's review.
    this.waiting.get(key)?.follow(done);
    const entry = { version: document.version, done, follow };
    this.waiting.set(key, entry);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (this.waiting.get(key) === entry) this.waiting.delete(key);
      // A request may have reviewed this version already (a document opened with the Outline showing).
      const current = this.latest.get(key);
      follow(current && current.version === document.version ? Promise.resolve(current.result) : this.reviewDocument(document));
    }, delayMs));
  }

  /** The only test hook: whether a review of a document is waiting for quiet or running (for tests of the triggers). */
  get forTests(): { isReviewing(document: vscode.TextDocument | vscode.Uri): boolean } {
    return {
      isReviewing: (document) => {
        const key = keyOf(document);
        return this.timers.has(key) || this.pending.has(key);
      },
    };
  }

  /** Review an open document now. Resolves undefined when it is not a design or the result went stale. */
  async reviewDocument(document: vscode.TextDocument): Promise<EditorReview | undefined> {
    const key = keyOf(document);
    const version = document.version;
    const inFlight = this.pending.get(key);
    if (inFlight && this.requested.get(key) === version) return inFlight;
    this.requested.set(key, version);
    const text = document.getText();
    const run = this.runReview(document.uri, text, version, () => !document.isClosed);
    this.pending.set(key, run);
    try {
      return await run;
    } finally {
      if (this.pending.get(key) === run) this.pending.delete(key);
    }
  }

  /** Review a file's text as read from disk (workspace review). Open documents win over disk. */
  async reviewFile(uri: vscode.Uri, text: string): Promise<EditorReview | undefined> {
    const key = uri.toString();
    if (this.isOpen(uri)) return this.latest.get(key)?.result;
    this.requested.set(key, -1);
    return this.runReview(uri, text, -1, () => !this.isOpen(uri));
  }

  private async runReview(uri: vscode.Uri, text: string, version: number, stillWanted: () => boolean): Promise<EditorReview | undefined> {
    const key = uri.toString();
    if (!(await this.settings.isDesign(uri, () => text))) {
      if (this.requested.get(key) === version) this.forget(uri);
      return undefined;
    }
    const options = await this.settings.reviewOptions(uri);
    const result = await this.backend.run(text, options, key, { preview: isPreviewOpen() });
    // Drop stale results: the document changed (or closed) while this review ran.
    if (this.requested.get(key) !== version || !stillWanted()) return undefined;
    const review: DesignReview = { uri, version, result };
    this.latest.set(key, review);
    this.reviewed.fire(review);
    return result;
  }

  /** Fix-all for a document's text, where its reviews run (in the worker for a large design). */
  fixAll(text: string, options: ReviewOptions): Promise<FixAllResult> {
    return this.backend.fixAll(text, options);
  }

  /** Drop a document's results (closed, deleted, or no longer a design). */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.waiting.get(key)?.follow(Promise.resolve(undefined));
    this.waiting.delete(key);
    this.requested.delete(key);
    this.pending.delete(key);
    this.latest.delete(key);
    this.backend.forget?.(key);
    this.forgotten.fire(uri);
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const w of this.waiting.values()) w.follow(Promise.resolve(undefined));
    this.waiting.clear();
    this.reviewed.dispose();
    this.forgotten.dispose();
  }
}

function keyOf(document: vscode.TextDocument | vscode.Uri): string {
  return (document instanceof vscode.Uri ? document : document.uri).toString();
}
