/**
 * Settings and the config file: which documents are designs, and with which rule
 * severities they are reviewed.
 *
 * The nearest `.mlsystem-review.json|yaml|yml` (searched from the file's folder up to its
 * workspace folder) is read as the CLI reads it; the `mlsystem.*` settings are applied
 * over it, rule by rule, so a setting wins over the file. Extra file patterns add up:
 * `mlsystem.files` is relative to the workspace folder, the file's `files` to its folder.
 * All reads go through `vscode.workspace.fs`, so virtual workspaces work too.
 */
import * as vscode from 'vscode';
import { AsyncConfigLookup, emptyConfig, formatProblem, isConfigFileName, isDesignDocument, isDesignFileName, isYamlFileName, matchesPatterns, validateConfig } from '../engine';
import type { AsyncConfigReader, ConfigProblem, DesignConfig, ReviewConfig, ReviewOptions, SeveritySetting } from '../engine';
import { CONFIG_DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../features';
import { host } from './host';
import { notifications } from './notifications';
import type { DesignSettings } from './design-reviews';

export type ReviewTrigger = 'onType' | 'onSave';

export const SECTION = SETTINGS_SECTION;
export const CONFIG_FILE_GLOB = '**/.mlsystem-review.{json,yaml,yml}';

/** URI schemes that show a copy of a file (diffs, output), never reviewed. */
const IGNORED_SCHEMES = new Set(['git', 'output', 'debug', 'vscode-scm', 'gitlens', 'pr', 'review', 'vscode-settings']);

/**
 * The engine's configuration reader over `vscode.workspace.fs`, for one scheme and
 * authority (engine paths are URI paths). Packages are resolved only from files on disk
 * in a trusted workspace: a package's configuration is as much the repository's choice
 * as its files, and Restricted Mode must not act on it. Only the Node host resolves them
 * (extension-host.ts); the browser says why it cannot.
 */
function workspaceReader(base: vscode.Uri): AsyncConfigReader {
  const at = (path: string): vscode.Uri => base.with({ path });
  const trusted = vscode.workspace.isTrusted;
  const onDisk = base.scheme === 'file';
  return {
    async readFile(path) {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(path)));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
        throw e;
      }
    },
    async isFile(path) {
      try {
        return ((await vscode.workspace.fs.stat(at(path))).type & vscode.FileType.File) !== 0;
      } catch {
        return false;
      }
    },
    ...(trusted && onDisk && host.resolveConfigPackage ? { resolvePackage: host.resolveConfigPackage } : {}),
    packagesUnavailable: host.configPackagesUnavailable ?? (!trusted
      ? 'the workspace is in Restricted Mode; trust it to use configuration packages'
      : 'packages are resolved only for folders on disk'),
  };
}

