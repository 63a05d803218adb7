/**
 * What the lifecycle preview reads from the editor host: the latest review of a design,
 * and when a new one arrives. The panel layer declares it so that the editor host
 * (`DesignReviews` in src/extension/design-reviews.ts) implements it and the two layers
 * import each other in one direction only: the extension imports the panel.
 */
import type * as vscode from 'vscode';
import type { Finding, ReviewResult } from '../engine';

/** What the preview reads of a review (the editor host keeps more): its lifecycle model, findings and design. */
export type PreviewedReview = Pick<ReviewResult, 'lifecycle' | 'design'> & { readonly findings: readonly Omit<Finding, 'fixes'>[] };

export interface DesignReviewSource {
  /** The latest result for this document or file (possibly of an older version), if any. */
  get(document: vscode.TextDocument | vscode.Uri): PreviewedReview | undefined;
  /**
   * The result for the document's current version, reviewing it now if needed. Undefined
   * when the document is not a design document.
   */
  request(document: vscode.TextDocument): Promise<PreviewedReview | undefined>;
  /** Whether the document is a design document (by name, content, or configured pattern). */
  isDesign(document: vscode.TextDocument): Promise<boolean>;
  /** Fires after each review whose result is current (stale results never fire). */
  readonly onDidReview: vscode.Event<{ readonly uri: vscode.Uri }>;
}
