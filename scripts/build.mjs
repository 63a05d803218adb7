// Builds everything that ships: code generated from the schema, then the esbuild bundles.
// `node scripts/build.mjs --watch` rebuilds on change.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

// 1. Generated sources (the precompiled schema validator, the rules' docs for SARIF help).
//    Each generator is a module under scripts/generate/ exporting `generate(root)`.
for (const generator of ['generate-validator.mjs', 'generate-rule-help.mjs']) {
  const file = path.join(root, 'scripts', 'generate', generator);
  if (existsSync(file)) await (await import(file)).generate(root);
}

// 2. Bundles. An entry whose source does not exist yet is skipped with a note.
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, minify: !watch, legalComments: 'none' };
const entries = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/extension/review-worker.ts'], outfile: 'dist/review-worker.js' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, minify: !watch, legalComments: 'none',
    entryPoints: ['src/webview/page/main.ts'], outfile: 'dist/webview/panel.js' },
];

for (const options of entries) {
  const entry = path.join(root, options.entryPoints[0]);
  if (!existsSync(entry)) {
    console.log(`build: skipped ${options.entryPoints[0]} (not written yet)`);
    continue;
  }
  const full = { ...options, absWorkingDir: root, logLevel: 'warning' };
  if (watch) await (await context(full)).watch();
  else await build(full);
}
if (!watch) console.log('build: done');
