/**
 * The editor host's bundles load the engine once, as dist/engine.js, and reach every engine
 * module through the engine's index (scripts/build.mjs, "shared-engine"). A name a host layer
 * imports from an engine module that the index does not export would be undefined at run
 * time in VS Code, though it type-checks and works in the CLI: this test catches it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as engine from '../../src/engine';

const root = join(__dirname, '..', '..');
// The layers bundled into dist/extension.js and dist/review-worker.js.
const HOST_LAYERS = ['extension', 'features', 'node', 'panel', 'render', 'protocol'];
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*'((?:\.\.\/)+engine(?:\/[\w-]+)?)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('the shared engine bundle', () => {
  it('exports every value a host layer imports from an engine module', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const layer of HOST_LAYERS) {
      for (const file of sources(join(root, 'src', layer))) {
        for (const [, names, from] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
          for (const raw of names.split(',')) {
            const name = raw.trim().split(/\s+as\s+/)[0];
            if (!name || name.startsWith('type ')) continue;
            seen++;
            if (!(name in engine)) missing.push(`${file.slice(root.length + 1)}: ${name} from ${from}`);
          }
        }
      }
    }
    assert.ok(seen > 0, 'host layers import from the engine');
    assert.deepEqual(missing, []);
  });
});
