/**
 * The desktop (Node) extension host's side of the seams in extension-host.ts. The browser
 * build replaces this module with host.web.ts.
 */
import * as vscode from 'vscode';
import type { ExtensionHost } from './extension-host';
import { ReviewRunner } from '../node/review-runner';
import { resolvePackageManifest } from '../node/config-reader';

export const host: ExtensionHost = {
  kind: 'node',
  // Large designs are reviewed in a worker thread, so typing never waits on the host.
  createReviewBackend: (extensionUri) => new ReviewRunner(vscode.Uri.joinPath(extensionUri, 'dist', 'review-worker.js').fsPath),
  workspaceScanLimit: undefined,
  resolveConfigPackage: async (name, folder) => resolvePackageManifest(name, folder),
  configPackagesUnavailable: undefined,
};
