/**
 * The language server: design reviews for any editor that speaks LSP. It holds the open
 * documents, reviews the designs among them (debounced, one review per version, large
 * designs in the review worker) and answers from the shared editor features
 * (src/features/), converted to LSP types. Every other YAML document gets nothing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { CancellationToken, ClientCapabilities, CodeAction, Connection, Diagnostic, Disposable, FileSystemWatcher, InitializeResult, TextDocumentContentChangeEvent, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine';
import type { TextEdit } from '../engine';
import { ReviewRunner } from '../node/review-runner';
import {
  COMPLETION_TRIGGERS,
  designCompletions,
  designDiagnostic,
  designHover,
  DIAGNOSTIC_SOURCE,
  findingsAt,
  FIX_ALL_KIND,
  fixAllEdit,
  parseSnippetFile,
  PublishedFindings,
  QUICK_FIX_KIND,
  requestedActions,
  SETTINGS_SECTION,
} from '../features';
import type { DocsLinks } from '../features';
import snippetFile from '../../snippets/mlsystem.json';
import { ServerConfiguration } from './configuration';
import { toCompletionItem, toConfigDiagnostic, toDiagnostic, toDocumentSymbol, toHover, toSymbolInformation } from './convert';
import * as check from './params';
import { DocumentReviews } from './reviews';
import type { Reviewed } from './reviews';

/** Quiet time after the last change before a pushed review, as in VS Code. */
export const TYPING_DELAY_MS = 300;
const CONFIG_FILE_GLOB = '**/.mlsystem-review.{json,yaml,yml}';

