#!/usr/bin/env node
// `npm run test:integration`: runs test/integration/**/*.test.ts inside a real VS Code
// (code-server 1.100) with the packaged extension installed, via the dev-only harness
// extension. Options: --grep <text>, --no-package (reuse out/mlsystem-review.vsix),
// --vsix <file>, --keep (keep the throwaway folders and print where they are).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { install } from './code-server/install.mjs';
import { startCodeServer } from './code-server/server.mjs';
import { launchBrowser, openWorkbench } from './code-server/browser.mjs';
import { buildTests } from './build-tests.mjs';
import { packageExtension, vsixPath as defaultVsix } from './package.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    grep: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const START_DEADLINE_MS = Number(process.env.MLSYSTEM_HARNESS_START_MS) || 120_000;
const RUN_DEADLINE_MS = Number(process.env.MLSYSTEM_TEST_DEADLINE_MS) || 10 * 60_000;
const artifacts = join(root, 'test-results', 'integration');

// Suites that need extensions besides the product run in a code-server of their own with
// those installed too, so every other suite sees a VS Code without them. (Added by the
// editor's Red Hat YAML coexistence work: the real extension cannot be installed offline,
// so a package.json-only stand-in with its id is packed and installed for that suite.)
const SEPARATE_SUITES = [
  { suite: 'editor-red-hat-yaml', extensions: [join(root, 'test', 'fixtures', 'red-hat-yaml')] },
];

/** Packs a dev-only extension folder (a package.json, a README) into out/<publisher>.<name>.vsix. */
function packFixtureExtension(folder) {
  const { publisher, name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const out = join(root, 'out', `${publisher}.${name}.vsix`);
  const vsce = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '--out', out], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (vsce.status !== 0) throw new Error(`packing ${folder} failed:\n${vsce.stdout}\n${vsce.stderr}`);
  return out;
}

function tailOf(dir, nameRe, lines = 40) {
  // The extension host's own log, for when the harness never reports.
  const found = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (nameRe.test(e.name)) found.push(p);
    }
  };
  walk(dir);
  return found.map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-lines).join('\n')}`).join('\n');
}

async function waitForFile(file, deadlineMs, isAlive) {
  const deadline = Date.now() + deadlineMs;
  while (!existsSync(file)) {
    if (!isAlive() || Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

async function main() {
  install();
  const vsix = args.vsix ? resolve(args.vsix) : args['no-package'] ? defaultVsix : packageExtension();
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing; run npm run package`);
  const { harnessVsix, integrationOut, suites } = await buildTests();
  console.log(`suites: ${suites.join(', ')}`);
  rmSync(artifacts, { recursive: true, force: true });

  const present = SEPARATE_SUITES.filter((s) => existsSync(join(integrationOut, `${s.suite}.test.js`)));
  const passes = [
    // Every suite but the separate ones (picomatch's extglob `!(a|b)` leaves them out).
    { label: 'main', suite: present.length ? join(integrationOut, '**', `!(${present.map((s) => s.suite).join('|')}).test.js`) : integrationOut, vsixes: [vsix, harnessVsix] },
    ...present
      // With --grep, a separate suite whose source never mentions the text is not started at all.
      .filter((s) => !args.grep || readFileSync(join(root, 'test', 'integration', `${s.suite}.test.ts`), 'utf8').includes(args.grep))
      .map((s) => ({ label: s.suite, suite: join(integrationOut, `${s.suite}.test.js`), vsixes: [vsix, harnessVsix, ...s.extensions.map(packFixtureExtension)] })),
  ];
  let ran = 0;
  let failures = 0;
  for (const pass of passes) {
    if (passes.length > 1) console.log(`-- ${pass.label}: ${pass.vsixes.map((v) => v.split('/').pop()).join(', ')}`);
    const results = await runPass(pass);
    ran += results.tests.length;
    failures += results.failures;
  }
  if (passes.length > 1) console.log(`all: ${ran - failures} passed, ${failures} failed`);
  if (ran === 0) {
    console.log('no tests ran');
    return 1;
  }
  return failures > 0 ? 1 : 0;
}

