/** The folder tree's promise: the engine is pure, and hosts reach it only through its index. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const src = path.resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return e.name.endsWith('.ts') ? [file] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]);

describe('architecture', () => {
  it('src/engine imports neither vscode nor the file system nor any node: module', () => {
    const leaks = sources(path.join(src, 'engine')).flatMap((file) =>
      importsOf(file).filter((m) => m === 'vscode' || m === 'fs' || m.startsWith('node:')).map((m) => `${path.relative(src, file)} imports ${m}`));
    assert.deepEqual(leaks, []);
  });

  it('the webview page (browser side) imports no vscode and no node module', () => {
    const leaks = sources(path.join(src, 'webview', 'page')).flatMap((file) =>
      importsOf(file).filter((m) => m === 'vscode' || m.startsWith('node:')).map((m) => `${path.relative(src, file)} imports ${m}`));
    assert.deepEqual(leaks, []);
  });

  it('the CLI never imports vscode', () => {
    const leaks = sources(path.join(src, 'cli')).flatMap((file) => importsOf(file).filter((m) => m === 'vscode').map(() => path.relative(src, file)));
    assert.deepEqual(leaks, []);
  });
});
