/**
 * Runs the engine for an editor host (the VS Code extension, the language server). Small
 * designs are reviewed on the host's thread (a few milliseconds); a design longer than
 * `WORKER_THRESHOLD_LINES` goes to a worker thread (dist/review-worker.js) so typing never
 * waits on the host's thread. The worker answers with plain data (findings without their
 * fixes, no outline, the lifecycle model only when wanted); a finding's fixes, the document
 * symbols and the lifecycle model are asked of it when a code action, a hover, the Outline
 * or the lifecycle preview wants them. Fix-all, which reviews a text round
 * after round, goes the same way.
 */
import { Worker } from 'node:worker_threads';
import { fixAll, review } from '../engine';
import type { Fix, FixAllResult, ReviewOptions } from '../engine';
import type { SymbolData } from '../features/symbols';
import { editorReviewOf } from './review-backend';
import type { EditorReview, HostFinding, PreviewParts, ReviewBackend, ReviewWants } from './review-backend';
import type { WorkerForget, WorkerReply, WorkerRequest } from './review-worker-protocol';

// A review of this many lines, with what the host does with its result, stays well inside
// a frame (16 ms) on a loaded machine; longer ones would be felt as typing lag.
export const WORKER_THRESHOLD_LINES = 300;

function lineCountExceeds(text: string, limit: number): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > limit) return true;
  return false;
}

/** Whether a text is reviewed in the worker: the same answer for a review and for its fixes and symbols. */
function forWorker(text: string): boolean {
  return lineCountExceeds(text, WORKER_THRESHOLD_LINES);
}

interface Waiter<T = EditorReview> {
  resolve: (r: T) => void;
  reject: (e: Error) => void;
}

/** The newest text waiting for a document's review in the worker to finish. */
interface Queued {
  text: string;
  options: ReviewOptions;
  wants: ReviewWants;
  waiters: Waiter[];
}

type Task = Omit<WorkerRequest, 'id'>;

export class ReviewRunner implements ReviewBackend {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter<WorkerReply>>();
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
  run(text: string, options: ReviewOptions, key?: string, wants: ReviewWants = {}): Promise<EditorReview> {
    if (!forWorker(text)) return Promise.resolve(editorReviewOf(text, review(text, options)));
    if (key === undefined) return this.reviewInWorker(text, options, undefined, wants);
    if (this.busy.has(key)) {
      return new Promise((resolve, reject) => {
        const queued = this.busy.get(key);
        // What any waiting caller wants comes with the one review they all get.
        const merged = { preview: Boolean(wants.preview || queued?.wants.preview) };
        this.busy.set(key, { text, options, wants: merged, waiters: [...(queued?.waiters ?? []), { resolve, reject }] });
      });
    }
    this.busy.set(key, undefined);
    const done = (): void => {
      const next = this.busy.get(key);
      this.busy.delete(key);
      if (next) {
        const result = this.run(next.text, next.options, key, next.wants);
        for (const w of next.waiters) result.then(w.resolve, w.reject);
      }
    };
    const result = this.reviewInWorker(text, options, key, wants);
    void result.then(done, done);
    return result;
  }

  /** Fix-all (engine `fixAll`), in the worker for a large design: it reviews the text round after round. */
  fixAll(text: string, options: ReviewOptions): Promise<FixAllResult> {
    if (!forWorker(text)) return Promise.resolve(fixAll(text, options));
    return this.inWorker({ text, options, task: 'fixAll' })
      .then((reply) => ('fixed' in reply ? reply.fixed : fixAll(text, options)))
      .catch(() => fixAll(text, options));
  }

  forget(key: string): void {
    this.worker?.postMessage({ forget: key } satisfies WorkerForget);
  }

  /** A review in the worker; on this thread when the worker fails (it could not start, or stopped). */
  private reviewInWorker(text: string, options: ReviewOptions, key: string | undefined, wants: ReviewWants): Promise<EditorReview> {
    // One review on this thread at most, however many parts ask for it after the worker failed.
    let local: EditorReview | undefined;
    const onThisThread = (): EditorReview => (local ??= editorReviewOf(text, review(text, options)));
    return this.inWorker({ text, options, key, wants }).then((reply): EditorReview => {
      if (!('result' in reply)) throw new Error('the review worker answered another task');
      const { result } = reply;
      const ask = <T>(task: Task, pick: (reply: WorkerReply) => T | undefined, instead: () => T | Promise<T>): Promise<T> =>
        this.inWorker(task).then((r) => pick(r) ?? instead(), instead);
      let preview = result.preview;
      return {
        findings: result.findings,
        waived: result.waived,
        readiness: result.readiness,
        get preview() {
          return preview;
        },
        previewParts: async (): Promise<PreviewParts> =>
          (preview ??= await ask({ text, options, key, task: 'preview' }, (r) => ('preview' in r ? r.preview : undefined), () => onThisThread().previewParts())),
        fixesOf: (finding: HostFinding): Promise<Fix[]> => {
          const index = result.findings.indexOf(finding);
          if (index < 0) return Promise.resolve([]);
          return ask({ text, options, key, task: 'fixes', finding: index }, (r) => ('fixes' in r ? r.fixes : undefined), () => {
            const here = onThisThread();
            const same = here.findings[index];
            return same ? here.fixesOf(same) : [];
          });
        },
        symbols: (): Promise<SymbolData[]> => ask({ text, options, key, task: 'symbols' }, (r) => ('symbols' in r ? r.symbols : undefined), () => onThisThread().symbols()),
      };
    }).catch(onThisThread);
  }

  private inWorker(request: Task): Promise<WorkerReply> {
    const worker = this.worker ?? this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  private startWorker(): Worker {
    const worker = new Worker(this.workerScript);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply);
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