export interface ServerOptions {
  /** The review worker's script (dist/review-worker.js beside the server's bundle). */
  workerScript: string;
  reviewDelayMs?: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Rules link to their page in this repository's docs/rules/; a team's check to its own docs. */
const DOCS_LINKS: DocsLinks<string> = { builtIn: ruleDocsUrl, team: (url) => url };

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
const modified = (): ResponseError<void> => new ResponseError(LSPErrorCodes.ContentModified, 'the document changed while the request ran; ask again');

/** A watcher of one file by its path: glob characters in the name match only themselves. */
function fileWatcher(file: string, relativePatterns: boolean): FileSystemWatcher {
  const literal = (text: string): string => text.replace(/[*?[\]{}]/g, '[$&]');
  return { globPattern: relativePatterns ? { baseUri: pathToFileURL(path.dirname(file)).href, pattern: literal(path.basename(file)) } : literal(file.split(path.sep).join('/')) };
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new Map<string, TextDocument>();
  /** The registration that watches the files config files extend, replaced when they change. */
  let extendedWatch: Promise<Disposable | undefined> = Promise.resolve(undefined);
  const configuration = new ServerConfiguration({
    // A notification, not `window/showMessageRequest`: nothing to answer, nothing to wait for.
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    // Pushed in both modes: a config file need not be open, and a pulling client asks only about open documents.
    problems: (file, problems) => void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: problems.map(toConfigDiagnostic) }),
    watch: (files) => {
      const watching = client.workspace?.didChangeWatchedFiles;
      // A client that cannot be asked still re-reads on the notifications it sends, and on saving such a file.
      if (!watching?.dynamicRegistration) return;
      const watchers = files.map((f) => fileWatcher(f, Boolean(watching.relativePatternSupport)));
      extendedWatch = extendedWatch.then((previous) => {
        previous?.dispose();
        return watchers.length ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined) : undefined;
      });
    },
  });
  const runner = new ReviewRunner(options.workerScript);
  const snippets = parseSnippetFile(snippetFile);
  /** Documents with pushed diagnostics (cleared when they close or stop being designs). */
  const pushed = new Set<string>();
  let client: ClientCapabilities = {};
  let pullDiagnostics = false;
  let folders: string[] = [];

  const isDesign = (document: TextDocument): boolean => configuration.isDesign(document.uri, document.languageId, () => document.getText());
  const diagnosticsOf = (reviewed: Reviewed): Diagnostic[] => reviewed.result.findings.map((f) => toDiagnostic(reviewed.uri, designDiagnostic(f, DOCS_LINKS)));

  const publish = (reviewed: Reviewed): void => {
    pushed.add(reviewed.uri);
    void connection.sendDiagnostics({ uri: reviewed.uri, version: reviewed.version, diagnostics: diagnosticsOf(reviewed) });
  };
  const unpublish = (uri: string): void => {
    if (pushed.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  };

  const reviews = new DocumentReviews(
    runner,
    {
      current: (uri) => documents.get(uri),
      options: (uri) => configuration.reviewOptions(uri),
      reviewed: (r) => {
        if (!pullDiagnostics) publish(r);
      },
    },
    options.reviewDelayMs ?? TYPING_DELAY_MS,
  );

  /** Push mode: review now (or after the typing pause), or clear a document that is no longer a design. */
  const reviewPushed = (document: TextDocument, debounce: boolean): void => {
    if (pullDiagnostics) return;
    if (!isDesign(document)) {
      reviews.forget(document.uri);
      unpublish(document.uri);
    } else if (debounce) reviews.schedule(document.uri);
    else void reviews.review(document);
  };

  /** The review of a document's current version, or the LSP error that says why there is none. */
  const currentReview = async (document: TextDocument, token: CancellationToken): Promise<Reviewed> => {
    const reviewed = await reviews.review(document);
    if (token.isCancellationRequested) throw cancelled();
    if (!reviewed || documents.get(document.uri)?.version !== document.version) throw modified();
    return reviewed;
  };

  /** The open design a request is about; undefined for unknown documents and other YAML. */
  const designFor = (params: unknown): TextDocument | undefined => {
    const document = documents.get(check.documentUri(params));
    return document && isDesign(document) ? document : undefined;
  };

  const toWorkspaceEdit = (document: TextDocument, edits: TextEdit[]): WorkspaceEdit =>
    client.workspace?.workspaceEdit?.documentChanges
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
      : { changes: { [document.uri]: edits } };

  /** Config files changed (or the folders): look up every open document's again, then review. */
  const configFilesChanged = (): void => {
    configuration.recheck(() => {
      for (const document of documents.values()) {
        if (!configuration.reviewConfigFile(document.uri) && isDesign(document)) configuration.lookUp(document.uri);
      }
    });
    reconfigure();
  };

  const reconfigure = (): void => {
    reviews.invalidate();
    if (pullDiagnostics) {
      if (client.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.values()) reviewPushed(document, false);
    }
  };

  const readSettings = async (pushedSettings: unknown): Promise<void> => {
    let section = record(pushedSettings)?.[SETTINGS_SECTION];
    if (client.workspace?.configuration) {
      try {
        section = await connection.workspace.getConfiguration(SETTINGS_SECTION);
      } catch {
        // The client could not answer: keep what it pushed.
      }
    }
    if (section !== undefined) configuration.setSettings(section);
  };

  connection.onInitialize((params): InitializeResult => {
    client = record(params.capabilities) ? params.capabilities : {};
    pullDiagnostics = Boolean(client.textDocument?.diagnostic);
    folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f.uri) : typeof params.rootUri === 'string' ? [params.rootUri] : [];
    configuration.setWorkspaceFolders(folders);
    const init = record(params.initializationOptions);
    if (init?.[SETTINGS_SECTION] !== undefined) configuration.setSettings(init[SETTINGS_SECTION]);
    configuration.setToday(init?.today);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'ML design' },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mlsystem-review-lsp' },
    };
  });

  connection.onInitialized(() => {
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] }).catch(() => undefined);
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        configuration.setWorkspaceFolders(folders);
        configFilesChanged();
      });
    }
    void readSettings(undefined).then(() => {
      if (client.workspace?.configuration) reconfigure();
    });
  });

  connection.onDidChangeConfiguration((params) => {
    void readSettings(params?.settings).then(reconfigure);
  });
  // Any change the client reports is one of the watched config files (or one it watches of its own accord).
  connection.onDidChangeWatchedFiles(configFilesChanged);

  // --- Documents: kept here (not in TextDocuments) so a malformed notification is ignored, not half-applied.
  connection.onDidOpenTextDocument((params) => {
    const item = record(params)?.textDocument as Record<string, unknown> | undefined;
    if (!item || typeof item.uri !== 'string' || typeof item.text !== 'string') return;
    const document = TextDocument.create(item.uri, typeof item.languageId === 'string' ? item.languageId : '', typeof item.version === 'number' ? item.version : 0, item.text);
    documents.set(document.uri, document);
    if (!configuration.reviewConfigFile(document.uri)) reviewPushed(document, false);
  });
  connection.onDidChangeTextDocument((params) => {
    const id = record(params)?.textDocument as Record<string, unknown> | undefined;
    const document = typeof id?.uri === 'string' ? documents.get(id.uri) : undefined;
    const changes = record(params)?.contentChanges;
    if (!document || !id || typeof id.version !== 'number' || !Array.isArray(changes)) return;
    const valid = changes.filter((c): c is TextDocumentContentChangeEvent => typeof record(c)?.text === 'string');
    const updated = TextDocument.update(document, valid, id.version);
    documents.set(updated.uri, updated);
    if (configuration.trigger === 'onType') reviewPushed(updated, true);
  });
  connection.onDidSaveTextDocument((params) => {
    const uri = record(record(params)?.textDocument)?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    // A config file saved is read again, as VS Code does (its unsaved text never counts): also for clients that watch nothing.
    if (document && configuration.readsConfigFile(document.uri)) configFilesChanged();
    else if (document && configuration.trigger === 'onSave') reviewPushed(document, false);
  });
  connection.onDidCloseTextDocument((params) => {
    const uri = record(record(params)?.textDocument)?.uri;
    if (typeof uri !== 'string') return;
    documents.delete(uri);
    reviews.forget(uri);
    unpublish(uri);
  });

  // --- Requests.
  connection.languages.diagnostics.on(async (params, token) => {
    const document = designFor(params);
    if (!document) return { kind: 'full', items: [] };
    const reviewed = await reviews.review(document);
    if (token.isCancellationRequested) throw cancelled();
    if (!reviewed) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed; ask again', { retriggerRequest: true });
    return { kind: 'full', items: diagnosticsOf(reviewed) };
  });

  connection.onCodeAction(async (params, token) => {
    const context = check.codeActionContext(params);
    const document = designFor(params);
    if (!document) return [];
    const wanted = requestedActions(context.only, true);
    const actions: CodeAction[] = [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (wanted.quickFixes && ours.length) {
      const reviewed = await currentReview(document, token);
      const published = new PublishedFindings(reviewed.version, reviewed.result.findings);
      // Asked together: for a design in the worker, each is a round trip.
      const fixes = await Promise.all(
        ours.map((d) => {
          const finding = published.findingFor(document.version, typeof d.code === 'string' ? d.code : undefined, d.range, d.message);
          return finding ? reviewed.result.fixesOf(finding) : [];
        }),
      );
      for (const [i, d] of ours.entries()) {
        for (const fix of fixes[i]) {
          actions.push({ title: fix.title, kind: QUICK_FIX_KIND, diagnostics: [d.raw as Diagnostic], isPreferred: fix.isPreferred ?? false, edit: toWorkspaceEdit(document, fix.edits) });
        }
      }
    }
    if (wanted.fixAll) {
      const text = document.getText();
      const action = fixAllEdit(text, await runner.fixAll(text, configuration.reviewOptions(document.uri)));
      if (token.isCancellationRequested) throw cancelled();
      if (documents.get(document.uri)?.version !== document.version) throw modified();
      if (action) actions.push({ title: action.title, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(document, [action.edit]) });
    }
    return actions;
  });

  connection.onCompletion((params, token) => {
    const position = check.position(record(params)?.position);
    const document = designFor(params);
    if (!document || token.isCancellationRequested) return [];
    const snippetSupport = Boolean(client.textDocument?.completion?.completionItem?.snippetSupport);
    return designCompletions(document.getText(), position, snippets).map((item) => toCompletionItem(item, snippetSupport));
  });

  connection.onHover(async (params, token) => {
    const position = check.position(record(params)?.position);
    const document = designFor(params);
    if (!document) return null;
    const reviewed = reviews.reviewOf(document.uri, document.version) ?? (await currentReview(document, token));
    // The fixes on offer are named: asked of the review for the findings under the cursor only.
    const here = await Promise.all(findingsAt(reviewed.result.findings, position).map(async (f) => ({ ...f, fixes: await reviewed.result.fixesOf(f) })));
    const hover = designHover(document.getText(), position, { findings: here, links: DOCS_LINKS });
    return hover ? toHover(hover) : null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    const document = designFor(params);
    if (!document) return [];
    const reviewed = await currentReview(document, token);
    const symbols = await reviewed.result.symbols();
    if (token.isCancellationRequested) throw cancelled();
    return client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols.map(toDocumentSymbol) : toSymbolInformation(document.uri, symbols);
  });

  connection.onShutdown(() => {
    reviews.dispose();
    runner.dispose();
  });
}
