#!/usr/bin/env node
// Bundles what runs inside a VS Code extension host for the integration tests:
//   out/harness-extension/  the dev-only harness extension (carries mocha)
//   out/integration/        each test/integration/**/*.test.ts, plus the @vscode/test-electron entry
// `vscode` stays external: the extension host provides it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const harnessOut = join(root, 'out', 'harness-extension');
export const harnessVsix = join(root, 'out', 'harness-extension.vsix');
export const integrationOut = join(root, 'out', 'integration');

function findTests(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...findTests(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's parallel mode (unused here) resolves worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

export async function buildTests() {
  rmSync(harnessOut, { recursive: true, force: true });
  rmSync(integrationOut, { recursive: true, force: true });
  mkdirSync(harnessOut, { recursive: true });
  cpSync(join(root, 'test', 'harness-extension', 'package.json'), join(harnessOut, 'package.json'));
  await build({
    ...common,
    entryPoints: [join(root, 'test', 'harness-extension', 'src', 'extension.ts')],
    outfile: join(harnessOut, 'dist', 'extension.js'),
  });
  // Installed as a VSIX like the product: once --install-extension has written the
  // extensions dir's extensions.json, a folder merely copied beside it counts as removed.
  writeFileSync(join(harnessOut, 'README.md'), 'Dev-only test harness for mlsystem-review. Never shipped.\n');
  const vsce = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '--out', harnessVsix], { cwd: harnessOut, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (vsce.status !== 0) throw new Error(`packing the harness extension failed:\n${vsce.stdout}\n${vsce.stderr}`);
  const suites = findTests(join(root, 'test', 'integration'));
  await build({
    ...common,
    entryPoints: [...suites, join(root, 'test', 'integration', 'electron-index.ts')],
    outdir: integrationOut,
    outbase: join(root, 'test', 'integration'),
  });
  return { harnessOut, harnessVsix, integrationOut, suites: suites.map((s) => relative(root, s)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildTests();
  console.log(`built harness extension and ${r.suites.length} suite(s): ${r.suites.join(', ')}`);
}
