// Builds everything that ships: code generated from the schema, then the esbuild bundles.
// `node scripts/build.mjs --watch` rebuilds on change.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const requireFromRoot = createRequire(path.join(root, 'package.json'));

// 1. Generated sources (the precompiled schema validator, the rules' docs for SARIF help),
//    the committed files that restate the rule registry (settings, schema, README) and the
//    English bundle of the extension's messages (l10n/bundle.l10n.json).
//    Each generator is a module under scripts/generate/ exporting `generate(root)`.
for (const generator of ['generate-validator.mjs', 'generate-rule-help.mjs', 'generate-rule-registry.mjs', 'generate-l10n-bundle.mjs']) {
  const file = path.join(root, 'scripts', 'generate', generator);
  if (existsSync(file)) await (await import(file)).generate(root);
}

// 2. Bundles. The extension and its review worker share one engine bundle (dist/engine.js)
//    instead of carrying a copy each: any import of src/engine from outside it becomes
//    `require('./engine.js')`.
const engineDir = path.join(root, 'src', 'engine');
const sharedEngine = {
  name: 'shared-engine',
  setup(b) {
    b.onResolve({ filter: /engine(\/[\w-]+)?$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      const fromOutside = !args.importer.startsWith(engineDir + path.sep);
      if (!fromOutside || !(target === engineDir || target.startsWith(engineDir + path.sep))) return undefined;
      return { path: 'engine', namespace: 'shared-engine' };
    });
    // The hosts' own YAML reading (outline, cursor) uses the engine bundle's copy of `yaml`.
    b.onResolve({ filter: /^yaml$/ }, (args) => (args.importer.startsWith(engineDir + path.sep) ? undefined : { path: 'yaml', namespace: 'shared-engine' }));
    // Loaded on first use, not at activation: every export is a getter that requires the
    // engine bundle the first time any of them is read.
    b.onLoad({ filter: /.*/, namespace: 'shared-engine' }, (args) => {
      const engine = requireFromRoot('./dist/engine.js');
      const [names, pick] = args.path === 'yaml' ? [Object.keys(engine.yamlApi), '.yamlApi'] : [Object.keys(engine), ''];
      const getters = names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()${pick}[${JSON.stringify(n)}] });`);
      return { contents: `let engine; const load = () => (engine ??= require('./engine.js'));\n${getters.join('\n')}`, loader: 'js' };
    });
  },
};
// The browser build of the extension (package.json `browser`, for vscode.dev and
// github.dev) is the same code with host.ts replaced by host.web.ts (see
// src/extension/extension-host.ts). It is one file: the web worker extension host loads an
// extension's entry alone (only `vscode` can be required), so the engine is bundled in, and
// platform `browser` makes any Node built-in reached from it a build error.
const extensionDir = path.join(root, 'src', 'extension');
const webHost = {
  name: 'web-host',
  setup(b) {
    b.onResolve({ filter: /^\.\/host$/ }, (args) => (args.resolveDir === extensionDir ? { path: path.join(extensionDir, 'host.web.ts') } : undefined));
  },
};
const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, minify: !watch, legalComments: 'none' };
const entries = [
  { ...node, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js' },
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './engine.js'], plugins: [sharedEngine] },
  { ...node, entryPoints: ['src/node/review-worker.ts'], outfile: 'dist/review-worker.js', external: ['./engine.js'], plugins: [sharedEngine] },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The language server, standalone like the CLI; large designs go to dist/review-worker.js.
  { ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/language-server.js' },
  { bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', sourcemap: true, minify: !watch, legalComments: 'none',
    entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [webHost] },
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, minify: !watch, legalComments: 'none',
    entryPoints: ['src/page/main.ts'], outfile: 'dist/webview/panel.js' },
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
