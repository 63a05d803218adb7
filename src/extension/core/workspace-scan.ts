/** The host-free part of "ML Design: Review Workspace": how much of a large workspace one run reads, and what it says. */

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
    notice: `This workspace has more than ${limit} YAML files: Review Workspace reviews the first ${limit} of them here, where each file is fetched on its own. Open a design file to review it, or run the mlsystem-review CLI on a clone.`,
  };
}

/** The message when the workspace's files cannot be listed (a file system with no search). */
export function cannotListMessage(reason: string): string {
  return `Review Workspace cannot list this workspace's files (${reason}). Open a design file to review it.`;
}
