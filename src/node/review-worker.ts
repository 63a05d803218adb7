/** The review worker thread: reviews (and fixes all in) large designs off the editor host's thread. */
import { parentPort } from 'node:worker_threads';
import { fixAll, review } from '../engine';
import type { WorkerReply, WorkerRequest } from './review-worker-protocol';

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = request.task === 'fixAll' ? { id: request.id, fixed: fixAll(request.text, request.options) } : { id: request.id, result: review(request.text, request.options) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort?.postMessage(reply);
});
