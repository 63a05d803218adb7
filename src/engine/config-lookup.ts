/**
 * Which configuration applies to a design, for every host: the nearest
 * `.mlsystem-review.json|yaml|yml` up the folder tree (nearest wins as a whole), with its
 * `extends` resolved (paths relative to the file; packages from the file's folder, when the
 * host can resolve them) and merged in order, the file itself on top.
 *
 * File access is injected (as markdownlint-cli2's FsWrapper): the CLI and the language
 * server read with Node, the editor through `vscode.workspace.fs`. The lookup is written
 * once, as a generator of reads, and driven synchronously or asynchronously to suit the reader.
 * Paths are `/`-separated and absolute (a URI's path in the editor).
 */
import { CONFIG_FILE_NAMES, emptyConfig, formatProblem, mergeConfigs, optionsFor, parseConfigText, undefinedCheckIds } from './config';
import type { ConfigProblem, ReviewConfig, RuleSettings } from './config';
import type { Check } from './checks';

/** What a host gives the lookup; every path is absolute and `/`-separated. */
export interface ConfigReader {
  /** The file's text, or undefined when there is no such file. Other failures throw. */
  readFile(path: string): string | undefined;
  /** Whether a regular file exists at `path`. */
  isFile(path: string): boolean;
  /**
   * The path of the package.json of package `name` as Node resolves it from `folder`, or
   * undefined when it is not installed. Absent where packages cannot be resolved.
   */
  resolvePackage?(name: string, folder: string): string | undefined;
  /** Why packages cannot be resolved here, shown when `resolvePackage` is absent. */
  packagesUnavailable?: string;
}

/** The same reader for hosts whose file access is asynchronous (the editor). */
export interface AsyncConfigReader {
  readFile(path: string): Promise<string | undefined>;
  isFile(path: string): Promise<boolean>;
  resolvePackage?(name: string, folder: string): Promise<string | undefined>;
  packagesUnavailable?: string;
}

/** A configuration file found for a folder, with everything it extends merged in. */
export interface LoadedConfig {
  /** The configuration file found (undefined when none applies). */
  file?: string;
  /** Its folder: `files` and `overrides` patterns are relative to it. */
  dir?: string;
  config: ReviewConfig;
  problems: ConfigProblem[];
  /** Every configuration file read: the one found, then what it extends, in order. */
  files: string[];
}

/** What one design is reviewed with, and where that came from. */
export interface DesignConfig extends LoadedConfig {
  /** The rules after the overrides that match the design, and the checks. */
  options: { rules: RuleSettings; checks: Check[] };
}

/** The package.json field that names a policy package's configuration file. */
export const PACKAGE_CONFIG_FIELD = 'mlsystem-review';
/** How deep `extends` may nest: a chain longer than this is a configuration error. */
export const MAX_EXTENDS_DEPTH = 8;

type Call =
  | { op: 'readFile'; path: string }
  | { op: 'isFile'; path: string }
  | { op: 'resolvePackage'; name: string; folder: string };
type Steps<T> = Generator<Call, T, unknown>;

/** The folder of a `/`-separated path; a root (`/`, `C:/`) is its own folder. */
export function dirname(path: string): string {
  const drive = /^[A-Za-z]:\/?/.exec(path)?.[0];
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  if (drive && i < drive.length) return `${drive.slice(0, 2)}/`;
  return i <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, i);
}

