/**
 * Paths, folders and globs -> the design documents to review (docs/format.md "Which files are
 * design documents"). Folders are searched recursively, skipping `.git` and
 * `node_modules` only; other YAML (CI configs, compose files, manifests) is never reviewed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileGlob, globProblem, isDesignDocument, isGlob, splitGlobBase } from '../engine';
import { toEnginePath } from '../node/config-reader';
import { CliConfigs } from './config-lookup';
import { CannotReadError, describeFsError, NotRegularFileError, readHead } from './files';

export interface DesignFile {
  /** As the user named it, or relative to the current folder when found by a search. */
  display: string;
  absolute: string;
  /** Found by searching a folder or a glob (not named): if it cannot be read, it is skipped with a warning. */
  found?: boolean;
}

export interface Discovery {
  files: DesignFile[];
  /** One-line notes for stderr (a named file that is not a design, an empty search). */
  notes: string[];
}

/** A glob that matches nothing: most likely a typo, so it is a usage error (exit 2). */
export class NoMatchError extends Error {
  constructor(readonly pattern: string) {
    super(`no files match "${pattern}"`);
  }
}

/** A glob the matcher refuses (too long, or a form it does not support): a usage error. */
export class BadGlobError extends Error {
  constructor(readonly pattern: string, problem: string) {
    super(`the pattern ${JSON.stringify(pattern)} ${problem}`);
  }
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** A native path with `/` separators, as patterns and reports name files. */
export const toPosix = toEnginePath;

/**
 * Every regular file under `folder`. The folder itself must be readable (the user named
 * it, or the glob's base); a sub-folder that is not is skipped with a warning.
 */
function* walk(folder: string, display: (abs: string) => string, warn: (line: string) => void, top = true): Generator<string> {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    if (top) throw new CannotReadError(display(folder), e);
    warn(`skipped "${display(folder)}": ${describeFsError(e)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(full, display, warn, false);
    } else if (entry.isFile()) {
      yield full;
    } else if (entry.isSymbolicLink()) {
      // Linked files are reviewed; linked folders are not followed (no cycles).
      try {
        if (statSync(full).isFile()) yield full;
      } catch {
        // A dangling link is no design.
      }
    }
  }
}

export function discover(paths: readonly string[], cwd: string, configs: CliConfigs): Discovery {
  const files: DesignFile[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  /**
   * A found file is named from the folder as the user wrote it: relative to the current
   * folder for a relative folder (`designs/fraud.yaml`), absolute under an absolute one.
   */
  const under = (folder: string, folderAbs: string) => (abs: string): string =>
    toPosix(path.normalize(path.join(folder, path.relative(folderAbs, abs))));

  const isDesign = (abs: string, display: string): boolean => {
    const found = configs.forFile(abs);
    return isDesignDocument(abs, () => readHead(abs, display), {
      patterns: found.config.files,
      relativePath: CliConfigs.relativePath(found, abs),
    });
  };
  const add = (abs: string, display: string, found = false): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(found ? { display, absolute: abs, found } : { display, absolute: abs });
  };
  const warn = (line: string): void => {
    notes.push(line);
  };
  /** A found file: one that cannot be read is skipped with a warning, and the search goes on. */
  const isFoundDesign = (abs: string, display: string): boolean => {
    try {
      return isDesign(abs, display);
    } catch (e) {
      if (!(e instanceof CannotReadError)) throw e;
      warn(`skipped "${display}": ${e.reason}`);
      return false;
    }
  };
  /** Returns how many files the search matched, and how many of them are designs. */
  const search = (folder: string, abs: string, keep: (file: string) => boolean = () => true): { matched: number; designs: number } => {
    const display = under(folder, abs);
    let matched = 0;
    let designs = 0;
    for (const file of walk(abs, display, warn)) {
      if (!keep(file)) continue;
      matched++;
      if (isFoundDesign(file, display(file))) {
        designs++;
        add(file, display(file), true);
      }
    }
    return { matched, designs };
  };

  for (const given of paths.length ? paths : ['.']) {
    const abs = path.resolve(cwd, given);
    // An existing path is taken literally, even if its name holds glob characters.
    if (!existsSync(abs) && isGlob(given)) {
      const problem = globProblem(given);
      if (problem) throw new BadGlobError(given, problem);
      const scan = splitGlobBase(toPosix(given));
      const base = path.resolve(cwd, scan.base || '.');
      // As in shells, a command-line glob enters dot-folders only when it says so.
      const matches = compileGlob(scan.glob, { dot: false });
      const { matched } = existsSync(base) ? search(scan.base || '.', base, (file) => matches(toPosix(path.relative(base, file)))) : { matched: 0 };
      if (!matched) throw new NoMatchError(given);
      continue;
    }
    let stats;
    try {
      stats = statSync(abs);
    } catch (e) {
      throw new CannotReadError(given, e);
    }
    if (stats.isDirectory()) {
      if (!search(given, abs).designs) notes.push(`no design documents found in "${given}"`);
    } else if (!stats.isFile()) {
      // A named pipe would block and a link to /dev/zero never end: refused before any read.
      throw new CannotReadError(given, new NotRegularFileError());
    } else if (isDesign(abs, given)) {
      add(abs, given);
    } else {
      notes.push(`skipped "${given}": not a design document (name it mlsystem.yaml or *.mlsystem.yaml, or give it a top-level "mlsystem" key)`);
    }
  }
  return { files, notes };
}
