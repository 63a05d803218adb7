/**
 * Which open documents are designs, and with which rules and checks they are reviewed, as
 * in VS Code: the nearest `.mlsystem-review.json|yaml|yml` up the folder tree within the
 * workspace folder (the engine's lookup, `extends` and `overrides` included, read with
 * Node), with the client's `mlsystem` settings over it rule by rule. Extra file patterns
 * add up: `mlsystem.files` is relative to the workspace folder, the config file's `files`
 * to its folder.
 *
 * Config files are read from disk, as VS Code reads them: an open config file's unsaved
 * text does not count until it is saved. Their problems become diagnostics on them (the
 * host publishes them); only the settings, which have no file, are said in a message.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigLookup, emptyConfig, formatProblem, hasDesignKey, isConfigFileName, isDesignFileName, isYamlFileName, matchesPatterns, validateConfig } from '../engine';
import type { ConfigProblem, DesignConfig, LoadedConfig, ReviewConfig, ReviewOptions } from '../engine';
import { fromEnginePath, nodeConfigReader, toEnginePath } from '../node/config-reader';

export type ReviewTrigger = 'onType' | 'onSave';

/** The file a `file:` URI names; undefined for other schemes (untitled buffers, virtual files). */
export function fileOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** What the configuration tells the server to show. Files are native paths. */
export interface ConfigurationHost {
  /** A one-line message for a problem that has no file (the settings). */
  warn(message: string): void;
  /** The problems of a configuration file now (none: what was shown on it is cleared). */
  problems(file: string, problems: readonly ConfigProblem[]): void;
  /** The files `extends` reached that the config file glob does not cover: watch these (instead of the last ones). */
  watch(files: readonly string[]): void;
}

const problemsKey = (problems: readonly ConfigProblem[]): string => JSON.stringify(problems.map((p) => [p.severity, p.message, p.range]));

export class ServerConfiguration {
  private settings: ReviewConfig = emptyConfig();
  private reviewTrigger: ReviewTrigger = 'onType';
  /** Review as of this date (YYYY-MM-DD) instead of the clock's, for reproducible reviews. */
  private today: string | undefined;
  private folders: string[] = [];
  /** One lookup per base folder (a workspace folder, or the folder of a file outside them): each caches what it read. */
  private readonly lookups = new Map<string, ConfigLookup>();
  /** Problems said in a message (the settings'), each once while it lasts. */
  private reported = new Set<string>();
  /** Config files with problems shown on them: path -> what was shown. */
  private readonly shown = new Map<string, string>();
  /** Every config file the lookups read since the last change (for the watchers). */
  private readonly read = new Set<string>();
  private watchedKey = '[]';
  /** While the open documents are looked up again after a change: the config files they reached. */
  private recheckReached: Set<string> | undefined;
  /** Problems a lookup gave without a file (none expected), said once until the next change. */
  private readonly unplaced = new Set<string>();

  constructor(private readonly host: ConfigurationHost) {}

  get trigger(): ReviewTrigger {
    return this.reviewTrigger;
  }

  /** The workspace folders; call `recheck` after a change. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(fileOf).filter((f): f is string => f !== undefined);
  }

  /** The client's `mlsystem` section: `{ rules, files, review: { trigger } }`; what is valid of it applies. */
  setSettings(section: unknown): void {
    const raw = record(section);
    const { config, problems } = validateConfig({ rules: raw.rules ?? {}, files: raw.files ?? [] }, 'Settings (mlsystem.*)');
    this.settings = { ...emptyConfig(), rules: config.rules, files: config.files };
    this.reviewTrigger = record(raw.review).trigger === 'onSave' ? 'onSave' : 'onType';
    // Each problem once: the same settings sent again say nothing new; one fixed and made again is said again.
    const lines = new Set(problems.map(formatProblem));
    for (const line of lines) if (!this.reported.has(line)) this.host.warn(line);
    this.reported = lines;
  }

  setToday(today: unknown): void {
    this.today = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
  }

  /**
   * A config file (or one it extends) was created, changed or deleted, or the workspace
   * folders changed: read them again for the open documents (`open` looks each up, with
   * `reviewConfigFile` and `lookUp`). Problems of files none of them reaches any more are
   * cleared, as are the watchers of files no longer extended.
   */
  recheck(open: () => void): void {
    this.lookups.clear();
    this.read.clear();
    this.unplaced.clear();
    const reached = new Set<string>();
    this.recheckReached = reached;
    try {
      open();
    } finally {
      this.recheckReached = undefined;
    }
    for (const file of [...this.shown.keys()]) {
      if (!reached.has(file)) this.show(file, []);
    }
    this.updateWatched();
  }

