/**
 * The browser's web worker extension host (vscode.dev, github.dev): the seams of
 * extension-host.ts without Node. Bundled in place of host.ts by the browser build.
 */
import { review } from '../engine';
import type { ExtensionHost } from './extension-host';

/** Enough for any repository of designs; a monorepo's YAML beyond it is not fetched file by file. */
export const WEB_WORKSPACE_SCAN_LIMIT = 2000;

export const host: ExtensionHost = {
  kind: 'web',
  // The web worker extension host is itself off the UI thread: the review runs in it
  // directly, with no worker of its own.
  createReviewBackend: () => ({ run: (text, options) => Promise.resolve(review(text, options)), dispose: () => undefined }),
  workspaceScanLimit: WEB_WORKSPACE_SCAN_LIMIT,
  configPackagesUnavailable: 'npm packages cannot be resolved in the browser (vscode.dev, github.dev); use a path to the configuration file instead',
};
