#!/usr/bin/env node
// `npm run package`: builds, then packs the extension with @vscode/vsce into
// out/mlsystem-review.vsix (the .vscodeignore allowlist decides what goes in).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const vsixPath = join(root, 'out', 'mlsystem-review.vsix');
// Both entries: the browser one (dist/web/extension.js) carries its own copy of the engine,
// since the web worker extension host cannot load a second module (about 110 KB packed).
// The editor host also bundles markdown-it for the review report it exports (~70 KB of HTML entities).
const MAX_BYTES = 600 * 1024;
/** Files the installed extension cannot work without. */
const REQUIRED_FILES = ['package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'dist/extension.js', 'dist/engine.js', 'dist/web/extension.js'];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (exit ${r.status})`);
}

export function packageExtension({ skipBuild = false } = {}) {
  if (!skipBuild) {
    if (!existsSync(join(root, 'scripts', 'build.mjs'))) throw new Error('scripts/build.mjs is missing');
    run(process.execPath, ['scripts/build.mjs']);
  }
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing after the build');
  // The manifest names its text by %key%: without package.nls.json VS Code shows the keys.
  const packed = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`vsce ls failed (exit ${packed.status})`);
  const files = new Set(packed.stdout.split('\n').map((line) => line.trim()));
  const missing = REQUIRED_FILES.filter((f) => !files.has(f));
  if (missing.length) throw new Error(`.vscodeignore leaves out of the VSIX: ${missing.join(', ')}`);
  mkdirSync(dirname(vsixPath), { recursive: true }); // vsce does not create it
  // stdin is closed: vsce must never wait on a prompt in CI.
  run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
    '--no-dependencies', '--allow-missing-repository', '--out', vsixPath]);
  const size = statSync(vsixPath).size;
  if (size > MAX_BYTES) throw new Error(`${relative(root, vsixPath)} is ${Math.round(size / 1024)} KB, over the ${MAX_BYTES / 1024} KB budget`);
  console.log(`${relative(root, vsixPath)}: ${Math.round(size / 1024)} KB`);
  return vsixPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    packageExtension({ skipBuild: process.argv.includes('--no-build') });
  } catch (e) {
    console.error(String(e.message || e));
    process.exit(1);
  }
}
