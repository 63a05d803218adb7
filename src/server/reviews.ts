/**
 * The reviews of the open design documents: debounced per document while typing, one
 * per version, and dropped when the document changed meanwhile (a stale result is never
 * published or answered with). Large designs go to the review worker (review-runner.ts).
 */
import type { ReviewOptions } from '../engine';
import type { EditorReview, ReviewBackend } from '../node/review-backend';

export interface DocumentState {
  uri: string;
  version: number;
  getText(): string;
}

export interface Reviewed {
  uri: string;
  version: number;
  result: EditorReview;
}

export interface ReviewHost {
  /** The document as it is now (undefined once closed). */
  current(uri: string): DocumentState | undefined;
  options(uri: string): ReviewOptions;
  /** A review that is still current. */
  reviewed(review: Reviewed): void;
}

export class DocumentReviews {
  private readonly latest = new Map<string, Reviewed & { generation: number }>();
  private readonly pending = new Map<string, { version: number; generation: number; promise: Promise<Reviewed | undefined> }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped when the configuration changes: every earlier review is out of date. */
  private generation = 0;

  constructor(
    private readonly backend: ReviewBackend,
    private readonly host: ReviewHost,
    private readonly delayMs: number,
  ) {}

  /** Review after `delayMs` of quiet; each newer call for the document restarts the wait. */
  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      const document = this.host.current(uri);
      if (document) void this.review(document).catch(() => undefined);
    }, this.delayMs));
  }

  /** The review of the document's current version; undefined when the document changed before it finished. */
  review(document: DocumentState): Promise<Reviewed | undefined> {
    const { uri, version } = document;
    const generation = this.generation;
    const latest = this.latest.get(uri);
    if (latest && latest.version === version && latest.generation === generation) return Promise.resolve(latest);
    const running = this.pending.get(uri);
    if (running && running.version === version && running.generation === generation) return running.promise;
    const promise = this.backend.run(document.getText(), this.host.options(uri), uri).then((result) => {
      if (this.pending.get(uri)?.promise === promise) this.pending.delete(uri);
      if (this.host.current(uri)?.version !== version || this.generation !== generation) return undefined;
      const reviewed = { uri, version, result, generation };
      this.latest.set(uri, reviewed);
      this.host.reviewed(reviewed);
      return reviewed;
    });
    this.pending.set(uri, { version, generation, promise });
    return promise;
  }

  /** The latest review, if it is of this version under the current configuration. */
  reviewOf(uri: string, version: number): Reviewed | undefined {
    const latest = this.latest.get(uri);
    return latest && latest.version === version && latest.generation === this.generation ? latest : undefined;
  }

  /** The configuration changed: every review must be made again. */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.pending.delete(uri);
    this.latest.delete(uri);
    this.backend.forget?.(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
