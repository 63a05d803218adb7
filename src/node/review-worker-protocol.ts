/** Messages between an editor host and the review worker (review-worker.ts). */
import type { Fix, FixAllResult, ReviewOptions } from '../engine';
import type { SymbolData } from '../features/symbols';
import type { EditorReview, PreviewParts, ReviewWants } from './review-backend';

/**
 * `review` (the default when `task` is absent) answers with the review as plain data (and
 * the lifecycle model and design with `wants.preview`); `fixes` with the fixes of the
 * review's finding at `finding` (its index in the findings); `symbols` with the design's
 * document symbols; `preview` with the lifecycle model and design; `fixAll` applies every
 * safe fix, round after round. The worker keeps the latest review of each document (`key`), so `fixes`
 * and `symbols` for the text it reviewed last do not review it again.
 */
export interface WorkerRequest {
  id: number;
  text: string;
  options: ReviewOptions;
  key?: string;
  task?: 'review' | 'fixes' | 'symbols' | 'preview' | 'fixAll';
  wants?: ReviewWants;
  /** For `fixes`: the finding's index in the review's findings. */
  finding?: number;
}

/** A document was closed: the worker lets its latest review go (no reply). */
export interface WorkerForget {
  forget: string;
}

/** A review as the worker posts it: plain data, no fixes, no outline, the lifecycle model only when wanted. */
export type PlainReview = Omit<EditorReview, 'fixesOf' | 'symbols' | 'previewParts'>;

export type WorkerReply =
  | { id: number; result: PlainReview }
  | { id: number; fixes: Fix[] }
  | { id: number; symbols: SymbolData[] }
  | { id: number; preview: PreviewParts }
  | { id: number; fixed: FixAllResult }
  | { id: number; error: string };
