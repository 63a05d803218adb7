/**
 * The import graph of src/: every module, and the modules and packages each one imports
 * (static, dynamic, `export ... from`, type-only and `require` alike), read with the
 * TypeScript compiler's own import scanner rather than a regular expression.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const srcRoot = path.resolve(__dirname, '..', '..', '..', 'src');

export interface ModuleImports {
  /** Path relative to src/, with forward slashes: `panel/panel.ts`. */
  file: string;
  /** Modules of src/ it imports, as relative paths like `file`. */
  local: string[];
  /** Packages and built-ins it imports, as written: `vscode`, `node:fs`, `yaml`. */
  external: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The file a relative specifier names, as esbuild and the compiler resolve it. */
function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`${path.relative(srcRoot, from)}: cannot resolve ${specifier}`);
  return found;
}

const relative = (file: string): string => path.relative(srcRoot, file).split(path.sep).join('/');

export function importGraph(): ModuleImports[] {
  return sourceFiles(srcRoot).map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const local: string[] = [];
    const external: string[] = [];
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) {
        const target = resolveLocal(file, fileName);
        // JSON (the schema, package.json) lies outside src/ and imports nothing.
        if (target.startsWith(srcRoot + path.sep)) local.push(relative(target));
      } else external.push(fileName);
    }
    return { file: relative(file), local, external };
  });
}

/** The layer a module of src/ belongs to: its top folder (`engine`, `render`, ...). */
export function layerOf(file: string): string {
  return file.split('/')[0];
}

/** Every import cycle, each as the list of modules around it (found once, from its first module in path order). */
export function importCycles(graph: readonly ModuleImports[]): string[][] {
  const edges = new Map(graph.map((m) => [m.file, m.local]));
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
