/** Messages between an editor host and the review worker (review-worker.ts). */
import type { FixAllResult, ReviewOptions, ReviewResult } from '../engine';

/** `task` is `review` when absent; `fixAll` applies every safe fix, round after round. */
export interface WorkerRequest {
  id: number;
  text: string;
  options: ReviewOptions;
  task?: 'review' | 'fixAll';
}

export type WorkerReply = { id: number; result: ReviewResult } | { id: number; fixed: FixAllResult } | { id: number; error: string };
