/**
 * What runs the engine for an editor host: on its thread, or in a worker (review-runner.ts).
 * No Node here, so the browser build may name it and review on its own thread.
 *
 * An editor host keeps a review as plain data: the findings without their fixes, and the
 * design's readiness. A finding's fixes, the document symbols and the lifecycle model are
 * built where the review ran, when a code action, a hover, the Outline or the lifecycle
 * preview asks for them: a host copying every fix, the whole outline and the lifecycle model
 * of a large design at each edit would block its thread for longer than a frame.
 */
import { fixAll, review } from '../engine';
import type { Finding, Fix, FixAllResult, LifecycleModel, ReviewOptions, ReviewResult, WaivedFinding } from '../engine';
import { readinessOf } from '../features/readiness';
import type { Readiness } from '../features/readiness';
import { designSymbols } from '../features/symbols';
import type { SymbolData } from '../features/symbols';

/** A finding as an editor host holds it: everything but its fixes (`EditorReview.fixesOf`). */
export type HostFinding = Omit<Finding, 'fixes'>;
export type HostWaivedFinding = Omit<WaivedFinding, 'fixes'>;

/** What the lifecycle preview and its exports show beside the findings. */
export interface PreviewParts {
  lifecycle: LifecycleModel;
  /** The design as plain data, or undefined while the text cannot be read. */
  design: unknown;
}

/** Which parts a review brings along; the rest is asked for when wanted. */
export interface ReviewWants {
  /** The lifecycle model and the design's data (a lifecycle preview is open). */
  preview?: boolean;
}

export interface EditorReview {
  /** Reported findings, sorted by position (as the engine's `ReviewResult.findings`). */
  readonly findings: readonly HostFinding[];
  readonly waived: readonly HostWaivedFinding[];
  /** Pillars answered, stages planned, placeholders left (the status bar). */
  readonly readiness: Readiness;
  /** The lifecycle model and the design's data, when the review brought them (`ReviewWants.preview`); else `previewParts()`. */
  readonly preview: PreviewParts | undefined;
  /** The lifecycle model and the design's data, for the text reviewed. */
  previewParts(): Promise<PreviewParts>;
  /** The fixes of one of `findings` (its own and "Waive <rule> here"), for the text reviewed. */
  fixesOf(finding: HostFinding): Promise<Fix[]>;
  /** The design's document symbols (Outline, breadcrumbs), for the text reviewed. */
  symbols(): Promise<SymbolData[]>;
}

export interface ReviewBackend {
  /** `key` names the document, so a backend may keep only its newest waiting text. */
  run(text: string, options: ReviewOptions, key?: string, wants?: ReviewWants): Promise<EditorReview>;
  /** Every safe fix, round after round (engine `fixAll`): a review per round, so where reviews run. */
  fixAll(text: string, options: ReviewOptions): Promise<FixAllResult>;
  /** The document is closed: whatever the backend keeps for it may go. */
  forget?(key: string): void;
}

export function previewPartsOf(result: ReviewResult): PreviewParts {
  return { lifecycle: result.lifecycle, design: result.design };
}

/** A review made on this thread, as an editor host holds it: every part is built from it when first read. */
export function editorReviewOf(text: string, result: ReviewResult): EditorReview {
  let readiness: Readiness | undefined;
  let preview: PreviewParts | undefined;
  const parts = (): PreviewParts => (preview ??= previewPartsOf(result));
  return {
    findings: result.findings,
    waived: result.waived,
    get readiness() {
      return (readiness ??= readinessOf(result));
    },
    get preview() {
      return parts();
    },
    previewParts: () => Promise.resolve(parts()),
    fixesOf: (finding) => Promise.resolve(result.findings.find((f) => f === finding)?.fixes ?? []),
    symbols: () => Promise.resolve(designSymbols(text, result.outline)),
  };
}

/** Reviews on the caller's thread (the browser's extension host, itself a web worker). */
export const inThreadBackend: ReviewBackend = {
  run: (text, options) => Promise.resolve(editorReviewOf(text, review(text, options))),
  fixAll: (text, options) => Promise.resolve(fixAll(text, options)),
};
