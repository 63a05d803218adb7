/**
 * The browser's web worker extension host (vscode.dev, github.dev): the seams of
 * extension-host.ts without Node. Bundled in place of host.ts by the browser build.
 */
import { inThreadBackend } from '../node/review-backend';
import type { ExtensionHost } from './extension-host';

/** Enough for any repository of designs; a monorepo's YAML beyond it is not fetched file by file. */
const WEB_WORKSPACE_SCAN_LIMIT = 2000;

export const host: ExtensionHost = {
  kind: 'web',
  // The web worker extension host is itself off the UI thread: the review runs in it
  // directly, with no worker of its own.
  createReviewBackend: () => ({ ...inThreadBackend, dispose: () => undefined }),
  workspaceScanLimit: WEB_WORKSPACE_SCAN_LIMIT,
  // Shown after "packages are not resolved here: ", once per `extends` entry that names one.
  configPackagesUnavailable: 'the browser (vscode.dev, github.dev) has no node_modules to resolve them from; name the configuration file by its path instead',
};
