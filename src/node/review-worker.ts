/** The review worker thread: reviews (and fixes all in) large designs off the editor host's thread. */
import { parentPort } from 'node:worker_threads';
import { fixAll, review } from '../engine';
import type { ReviewOptions, ReviewResult } from '../engine';
import { readinessOf } from '../features/readiness';
import { designSymbols } from '../features/symbols';
import { previewPartsOf } from './review-backend';
import type { HostFinding } from './review-backend';
import type { PlainReview, WorkerForget, WorkerReply, WorkerRequest } from './review-worker-protocol';

/** Documents whose latest review the worker keeps for their fixes and symbols (a host has a few large designs open at once). */
const KEPT_DOCUMENTS = 4;

/**
 * The latest review of each document, so a code action or the Outline asking about the
 * text just reviewed is answered without a second review. Another text or other options
 * (the document changed, the settings did) are reviewed again.
 */
export class LatestReviews {
  private readonly kept = new Map<string, { text: string; options: string; result: ReviewResult }>();

  constructor(private readonly run: typeof review = review) {}

  of(key: string, text: string, options: ReviewOptions): ReviewResult {
    const optionsKey = JSON.stringify(options);
    const kept = this.kept.get(key);
    this.kept.delete(key);
    const result = kept && kept.text === text && kept.options === optionsKey ? kept.result : this.run(text, options);
    // Most recently used last: the first is the one to let go.
    this.kept.set(key, { text, options: optionsKey, result });
    if (this.kept.size > KEPT_DOCUMENTS) this.kept.delete(this.kept.keys().next().value as string);
    return result;
  }

  forget(key: string): void {
    this.kept.delete(key);
  }
}

/** A finding without its fixes, read without calling the getter that builds them. */
function withoutFixes<F extends HostFinding>(finding: F): F {
  const plain: Record<string, unknown> = {};
  for (const k of Object.keys(finding)) if (k !== 'fixes') plain[k] = (finding as unknown as Record<string, unknown>)[k];
  return plain as F;
}

/**
 * The reply to one request, as plain data. What the host did not ask for is never built
 * or copied (each fix, the outline, the lifecycle model unless wanted); what it gets is read here, inside the try, so a document that
 * breaks one of the review's lazy parts gets an error reply instead of an exception in
 * postMessage that ends the worker.
 */
export function replyTo(request: WorkerRequest, run: typeof review = review, latest = new LatestReviews(run)): WorkerReply {
  const { id, text, options } = request;
  try {
    if (request.task === 'fixAll') return { id, fixed: fixAll(text, options) };
    const result = latest.of(request.key ?? '', text, options);
    if (request.task === 'fixes') return { id, fixes: result.findings[request.finding ?? -1]?.fixes ?? [] };
    if (request.task === 'symbols') return { id, symbols: designSymbols(text, result.outline) };
    if (request.task === 'preview') return { id, preview: previewPartsOf(result) };
    const plain: PlainReview = {
      findings: result.findings.map(withoutFixes),
      waived: result.waived.map(withoutFixes),
      readiness: readinessOf(result),
      preview: request.wants?.preview ? previewPartsOf(result) : undefined,
    };
    return { id, result: plain };
  } catch (e) {
    return { id, error: String((e as Error)?.message ?? e) };
  }
}

const reviews = new LatestReviews();
parentPort?.on('message', (message: WorkerRequest | WorkerForget) => {
  if ('forget' in message) return reviews.forget(message.forget);
  try {
    parentPort?.postMessage(replyTo(message, review, reviews));
  } catch (e) {
    // A result that cannot be copied to the host (it should never happen) is one failed request.
    parentPort?.postMessage({ id: message.id, error: `the review could not be sent: ${String((e as Error)?.message ?? e)}` } satisfies WorkerReply);
  }
});