/** One code-server with these extensions, running these suites; prints and returns the results. */
async function runPass({ label, suite, vsixes }) {
  const scratch = mkdtempSync(join(tmpdir(), 'mlsystem-integration-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'editor-workspace'), workspace, { recursive: true });
  const resultsFile = join(scratch, 'results.json');

  let server;
  let browser;
  let page;
  let failed = true;
  const consoleLines = [];
  try {
    server = await startCodeServer({
      folder: workspace,
      vsixes,
      keep: args.keep,
      env: {
        MLSYSTEM_TEST_SUITE: suite,
        MLSYSTEM_TEST_RESULTS: resultsFile,
        MLSYSTEM_TEST_WORKSPACE: workspace,
        ...(args.grep ? { MLSYSTEM_TEST_GREP: args.grep } : {}),
      },
    });
    console.log(`code-server ${server.url} (log ${server.logFile})`);
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.workbenchUrl(workspace));
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const alive = () => server.child.exitCode === null;

    if (!(await waitForFile(`${resultsFile}.started`, START_DEADLINE_MS, alive))) {
      throw new Error(`the harness extension did not start within ${START_DEADLINE_MS} ms\n${tailOf(join(server.userData, 'logs'), /^(exthost|remoteexthost|remoteagent)\.log$/)}`);
    }
    if (!(await waitForFile(resultsFile, RUN_DEADLINE_MS, alive))) {
      throw new Error(`no results within ${RUN_DEADLINE_MS} ms\n${tailOf(join(server.userData, 'logs'), /^(exthost|remoteexthost)\.log$/)}`);
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    // The editor-costs suite measures in the real host; `npm run bench` reports its numbers.
    const costs = join(scratch, 'editor-costs.json');
    if (existsSync(costs)) {
      mkdirSync(join(root, 'bench', 'results'), { recursive: true });
      copyFileSync(costs, join(root, 'bench', 'results', 'editor.json'));
    }
    for (const t of results.tests) {
      if (t.state === 'passed' && t.retries) console.log(`  FLAKY ${t.fullTitle} (passed after ${t.retries} failed attempt(s))`);
      else if (t.state === 'passed') console.log(`  ok    ${t.fullTitle} (${t.durationMs} ms)`);
      else if (t.state === 'pending') console.log(`  skip  ${t.fullTitle}`);
      else {
        console.log(`  FAIL  ${t.fullTitle}\n        ${t.error?.message?.split('\n').join('\n        ')}`);
        if (t.error?.expected !== undefined) console.log(`        expected: ${t.error.expected}\n        actual:   ${t.error.actual}`);
      }
    }
    failed = results.failures > 0;
    const flaky = results.tests.filter((t) => t.state === 'passed' && t.retries).length;
    console.log(`${results.passes} passed, ${results.failures} failed${results.pending ? `, ${results.pending} pending` : ''}${flaky ? ` (${flaky} flaky: passed on a retry, MLSYSTEM_TEST_RETRIES)` : ''}`);
    return results;
  } finally {
    if (failed) {
      // For a post-mortem: the workbench as it was left, the browser console, the logs.
      const dir = label === 'main' ? artifacts : join(artifacts, label);
      mkdirSync(dir, { recursive: true });
      await page?.screenshot({ path: join(dir, 'failure.png') }).catch(() => {});
      writeFileSync(join(dir, 'browser-console.log'), consoleLines.join('\n') + '\n');
      if (server) {
        copyFileSync(server.logFile, join(dir, 'code-server.log'));
        writeFileSync(join(dir, 'exthost.log'), tailOf(join(server.userData, 'logs'), /^(exthost|remoteexthost)\.log$/, 400));
      }
      console.log(`artifacts in ${dir.slice(root.length + 1)}/`);
    }
    await browser?.close().catch(() => {});
    await server?.stop();
    if (args.keep) console.log(`kept ${scratch}${server ? ` and ${server.base}` : ''}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err?.stack || String(err));
    console.log('0 passed, 1 failed (the run itself failed)');
    process.exit(1);
  },
);
