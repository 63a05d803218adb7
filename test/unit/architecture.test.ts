/**
 * The folder tree's promise: each top folder of src/ is a layer, layers import one another
 * in one direction only, the engine is pure, and only the editor host and the panel host
 * reach `vscode`. The compiler holds much of it too (one tsconfig per layer, with project
 * references: a layer cannot import one its references do not reach; the pure layers see no
 * Node and no DOM); these tests hold the rest (a layer reached only through another, which
 * packages a layer imports, cycles).
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importCycles, importGraph, layerOf, srcRoot } from './support/import-graph';

/** What each layer may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  render: ['engine'],
  protocol: ['engine'],
  features: ['engine'],
  node: ['engine', 'features'],
  cli: ['engine', 'render', 'node'],
  server: ['engine', 'features', 'node'],
  panel: ['engine', 'render', 'protocol'],
  extension: ['engine', 'render', 'panel', 'features', 'node'],
  page: ['render', 'protocol'],
};

const graph = importGraph();
const builtins = new Set(builtinModules);
const isBuiltin = (m: string): boolean => m.startsWith('node:') || builtins.has(m.split('/')[0]);

/** Every module the given ones reach through local imports, themselves included; `swap` stands one module in for another. */
function reach(roots: readonly string[], swap: (file: string) => string = (file) => file): Set<string> {
  const edges = new Map(graph.map((m) => [m.file, m.local.map(swap)]));
  const seen = new Set<string>();
  const queue = [...roots];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(edges.get(file) ?? []));
  }
  return seen;
}

const externalImports = (files: Iterable<string>, bad: (m: string) => boolean): string[] =>
  graph.filter((m) => [...files].includes(m.file)).flatMap((m) => m.external.filter(bad).map((x) => `${m.file} imports ${x}`));

describe('architecture', () => {
  it('src/ holds only the layers, each a folder: engine, render, protocol, features, node, cli, server, extension, panel, page', () => {
    const entries = readdirSync(srcRoot, { withFileTypes: true });
    assert.deepEqual(entries.filter((e) => !e.isDirectory()).map((e) => e.name), [], 'no module outside a layer');
    assert.deepEqual(entries.map((e) => e.name).sort(), Object.keys(ALLOWED).sort());
  });

  it('each layer imports only the layers below it', () => {
    const wrong = graph.flatMap((m) =>
      m.local
        .filter((target) => layerOf(target) !== layerOf(m.file) && !ALLOWED[layerOf(m.file)].includes(layerOf(target)))
        .map((target) => `${m.file} imports ${target}`));
    assert.deepEqual(wrong, []);
  });

  it('no two layers import each other both ways', () => {
    const pairs = new Set(graph.flatMap((m) => m.local.filter((t) => layerOf(t) !== layerOf(m.file)).map((t) => `${layerOf(m.file)}>${layerOf(t)}`)));
    const both = [...pairs].filter((p) => pairs.has(p.split('>').reverse().join('>'))).sort();
    assert.deepEqual(both, []);
  });

  it('no module imports itself back through others, anywhere in src/', () => {
    // Cycles wholly inside the engine are engine-structure.test.ts's to hold.
    const cycles = importCycles(graph).filter((c) => !c.every((file) => layerOf(file) === 'engine'));
    assert.deepEqual(cycles.map((c) => c.join(' -> ')), []);
  });

  it('the engine, rendering, the protocol, the editor features and the page import no Node built-in', () => {
    const pure = graph.filter((m) => ['engine', 'render', 'protocol', 'features', 'page'].includes(layerOf(m.file))).map((m) => m.file);
    assert.deepEqual(externalImports(pure, isBuiltin), []);
  });

  it('only the editor host and the panel host import vscode; nothing the engine, the CLI or the language server reaches does', () => {
    assert.deepEqual(externalImports(graph.filter((m) => !['extension', 'panel'].includes(layerOf(m.file))).map((m) => m.file), (x) => x === 'vscode'), []);
    const cliAndEngine = reach(graph.filter((m) => ['cli', 'engine', 'server'].includes(layerOf(m.file))).map((m) => m.file));
    assert.deepEqual(externalImports(cliAndEngine, (x) => x === 'vscode'), []);
  });

  it('the browser build of the editor host (host.web.ts in place of host.ts) reaches no Node built-in', () => {
    const web = reach(['extension/extension.ts'], (file) => (file === 'extension/host.ts' ? 'extension/host.web.ts' : file));
    assert.ok(web.has('extension/host.web.ts') && !web.has('extension/host.ts'), 'the browser build uses the web host');
    assert.deepEqual(externalImports(web, isBuiltin), []);
  });

  it('the page imports no package: what it draws comes from render', () => {
    const page = graph.filter((m) => layerOf(m.file) === 'page').map((m) => m.file);
    assert.deepEqual(externalImports(page, () => true), []);
  });

  it('each layer type-checks alone, the pure ones without the DOM or any ambient types', () => {
    const config = (layer: string) => JSON.parse(readFileSync(path.join(srcRoot, layer, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { lib: string[]; types: string[] };
      references?: { path: string }[];
    };
    for (const layer of ['engine', 'render', 'protocol', 'features']) {
      assert.deepEqual(config(layer).compilerOptions.types, [], `${layer}: no ambient types (no Node, no vscode)`);
      assert.deepEqual(config(layer).compilerOptions.lib, ['ES2022'], `${layer}: ECMAScript only, no DOM`);
    }
    for (const layer of ['cli', 'node', 'server']) assert.ok(!config(layer).compilerOptions.types.includes('vscode'), `${layer}: no vscode types`);
    assert.deepEqual(config('page').compilerOptions.types, ['vscode-webview'], 'page: the webview API, no Node');
    for (const [layer, allowed] of Object.entries(ALLOWED)) {
      const refs = (config(layer).references ?? []).map((r) => path.basename(r.path)).sort();
      assert.deepEqual(refs, [...allowed].sort(), `${layer}: references exactly the layers it may import`);
    }
    const root = JSON.parse(readFileSync(path.join(srcRoot, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(root.scripts.typecheck, 'tsc -b', 'npm run typecheck builds every layer');
  });
});
