/**
 * Which open documents are designs, and with which rules and checks they are reviewed, as
 * in VS Code: the nearest `.mlsystem-review.json|yaml|yml` up the folder tree within the
 * workspace folder (the engine's lookup, `extends` and `overrides` included, read with
 * Node), with the client's `mlsystem` settings over it rule by rule. Extra file patterns
 * add up: `mlsystem.files` is relative to the workspace folder, the config file's `files`
 * to its folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigLookup, emptyConfig, formatProblem, hasDesignKey, isDesignFileName, isYamlFileName, matchesPatterns, validateConfig } from '../engine';
import type { DesignConfig, ReviewConfig, ReviewOptions } from '../engine';
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

export class ServerConfiguration {
  private settings: ReviewConfig = emptyConfig();
  private reviewTrigger: ReviewTrigger = 'onType';
  /** Review as of this date (YYYY-MM-DD) instead of the clock's, for reproducible reviews. */
  private today: string | undefined;
  private folders: string[] = [];
  /** One lookup per base folder (a workspace folder, or the folder of a file outside them): each caches what it read. */
  private readonly lookups = new Map<string, ConfigLookup>();
  private readonly reported = new Set<string>();

  /** `warn` shows a one-line message to the user (each problem once until something changes). */
  constructor(private readonly warn: (message: string) => void) {}

  get trigger(): ReviewTrigger {
    return this.reviewTrigger;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(fileOf).filter((f): f is string => f !== undefined);
    this.lookups.clear();
  }

  /** The client's `mlsystem` section: `{ rules, files, review: { trigger } }`; what is valid of it applies. */
  setSettings(section: unknown): void {
    const raw = record(section);
    const { config, problems } = validateConfig({ rules: raw.rules ?? {}, files: raw.files ?? [] }, 'Settings (mlsystem.*)');
    this.settings = { ...emptyConfig(), rules: config.rules, files: config.files };
    this.reviewTrigger = record(raw.review).trigger === 'onSave' ? 'onSave' : 'onType';
    this.reported.clear();
    if (problems.length) this.reportOnce('settings', formatProblem(problems[0]));
  }

  setToday(today: unknown): void {
    this.today = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
  }

  /** A config file (or one it extends) was created, changed or deleted: read them again. */
  configFilesChanged(): void {
    this.lookups.clear();
    this.reported.clear();
  }

  isDesign(uri: string, languageId: string, text: () => string): boolean {
    const file = fileOf(uri);
    const name = file ?? uri;
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

  /** The configuration of a design; its problems are said once each (a file with errors counts as none). */
  private configFor(file: string): DesignConfig {
    // Outside a workspace folder only the file's own folder is looked in.
    const base = this.folderOf(file) ?? path.dirname(file);
    let lookup = this.lookups.get(base);
    if (!lookup) {
      lookup = new ConfigLookup(nodeConfigReader, { stopAt: toEnginePath(base), display: (p) => path.relative(base, fromEnginePath(p)) || p });
      this.lookups.set(base, lookup);
    }
    const found = lookup.forDesign(toEnginePath(file));
    for (const problem of found.problems) {
      const line = formatProblem(problem);
      this.reportOnce(line, line);
    }
    return found;
  }

  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.warn(message);
  }
}
