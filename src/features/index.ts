/**
 * The editor features, computed once for every editor: diagnostics, code actions,
 * completion, hover and symbols. Pure over the engine (positions and ranges are the
 * engine's); the VS Code extension turns them into `vscode` types, the language server
 * into LSP types.
 */
export * from './kinds';
export * from './diagnostics';
export * from './code-actions';
export * from './completion';
export * from './hover';
export * from './symbols';
export * from './settings';
export { parseSnippetFile, snippetToText } from './snippets';
export type { DesignSnippet } from './snippets';
