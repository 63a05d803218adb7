/** The review worker thread: reviews (and fixes all in) large designs off the editor host's thread. */
import { parentPort } from 'node:worker_threads';
import { fixAll, review } from '../engine';
import type { ReviewResult } from '../engine';
import type { WorkerReply, WorkerRequest } from './review-worker-protocol';

/**
 * The reply to one request, as plain data: the result's lazy parts (lifecycle, outline,
 * each finding's fixes) are read here, inside the try, so a document that breaks one of
 * them gets an error reply instead of an exception in postMessage that ends the worker.
 */
export function replyTo(request: WorkerRequest, run: typeof review = review): WorkerReply {
  try {
    if (request.task === 'fixAll') return { id: request.id, fixed: fixAll(request.text, request.options) };
    const result = run(request.text, request.options);
    const plain: ReviewResult = {
      findings: result.findings.map((f) => ({ ...f, fixes: f.fixes })),
      waived: result.waived.map((f) => ({ ...f, fixes: f.fixes })),
      design: result.design,
      lifecycle: result.lifecycle,
      outline: result.outline,
    };
    return { id: request.id, result: plain };
  } catch (e) {
    return { id: request.id, error: String((e as Error)?.message ?? e) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    parentPort?.postMessage(replyTo(request));
  } catch (e) {
    // A result that cannot be copied to the host (it should never happen) is one failed review.
    parentPort?.postMessage({ id: request.id, error: `the review could not be sent: ${String((e as Error)?.message ?? e)}` } satisfies WorkerReply);
  }
});
