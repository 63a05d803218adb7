/**
 * What the lifecycle preview reads from the editor host: the latest review of a design,
 * and when a new one arrives. The panel layer declares it so that the editor host
 * (`DesignReviews` in src/extension/design-reviews.ts) implements it and the two layers
 * import each other in one direction only: the extension imports the panel.
 */
import * as vscode from 'vscode';
import type { Finding, ReviewResult } from '../engine';
import { VIEW_TYPE } from '../protocol/panel-messages';

/** What the preview reads of a review (the editor host keeps more): its lifecycle model, findings and design. */
export type PreviewedReview = Pick<ReviewResult, 'lifecycle' | 'design'> & { readonly findings: readonly Omit<Finding, 'fixes'>[] };

/** Whether a lifecycle preview is open, shown or not: the editor host's reviews then bring the lifecycle model along. */
export function isPreviewOpen(): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE)));
}

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