  /** Whether the server reads this file as configuration (a config file or one extended). */
  readsConfigFile(uri: string): boolean {
    const file = fileOf(uri);
    return this.configFileOf(uri) !== undefined || (file !== undefined && this.read.has(toEnginePath(file)));
  }

  /** The path of a config file (`.mlsystem-review.*`) a URI names; undefined for other files. */
  private configFileOf(uri: string): string | undefined {
    const file = fileOf(uri);
    return file !== undefined && isConfigFileName(toEnginePath(file)) ? file : undefined;
  }

  /** A config file itself (opened or saved): its problems, read from disk, are shown on it. False for other files. */
  reviewConfigFile(uri: string): boolean {
    const file = this.configFileOf(uri);
    if (!file) return false;
    const found = this.lookupFor(file).forFolder(toEnginePath(path.dirname(file)));
    this.noteRead(found, toEnginePath(file));
    return true;
  }

  /** Reads the configuration of a design (showing its problems), as a review would. */
  lookUp(uri: string): void {
    const file = fileOf(uri);
    if (file) this.configFor(file);
  }

  isDesign(uri: string, languageId: string, text: () => string): boolean {
    const file = fileOf(uri);
    const name = file ?? uri;
    // A config file is never reviewed as a design, even if a pattern or a key says so.
    if (this.configFileOf(uri)) return false;
    if (isDesignFileName(name)) return true;
    if (file) {
      const folder = this.folderOf(file);
      if (folder && this.settings.files.length && matchesPatterns(path.relative(folder, file), this.settings.files)) return true;
      const found = this.configFor(file);
      if (found.dir !== undefined && found.config.files.length && matchesPatterns(path.relative(fromEnginePath(found.dir), file), found.config.files)) return true;
    }
    return (languageId === 'yaml' || isYamlFileName(name)) && hasDesignKey(text());
  }

  reviewOptions(uri: string): ReviewOptions {
    const file = fileOf(uri);
    const found = file ? this.configFor(file) : undefined;
    const options: ReviewOptions = { rules: { ...found?.options.rules, ...this.settings.rules }, checks: found?.options.checks ?? [] };
    if (this.today) options.today = this.today;
    return options;
  }

  private folderOf(file: string): string | undefined {
    return this.folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  /** The configuration of a design; its problems are shown on the config files (a file with errors counts as none). */
  private configFor(file: string): DesignConfig {
    const found = this.lookupFor(file).forDesign(toEnginePath(file));
    this.noteRead(found);
    return found;
  }

  private lookupFor(file: string): ConfigLookup {
    // Outside a workspace folder only the file's own folder is looked in.
    const base = this.folderOf(file) ?? path.dirname(file);
    let lookup = this.lookups.get(base);
    if (!lookup) {
      lookup = new ConfigLookup(nodeConfigReader, { stopAt: toEnginePath(base), display: (p) => path.relative(base, fromEnginePath(p)) || p });
      this.lookups.set(base, lookup);
    }
    return lookup;
  }

  /** Shows the problems of every file a lookup read (`also`: a config file to clear when clean), and watches what it extended. */
  private noteRead(found: LoadedConfig, also?: string): void {
    const byFile = new Map<string, ConfigProblem[]>(found.files.map((f) => [f, []]));
    if (also && !byFile.has(also)) byFile.set(also, []);
    for (const problem of found.problems) {
      if (problem.filePath === undefined) {
        const line = formatProblem(problem);
        if (!this.unplaced.has(line)) this.host.warn(line);
        this.unplaced.add(line);
      } else byFile.set(problem.filePath, [...(byFile.get(problem.filePath) ?? []), problem]);
    }
    for (const [file, problems] of byFile) {
      this.recheckReached?.add(file);
      this.show(file, problems);
    }
    for (const file of found.files) this.read.add(file);
    if (!this.recheckReached) this.updateWatched();
  }

  private show(file: string, problems: readonly ConfigProblem[]): void {
    const key = problemsKey(problems);
    if ((this.shown.get(file) ?? '[]') === key) return;
    if (problems.length) this.shown.set(file, key);
    else this.shown.delete(file);
    this.host.problems(fromEnginePath(file), problems);
  }

  /** The config file glob covers config file names inside the workspace folders; every other file read is watched by name. */
  private updateWatched(): void {
    const files = [...this.read].map(fromEnginePath).filter((f) => !(isConfigFileName(toEnginePath(f)) && this.folderOf(f))).sort();
    const key = JSON.stringify(files);
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    this.host.watch(files);
  }
}
