/**
 * Runs the engine for an editor host (the VS Code extension, the language server). Small
 * designs are reviewed on the host's thread (a few milliseconds); a design longer than
 * `WORKER_THRESHOLD_LINES` goes to a worker thread (dist/review-worker.js) so typing never
 * waits on the host's thread.
 */
import { Worker } from 'node:worker_threads';
import { review } from '../engine';
import type { ReviewOptions, ReviewResult } from '../engine';
import type { WorkerReply, WorkerRequest } from './review-worker-protocol';

/** Runs the engine on a text, on this thread or in a worker. */
export interface ReviewBackend {
  /** `key` names the document, so a backend may keep only its newest waiting text. */
  run(text: string, options: ReviewOptions, key?: string): Promise<ReviewResult>;
}

// About 20 ms of review on a quiet machine: longer reviews would be felt as typing lag.
export const WORKER_THRESHOLD_LINES = 1000;

function lineCountExceeds(text: string, limit: number): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > limit) return true;
  return false;
}

interface Waiter {
  resolve: (r: ReviewResult) => void;
  reject: (e: Error) => void;
}

/** The newest text waiting for a document's review in the worker to finish. */
interface Queued {
  text: string;
  options: ReviewOptions;
  waiters: Waiter[];
}

export class ReviewRunner implements ReviewBackend {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  /** Documents with a review in the worker, and the newest text queued behind it. */
  private readonly busy = new Map<string, Queued | undefined>();

  constructor(private readonly workerScript: string) {}

  /** Whether a worker thread is running (started by the first large design). */
  get hasWorker(): boolean {
    return this.worker !== undefined;
  }

  /**
   * `key` names the document: while its review runs in the worker, only the newest text
   * waits behind it (older waiting texts get the newer result, which their callers drop
   * as stale), so typing in a large design never piles up reviews.
   */
  run(text: string, options: ReviewOptions, key?: string): Promise<ReviewResult> {
    if (!lineCountExceeds(text, WORKER_THRESHOLD_LINES)) return Promise.resolve(review(text, options));
    if (key === undefined) return this.inWorker(text, options).catch(() => review(text, options));
    if (this.busy.has(key)) {
      return new Promise((resolve, reject) => {
        const queued = this.busy.get(key);
        this.busy.set(key, { text, options, waiters: [...(queued?.waiters ?? []), { resolve, reject }] });
      });
    }
    this.busy.set(key, undefined);
    const done = (): void => {
      const next = this.busy.get(key);
      this.busy.delete(key);
      if (next) {
        const result = this.run(next.text, next.options, key);
        for (const w of next.waiters) result.then(w.resolve, w.reject);
      }
    };
    const result = this.inWorker(text, options).catch(() => review(text, options));
    void result.then(done, done);
    return result;
  }

  private inWorker(text: string, options: ReviewOptions): Promise<ReviewResult> {
    const worker = this.worker ?? this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: WorkerRequest = { id, text, options };
      worker.postMessage(request);
    });
  }

  private startWorker(): Worker {
    const worker = new Worker(this.workerScript);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if ('result' in reply) waiter.resolve(reply.result);
      else waiter.reject(new Error(reply.error));
    });
    const failAll = (error: Error): void => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      this.worker = undefined;
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the review worker stopped')));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
