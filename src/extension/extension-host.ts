/**
 * What differs between the two extension hosts the extension runs in: the desktop's Node
 * host (`main`, dist/extension.js) and the browser's web worker host of vscode.dev and
 * github.dev (`browser`, dist/web/extension.js). Everything else is the same code.
 *
 * host.ts is the Node side; the browser build (scripts/build.mjs) puts host.web.ts in its
 * place, so no module asks at run time which host it is in. Both export `host`.
 */
import type * as vscode from 'vscode';
import type { ReviewBackend } from '../node/review-backend';

export type HostKind = 'node' | 'web';

export interface ExtensionHost {
  /** Which entry runs: `node` (desktop, remote, Codespaces) or `web` (the browser's web worker). */
  readonly kind: HostKind;
  /** Runs the engine for the editor. */
  createReviewBackend(extensionUri: vscode.Uri): ReviewBackend & vscode.Disposable;
  /**
   * At most how many YAML files "Review Workspace" reads, or undefined for all of them. In
   * the browser each read may be a network request (github.dev reads the repository
   * through GitHub's API), so a large tree is not read whole.
   */
  readonly workspaceScanLimit: number | undefined;
  /**
   * The package.json of npm package `name` as Node resolves it from `folder`, for a
   * configuration file's `extends`; absent where packages cannot be resolved.
   */
  readonly resolveConfigPackage?: (name: string, folder: string) => Promise<string | undefined>;
  /**
   * Why a configuration file's `extends` cannot name an npm package in this host, or
   * undefined where it can. Paths in `extends` work in every host.
   */
  readonly configPackagesUnavailable: string | undefined;
}
