/**
 * The configuration reader for hosts that run on Node (the CLI, the editor's Node host,
 * the language server): files through `node:fs`, packages resolved as Node resolves
 * them, from `node_modules` folders up the tree. The engine's lookup (config-lookup.ts)
 * does the rest.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ConfigReader } from '../engine';

/** A `/`-separated path for the engine, from a native one (Windows separators turned). */
export function toEnginePath(native: string): string {
  return native.split(path.sep).join('/');
}

/** A native path from an engine path. */
export function fromEnginePath(enginePath: string): string {
  return enginePath.split('/').join(path.sep);
}

export function isFileSync(file: string): boolean {
  try {
    // Most folders hold no config file: no exception for a missing one (each costs more than the stat).
    return statSync(fromEnginePath(file), { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The package.json of `name` seen from `folder`: `node_modules/<name>/package.json` in
 * the folder or the nearest parent that has it (Node's lookup for packages, without
 * running any of the package's code, and without `exports` hiding its package.json).
 */
export function resolvePackageManifest(name: string, folder: string): string | undefined {
  for (let dir = folder; ; dir = path.posix.dirname(dir)) {
    if (path.posix.basename(dir) !== 'node_modules') {
      const manifest = `${dir === '/' ? '' : dir}/node_modules/${name}/package.json`;
      if (isFileSync(manifest)) return manifest;
    }
    const parent = path.posix.dirname(dir);
    if (parent === dir) return undefined;
  }
}

/** A configuration file larger than this is refused before it is read (the review's own limit is far below). */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

export const nodeConfigReader: ConfigReader = {
  readFile(file) {
    try {
      const native = fromEnginePath(file);
      const stats = statSync(native);
      // Only regular files: a link to a device or a pipe would never end.
      if (!stats.isFile()) throw new Error('not a regular file');
      if (stats.size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
      return readFileSync(native, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  isFile: isFileSync,
  resolvePackage: resolvePackageManifest,
};