/** `base` joined with a relative or absolute `/`-separated path, `.` and `..` resolved. */
export function joinPath(base: string, relative: string): string {
  const absolute = relative.startsWith('/') || /^[A-Za-z]:\//.test(relative);
  const parts = (absolute ? relative : `${base}/${relative}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') {
      if (out.length > 1 || (out.length === 1 && out[0] !== '' && !/^[A-Za-z]:$/.test(out[0]))) out.pop();
    } else if (part !== '.' && !(part === '' && out.length > 0)) out.push(part);
  }
  return out.join('/') || '/';
}

/** `path` relative to `folder`, or undefined when it is not inside it. */
export function relativeTo(folder: string, path: string): string | undefined {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(base) ? path.slice(base.length) : undefined;
}

const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;

/** The reading, parsing and merging, once for every host. Caches per folder and per file. */
class Lookup {
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, { config: ReviewConfig; problems: ConfigProblem[]; files: string[] }>();

  constructor(
    private readonly display: (path: string) => string,
    private readonly stopAt: string | undefined,
    private readonly packagesUnavailable: string | undefined,
    private readonly canResolvePackages: boolean,
  ) {}

  *forFolder(folder: string): Steps<LoadedConfig> {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let found: LoadedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const file = joinPath(folder, name);
      if (yield { op: 'isFile', path: file }) {
        found = { file, dir: folder, ...(yield* this.load(file, [])) };
        break;
      }
    }
    if (!found) {
      const parent = dirname(folder);
      const atTop = parent === folder || (this.stopAt !== undefined && (folder === this.stopAt || relativeTo(this.stopAt, folder) === undefined));
      found = atTop ? { config: emptyConfig(), problems: [], files: [] } : yield* this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  /** A configuration given by name (the CLI's --config), extended as a found one is. */
  *forConfigFile(file: string): Steps<LoadedConfig> {
    return { file, dir: dirname(file), ...(yield* this.load(file, [])) };
  }

  /** One file with what it extends; `chain` holds the files extending it, for cycles and depth. */
  private *load(file: string, chain: readonly string[]): Steps<{ config: ReviewConfig; problems: ConfigProblem[]; files: string[] }> {
    const cached = chain.length === 0 ? this.byFile.get(file) : undefined;
    if (cached) return cached;
    const name = this.display(file);
    let text: string | undefined;
    try {
      text = (yield { op: 'readFile', path: file }) as string | undefined;
    } catch (e) {
      return { config: emptyConfig(), problems: [{ file: name, filePath: file, severity: 'error', message: `cannot read: ${String((e as Error)?.message ?? e).split('\n')[0]}` }], files: [file] };
    }
    if (text === undefined) return { config: emptyConfig(), problems: [{ file: name, filePath: file, severity: 'error', message: 'no such file' }], files: [file] };
    const parsed = parseConfigText(text, name);
    const problems: ConfigProblem[] = parsed.problems.map((p) => ({ ...p, filePath: file }));
    const files = [file];
    const bases: ReviewConfig[] = [];
    for (const [i, entry] of (parsed.config.extends ?? []).entries()) {
      const problem = (message: string): void => {
        problems.push({ file: name, filePath: file, severity: 'error', message: `extends "${entry}": ${message}`, path: ['extends', i], range: parsed.ranges(['extends', i]) });
      };
      const target = yield* this.resolveExtends(entry, dirname(file), problem);
      if (target === undefined) continue;
      if (target === file || chain.includes(target)) {
        problem(`a cycle: ${[...chain, file, target].map(this.display).join(' -> ')}`);
        continue;
      }
      if (chain.length + 1 >= MAX_EXTENDS_DEPTH) {
        problem(`extends nest deeper than ${MAX_EXTENDS_DEPTH} files`);
        continue;
      }
      const base = yield* this.load(target, [...chain, file]);
      bases.push(base.config);
      problems.push(...base.problems);
      files.push(...base.files);
    }
    const { extends: _extends, ...own } = parsed.config;
    const result = { config: mergeConfigs(...bases, own), problems, files };
    if (chain.length === 0) {
      // A rule setting that names a check no file defines is a typo, unless an extends failed.
      if (!problems.some((p) => p.severity === 'error')) {
        for (const id of undefinedCheckIds(result.config)) problems.push({ file: name, filePath: file, severity: 'error', message: `rule "${id}" names a check that no configuration defines`, range: parsed.ranges(['rules', id]) });
      }
      this.byFile.set(file, result);
    }
    return result;
  }

  private *resolveExtends(entry: string, folder: string, problem: (message: string) => void): Steps<string | undefined> {
    if (/^\.{1,2}\//.test(entry) || entry.startsWith('/')) {
      const target = joinPath(folder, entry);
      if (!(yield { op: 'isFile', path: target })) {
        problem('no such file');
        return undefined;
      }
      return target;
    }
    if (!PACKAGE_NAME.test(entry)) {
      problem('not a path (start it with ./ or ../) nor a package name');
      return undefined;
    }
    if (!this.canResolvePackages) {
      problem(`packages are not resolved here: ${this.packagesUnavailable ?? 'this host cannot read installed packages'}`);
      return undefined;
    }
    const manifestPath = (yield { op: 'resolvePackage', name: entry, folder }) as string | undefined;
    if (!manifestPath) {
      problem(`the package is not installed (looked in node_modules from ${this.display(folder) || '.'} up)`);
      return undefined;
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(((yield { op: 'readFile', path: manifestPath }) as string | undefined) ?? 'null');
    } catch {
      problem('its package.json is not valid JSON');
      return undefined;
    }
    const field = (manifest as Record<string, unknown> | null)?.[PACKAGE_CONFIG_FIELD];
    if (typeof field !== 'string' || !field) {
      problem(`its package.json has no "${PACKAGE_CONFIG_FIELD}" field naming its configuration file`);
      return undefined;
    }
    const packageDir = dirname(manifestPath);
    const target = joinPath(packageDir, field);
    if (relativeTo(packageDir, target) === undefined) {
      problem(`its "${PACKAGE_CONFIG_FIELD}" field points outside the package`);
      return undefined;
    }
    if (!(yield { op: 'isFile', path: target })) {
      problem(`its configuration file "${field}" does not exist`);
      return undefined;
    }
    return target;
  }
}

/** Does what the lookup asked of the reader (a promise from an asynchronous reader). */
function perform(call: Call, reader: ConfigReader | AsyncConfigReader): unknown {
  return call.op === 'readFile' ? reader.readFile(call.path) : call.op === 'isFile' ? reader.isFile(call.path) : reader.resolvePackage?.(call.name, call.folder);
}

/** Runs the lookup with a synchronous reader; a reader's exception is thrown into the lookup. */
function drive<T>(steps: Steps<T>, reader: ConfigReader): T {
  let next = steps.next();
  while (!next.done) {
    const call = next.value;
    let result: unknown;
    try {
      result = perform(call, reader);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(result);
  }
  return next.value;
}

/** The same with an asynchronous reader. */
async function driveAsync<T>(steps: Steps<T>, reader: AsyncConfigReader): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let result: unknown;
    try {
      result = await perform(next.value, reader);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(result);
  }
  return next.value;
}

export interface LookupOptions {
  /** How files are named in problems (relative to the current folder, or to the workspace). */
  display?: (path: string) => string;
  /** The lookup stops at this folder (the workspace folder); the file system's root when absent. */
  stopAt?: string;
  /** One configuration file for every design instead of the nearest (the CLI's --config). */
  configFile?: string;
}

function designConfig(loaded: LoadedConfig, designPath: string): DesignConfig {
  const relative = loaded.dir === undefined ? undefined : relativeTo(loaded.dir, designPath);
  return { ...loaded, options: optionsFor(loaded.config, relative) };
}

/** The lookup for hosts with synchronous file access (the CLI, the language server). */
export class ConfigLookup {
  private readonly lookup: Lookup;
  constructor(private readonly reader: ConfigReader, private readonly options: LookupOptions = {}) {
    this.lookup = new Lookup(options.display ?? ((p) => p), options.stopAt, reader.packagesUnavailable, Boolean(reader.resolvePackage));
  }

  /** The configuration found for a folder (the one that applies to the designs in it). */
  forFolder(folder: string): LoadedConfig {
    const steps = this.options.configFile ? this.lookup.forConfigFile(this.options.configFile) : this.lookup.forFolder(folder);
    return drive(steps, this.reader);
  }

  forDesign(designPath: string): DesignConfig {
    return designConfig(this.forFolder(dirname(designPath)), designPath);
  }
}

/** The same lookup for hosts whose file access is asynchronous (the editor). */
export class AsyncConfigLookup {
  private readonly lookup: Lookup;
  constructor(private readonly reader: AsyncConfigReader, private readonly options: LookupOptions = {}) {
    this.lookup = new Lookup(options.display ?? ((p) => p), options.stopAt, reader.packagesUnavailable, Boolean(reader.resolvePackage));
  }

  forFolder(folder: string): Promise<LoadedConfig> {
    const steps = this.options.configFile ? this.lookup.forConfigFile(this.options.configFile) : this.lookup.forFolder(folder);
    return driveAsync(steps, this.reader);
  }

  async forDesign(designPath: string): Promise<DesignConfig> {
    return designConfig(await this.forFolder(dirname(designPath)), designPath);
  }
}

/** One design's configuration, read once: `{config, problems, files, options}`. */
export function loadConfig(designPath: string, reader: ConfigReader, options: LookupOptions = {}): DesignConfig {
  return new ConfigLookup(reader, options).forDesign(designPath);
}

/** The first `error` problem as the one line a command-line host prints, or undefined. */
export function firstError(problems: readonly ConfigProblem[]): string | undefined {
  const p = problems.find((x) => x.severity === 'error');
  return p && formatProblem(p);
}