export class DesignConfiguration implements DesignSettings, vscode.Disposable {
  /** One lookup per workspace folder (or per folder outside them), cached until something changes; `base` turns its paths into URIs. */
  private readonly lookups = new Map<string, { lookup: AsyncConfigLookup; base: vscode.Uri }>();
  private readonly reported = new Set<string>();
  /** Problems in configuration files, shown as diagnostics on them. */
  readonly problems = vscode.languages.createDiagnosticCollection(CONFIG_DIAGNOSTIC_SOURCE);
  /** Files that `extends` reached outside the config file names, watched one by one. */
  private readonly watched = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings or a config file change: open designs should be reviewed again. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.problems];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.invalidate();
      }),
      // Trust granted: configuration packages may now be resolved.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    );
    // The watcher is created lazily: a glob watcher is cheap, but nothing at startup is cheaper.
    let watcher: vscode.FileSystemWatcher | undefined;
    this.watchConfigFiles = () => {
      if (watcher) return;
      watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
      const onChange = (): void => this.invalidate();
      this.disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
    };
  }

  private readonly watchConfigFiles: () => void;

  private invalidate(): void {
    this.lookups.clear();
    this.reported.clear();
    this.problems.clear();
    this.changed.fire();
    for (const document of vscode.workspace.textDocuments) void this.reviewConfigFile(document.uri);
  }

  trigger(uri?: vscode.Uri): ReviewTrigger {
    return vscode.workspace.getConfiguration(SECTION, uri).get<ReviewTrigger>('review.trigger', 'onType') === 'onSave' ? 'onSave' : 'onType';
  }

  /** Whether a document should be looked at at all: YAML, in a scheme that is a real file. */
  isCandidate(document: vscode.TextDocument): boolean {
    if (IGNORED_SCHEMES.has(document.uri.scheme)) return false;
    return document.languageId === 'yaml' || isYamlFileName(document.uri.path);
  }

  async isDesign(uri: vscode.Uri, text: () => string): Promise<boolean> {
    if (IGNORED_SCHEMES.has(uri.scheme)) return false;
    if (isDesignFileName(uri.path)) return true;
    if (uri.scheme === 'untitled') return isDesignDocument('untitled.yaml', text);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const settingPatterns = this.settingsConfig(uri).files;
    if (folder && settingPatterns.length && matchesPatterns(relative(folder.uri.path, uri.path), settingPatterns)) return true;
    // In Restricted Mode a cloned repository does not choose which files are read as designs
    // (VS Code drops the workspace's `mlsystem.files` itself: restrictedConfigurations).
    const found = vscode.workspace.isTrusted ? await this.configFor(uri) : undefined;
    if (found?.dir !== undefined && found.config.files.length && matchesPatterns(relative(found.dir, uri.path), found.config.files)) return true;
    return isDesignDocument(uri.path, text);
  }

  /** The configuration file's rules (after its overrides for this file) and checks, with the settings on top. */
  async reviewOptions(uri: vscode.Uri): Promise<ReviewOptions> {
    const found = await this.configFor(uri);
    return {
      rules: { ...found?.options.rules, ...this.settingsConfig(uri).rules },
      checks: found?.options.checks ?? [],
    };
  }

  /** The effective configuration of a design, for tests and commands. */
  configuration(uri: vscode.Uri): Promise<DesignConfig | undefined> {
    return this.configFor(uri);
  }

  /** Review a configuration file itself: its problems become diagnostics on it. */
  async reviewConfigFile(uri: vscode.Uri): Promise<void> {
    if (!isConfigFileName(uri.path)) return;
    const entry = this.lookupFor(uri);
    const found = await entry.lookup.forFolder(vscode.Uri.joinPath(uri, '..').path);
    if (this.isCurrent(entry)) this.publishProblems(found, entry.base, uri);
  }

  /** The `mlsystem.rules` and `mlsystem.files` settings, checked as the config file is. */
  settingsConfig(uri: vscode.Uri | undefined): ReviewConfig {
    const config = vscode.workspace.getConfiguration(SECTION, uri);
    const rules = config.get<Record<string, SeveritySetting>>('rules', {});
    const files = config.get<string[]>('files', []);
    // Keep what is valid (known rules with known levels, string patterns); say what is not, once.
    const { config: valid, problems } = validateConfig({ rules, files }, 'Settings (mlsystem.*)');
    if (problems.length) this.reportOnce('settings', formatProblem(problems[0]));
    return { ...emptyConfig(), rules: valid.rules, files: valid.files };
  }

  /** The configuration for a design: the nearest config file at or above its folder, within its workspace folder. */
  private async configFor(uri: vscode.Uri): Promise<DesignConfig | undefined> {
    if (uri.scheme === 'untitled') return undefined;
    this.watchConfigFiles();
    for (let attempt = 1; ; attempt++) {
      const entry = this.lookupFor(uri);
      const found = await entry.lookup.forDesign(uri.path);
      // A config file changed while this lookup read the old ones: read again. A review
      // already under way then still gets the current configuration.
      if (!this.isCurrent(entry) && attempt < 5) continue;
      this.publishProblems(found, entry.base);
      return found;
    }
  }

  private isCurrent(entry: { lookup: AsyncConfigLookup; base: vscode.Uri }): boolean {
    return this.lookups.get(entry.base.toString()) === entry;
  }

  private lookupFor(uri: vscode.Uri): { lookup: AsyncConfigLookup; base: vscode.Uri } {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    // Outside a workspace folder only the file's own folder is looked in.
    const base = folder ?? vscode.Uri.joinPath(uri, '..');
    const key = base.toString();
    let found = this.lookups.get(key);
    if (!found) {
      const lookup = new AsyncConfigLookup(workspaceReader(base), {
        stopAt: base.path,
        display: (path) => vscode.workspace.asRelativePath(base.with({ path }), false),
      });
      found = { lookup, base };
      this.lookups.set(key, found);
    }
    return found;
  }

  /** Every problem of the configuration files read, as error (or warning) diagnostics on them; `also` is cleared when clean. */
  private publishProblems(found: { files: readonly string[]; problems: readonly ConfigProblem[] }, base: vscode.Uri, also?: vscode.Uri): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const uriOf = (path: string): vscode.Uri => base.with({ path });
    for (const file of found.files) byFile.set(file, []);
    if (also) byFile.set(also.path, byFile.get(also.path) ?? []);
    for (const p of found.problems) {
      if (!p.filePath) continue;
      const range = p.range ? new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character) : new vscode.Range(0, 0, 0, 0);
      const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = CONFIG_DIAGNOSTIC_SOURCE;
      byFile.set(p.filePath, [...(byFile.get(p.filePath) ?? []), d]);
    }
    for (const [path, diagnostics] of byFile) this.problems.set(uriOf(path), diagnostics);
    for (const file of found.files) this.watch(file, base);
  }

  /** Watches a file that `extends` named (the config file names are watched by one glob). */
  private watch(path: string, base: vscode.Uri): void {
    if (this.watched.has(path) || isConfigFileName(path)) return;
    const uri = base.with({ path });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), path.slice(path.lastIndexOf('/') + 1)));
    const onChange = (): void => this.invalidate();
    this.watched.set(path, vscode.Disposable.from(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange)));
  }

  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    void notifications.show('warning', message);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const d of this.watched.values()) d.dispose();
  }
}

function relative(folder: string, path: string): string {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(base) ? path.slice(base.length) : path;
}
