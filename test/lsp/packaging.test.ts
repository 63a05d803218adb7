/** The language server ships in the npm package, never in the VS Code extension. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { root } from './client';

describe('language server packaging', () => {
  it('is a bin of the package, and .vscodeignore lets none of it into the VSIX', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(manifest.bin['mlsystem-review-lsp'], './bin/mlsystem-review-lsp.js');
    const allowed = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).trim());
    const admits = picomatch(allowed, { dot: true });
    for (const file of ['dist/language-server.js', 'dist/language-server.js.map', 'bin/mlsystem-review-lsp.js', 'docs/editors.md', 'node_modules/vscode-languageserver/lib/node/main.js']) {
      assert.equal(admits(file), false, `${file} would be packed into the VSIX`);
    }
    assert.equal(admits('dist/extension.js'), true, 'the check reads the allowlist the way vsce does');
  });
});
