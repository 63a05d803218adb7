/** What runs the engine for an editor host: on its thread, or in a worker (review-runner.ts). No Node here, so the browser build may name it. */
import type { ReviewOptions, ReviewResult } from '../engine';

export interface ReviewBackend {
  /** `key` names the document, so a backend may keep only its newest waiting text. */
  run(text: string, options: ReviewOptions, key?: string): Promise<ReviewResult>;
}
