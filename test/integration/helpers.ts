// Helpers for integration suites: wait on events or conditions with a deadline, never a
// fixed sleep (docs/testing.md, "Writing a suite").
import * as vscode from 'vscode';
import type { MlsystemReviewApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'mlsystem-review.mlsystem-review';
export const DIAGNOSTIC_SOURCE = 'mlsystem-review';

/** The fixture workspace folder (a throwaway copy of test/fixtures/editor-workspace). */
export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open; the runner opens test/fixtures/editor-workspace');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), ...relativePath.split('/'));
}

/** Polls `check` until it returns a value other than undefined/false, or throws at the deadline. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(doc);
}

/** Diagnostics from this project only. */
export function ownDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/**
 * Resolves with this project's diagnostics for `uri` once `accept` holds, checking now and on
 * every `onDidChangeDiagnostics` for that uri.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ownDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = ownDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.fsPath}; have ${JSON.stringify(seen)}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** The rule id of a diagnostic, whether `code` is a plain value or `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  await waitFor(() => ext.isActive, `${EXTENSION_ID} to activate`);
  return ext;
}

/** The extension's parts as it exposes them to these tests (its API's `testing`). */
export async function testApi(): Promise<MlsystemReviewApi['testing']> {
  return ((await activeExtension()).exports as MlsystemReviewApi).testing;
}
