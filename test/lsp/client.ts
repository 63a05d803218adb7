/**
 * A small LSP client for the tests: starts the built server (bin/mlsystem-review-lsp.js)
 * as a child process and talks JSON-RPC to it over stdio, with vscode-jsonrpc's own
 * stream reader and writer.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { ClientCapabilities, MessageConnection, PublishDiagnosticsParams } from 'vscode-languageserver/node';

export const root = path.resolve(__dirname, '..', '..');
export const serverBin = path.join(root, 'bin', 'mlsystem-review-lsp.js');
export const uriOf = (file: string): string => pathToFileURL(file).href;

/** What a plain client that supports push diagnostics, snippets and hierarchical symbols declares. */
export const PUSH_CLIENT: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
  },
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  rootDir?: string;
  /** Answers `workspace/configuration` for the `mlsystem` section. */
  settings?: unknown;
  initializationOptions?: unknown;
  args?: string[];
}

/** Resolves once `check` returns a value, or rejects after `ms` (a deadline, not a pause). */
export function waitUntil<T>(what: string, check: () => T | undefined, ms = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const value = check();
      if (value !== undefined) resolve(value);
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly stderr: string[] = [];
  /** What the server asked the client to register (`client/registerCapability`). */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** What it withdrew (`client/unregisterCapability`), by registration id. */
  readonly unregistrations: { id: string; method: string }[] = [];
  settings: unknown;
  /** The server's answer to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } = { capabilities: {} };
  readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    settings: unknown,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings ?? null));
    connection.onRequest('client/registerCapability', (p: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    // The protocol's own misspelling of the field.
    connection.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string; method: string }[] }) => {
      this.unregistrations.push(...p.unregisterations);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(path.join(root, 'dist', 'language-server.js'))) throw new Error('dist/language-server.js is missing: run `npm run build` first');
    const child = spawn(process.execPath, [serverBin, ...(options.args ?? ['--stdio'])], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings);
    connection.listen();
    const rootDir = options.rootDir ?? root;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(rootDir),
      workspaceFolders: [{ uri: uriOf(rootDir), name: path.basename(rootDir) }],
      capabilities: options.capabilities ?? PUSH_CLIENT,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The diagnostics pushed for `uri` (at `version`, when given), waiting for them. */
  pushed(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return waitUntil(`diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () =>
      [...this.diagnostics].reverse().find((d) => d.uri === uri && (version === undefined || d.version === version)));
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      await this.request('shutdown', null).catch(() => undefined);
      await this.notify('exit', null).catch(() => undefined);
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}
