/**
 * The editor vocabulary the features speak, by name. VS Code's enums and the Language
 * Server Protocol's share these names (not their numbers), so each host maps a name with
 * one lookup (`vscode.SymbolKind[name]`, LSP `SymbolKind[name]`).
 */
export type CompletionKindName = 'Property' | 'EnumMember' | 'Reference' | 'Snippet';
export type SymbolKindName = 'Namespace' | 'Event' | 'Function' | 'Number' | 'Struct' | 'EnumMember' | 'Object' | 'Key' | 'Field';
