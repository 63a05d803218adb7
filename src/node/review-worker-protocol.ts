/** Messages between an editor host and the review worker (review-worker.ts). */
import type { ReviewOptions, ReviewResult } from '../engine';

export interface WorkerRequest {
  id: number;
  text: string;
  options: ReviewOptions;
}

export type WorkerReply = { id: number; result: ReviewResult } | { id: number; error: string };
