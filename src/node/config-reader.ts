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
    return statSync(fromEnginePath(file)).isFile();
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

export const nodeConfigReader: ConfigReader = {
  readFile(file) {
    try {
      return readFileSync(fromEnginePath(file), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  isFile: isFileSync,
  resolvePackage: resolvePackageManifest,
};
