/** The review worker thread: reviews large designs off the editor host's thread. */
import { parentPort } from 'node:worker_threads';
import { review } from '../engine';
import type { WorkerReply, WorkerRequest } from './review-worker-protocol';

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, result: review(request.text, request.options) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort?.postMessage(reply);
});
