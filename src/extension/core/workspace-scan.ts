/**
 * The host-free part of "ML Design: Review Workspace": how much of a large workspace one
 * run reads, and what it says (localized by @vscode/l10n, which activation gives the extension's bundle).
 */
import * as l10n from '@vscode/l10n';

export interface ScanPlan<T> {
  /** The files this run reads. */
  files: T[];
  /** What to tell the user when files were left out, else undefined. */
  notice: string | undefined;
}

/**
 * `found` holds at most `limit + 1` files (one more than the limit tells a workspace at
 * the limit from one past it); with no limit, all of them are read.
 */
export function planScan<T>(found: readonly T[], limit: number | undefined): ScanPlan<T> {
  if (limit === undefined || found.length <= limit) return { files: [...found], notice: undefined };
  return {
    files: found.slice(0, limit),
    notice: l10n.t('This workspace has more than {0} YAML files: Review Workspace reviews the first {0} of them here, where each file is fetched on its own. Open a design file to review it, or run the mlsystem-review CLI on a clone.', limit),
  };
}

/** The message when the workspace's files cannot be listed (a file system with no search). */
export function cannotListMessage(reason: string): string {
  return l10n.t("Review Workspace cannot list this workspace's files ({0}). Open a design file to review it.", reason);
}
