/**
 * Which open documents are designs, and with which rule severities they are reviewed: the
 * nearest `.mlsystem-review.json|yaml|yml` up the folder tree (read as the CLI reads it),
 * with the client's `mlsystem` settings over it rule by rule, as in VS Code. Extra file
 * patterns add up: `mlsystem.files` is relative to the workspace folder, the config
 * file's `files` to its folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasDesignKey, isDesignFileName, isYamlFileName, matchesPatterns, mergeConfigs } from '../engine';
import type { ReviewConfig, ReviewOptions } from '../engine';
import { ConfigLookup } from '../cli/config-lookup';
import type { FoundConfig } from '../cli/config-lookup';
import { checkSettings } from '../features';

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
  private settings: ReviewConfig = { rules: {}, files: [] };
  private reviewTrigger: ReviewTrigger = 'onType';
  /** Review as of this date (YYYY-MM-DD) instead of the clock's, for reproducible reviews. */
  private today: string | undefined;
  private folders: string[] = [];
  private lookup = this.newLookup();
  private readonly reported = new Set<string>();

  /** `warn` shows a one-line message to the user (each problem once until something changes). */
  constructor(private readonly warn: (message: string) => void) {}

  private newLookup(): ConfigLookup {
    return new ConfigLookup((file) => {
      const folder = this.folderOf(file);
      return folder ? path.relative(folder, file) : file;
    });
  }

  get trigger(): ReviewTrigger {
    return this.reviewTrigger;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(fileOf).filter((f): f is string => f !== undefined);
  }

  /** The client's `mlsystem` section: `{ rules, files, review: { trigger } }`. */
  setSettings(section: unknown): void {
    const raw = record(section);
    const checked = checkSettings(raw.rules, raw.files);
    this.settings = checked.config;
    this.reviewTrigger = record(raw.review).trigger === 'onSave' ? 'onSave' : 'onType';
    this.reported.clear();
    if (checked.problem) this.reportOnce('settings', checked.problem);
  }

  setToday(today: unknown): void {
    this.today = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
  }

  /** A config file was created, changed or deleted: read them again. */
  configFilesChanged(): void {
    this.lookup = this.newLookup();
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
      if (found?.config.files.length && matchesPatterns(path.relative(found.dir, file), found.config.files)) return true;
    }
    return (languageId === 'yaml' || isYamlFileName(name)) && hasDesignKey(text());
  }

  reviewOptions(uri: string): ReviewOptions {
    const file = fileOf(uri);
    const found = file ? this.configFor(file) : undefined;
    const rules = mergeConfigs(found?.config ?? { rules: {}, files: [] }, this.settings).rules;
    return this.today ? { rules, today: this.today } : { rules };
  }

  private folderOf(file: string): string | undefined {
    return this.folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  private configFor(file: string): FoundConfig | undefined {
    try {
      return this.lookup.forFile(file);
    } catch (e) {
      // A config file that cannot be read or is invalid: said once, and ignored until fixed.
      this.reportOnce((e as Error).message, `${(e as Error).message}. The file is ignored until it is fixed.`);
      return undefined;
    }
  }

  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.warn(message);
  }
}
