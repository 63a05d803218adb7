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
import { CONFIG_FILE_NAMES, ConfigError, isDesignDocument, isDesignFileName, isYamlFileName, matchesPatterns, mergeConfigs, parseConfig, validateConfig } from '../engine';
import type { ReviewConfig, ReviewOptions, RuleId, SeveritySetting } from '../engine';
import type { DesignSettings } from './design-reviews';

export type ReviewTrigger = 'onType' | 'onSave';

export const SECTION = 'mlsystem';
export const CONFIG_FILE_GLOB = '**/.mlsystem-review.{json,yaml,yml}';

/** URI schemes that show a copy of a file (diffs, output), never reviewed. */
const IGNORED_SCHEMES = new Set(['git', 'output', 'debug', 'vscode-scm', 'gitlens', 'pr', 'review', 'vscode-settings']);

interface FoundConfig {
  folder: vscode.Uri;
  config: ReviewConfig;
}

export class DesignConfiguration implements DesignSettings, vscode.Disposable {
  /** Per folder: the nearest config file's content, looked up once until something changes. */
  private readonly nearest = new Map<string, Promise<FoundConfig | undefined>>();
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings or a config file change: open designs should be reviewed again. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.invalidate();
      }),
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
    this.nearest.clear();
    this.reported.clear();
    this.changed.fire();
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
    if (folder && settingPatterns.length && matchesPatterns(relative(folder.uri, uri), settingPatterns)) return true;
    const found = await this.configFor(uri);
    if (found?.config.files.length && matchesPatterns(relative(found.folder, uri), found.config.files)) return true;
    return isDesignDocument(uri.path, text);
  }

  async reviewOptions(uri: vscode.Uri): Promise<ReviewOptions> {
    const found = await this.configFor(uri);
    const merged = mergeConfigs(found?.config ?? { rules: {}, files: [] }, this.settingsConfig(uri));
    return { rules: merged.rules };
  }

  /** The `mlsystem.rules` and `mlsystem.files` settings, checked as the config file is. */
  settingsConfig(uri: vscode.Uri | undefined): ReviewConfig {
    const config = vscode.workspace.getConfiguration(SECTION, uri);
    const rules = config.get<Record<string, SeveritySetting>>('rules', {});
    const files = config.get<string[]>('files', []);
    try {
      return validateConfig({ rules, files }, 'Settings (mlsystem.*)');
    } catch (e) {
      this.reportOnce('settings', (e as Error).message);
      // Keep what is valid: known rules with known levels, string patterns.
      const valid: Partial<Record<RuleId, SeveritySetting>> = {};
      for (const [id, level] of Object.entries(rules ?? {})) {
        try {
          Object.assign(valid, validateConfig({ rules: { [id]: level } }, '').rules);
        } catch {
          // reported above
        }
      }
      return { rules: valid, files: Array.isArray(files) ? files.filter((f) => typeof f === 'string') : [] };
    }
  }

  /** The nearest config file at or above the file's folder, within its workspace folder. */
  private configFor(uri: vscode.Uri): Promise<FoundConfig | undefined> {
    if (uri.scheme === 'untitled') return Promise.resolve(undefined);
    this.watchConfigFiles();
    return this.lookUp(vscode.Uri.joinPath(uri, '..'), vscode.workspace.getWorkspaceFolder(uri)?.uri);
  }

  private lookUp(dir: vscode.Uri, stopAt: vscode.Uri | undefined): Promise<FoundConfig | undefined> {
    const key = dir.toString();
    let found = this.nearest.get(key);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const file = vscode.Uri.joinPath(dir, name);
          let bytes: Uint8Array;
          try {
            bytes = await vscode.workspace.fs.readFile(file);
          } catch {
            continue;
          }
          try {
            return { folder: dir, config: parseConfig(new TextDecoder().decode(bytes), name) };
          } catch (e) {
            if (!(e instanceof ConfigError)) throw e;
            this.reportOnce(file.toString(), `${vscode.workspace.asRelativePath(file)}: ${e.message.replace(`${name}: `, '')}. The file is ignored until it is fixed.`);
            return undefined;
          }
        }
        const parent = vscode.Uri.joinPath(dir, '..');
        const atTop = parent.path === dir.path || (stopAt !== undefined && dir.toString() === stopAt.toString()) || stopAt === undefined;
        return atTop ? undefined : this.lookUp(parent, stopAt);
      })();
      this.nearest.set(key, found);
    }
    return found;
  }

  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function relative(folder: vscode.Uri, uri: vscode.Uri): string {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}
