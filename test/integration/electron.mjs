#!/usr/bin/env node
// The same integration suites in a VS Code downloaded by @vscode/test-electron, for people
// with internet (it downloads VS Code at run time; CI here uses code-server instead:
// `npm run test:integration`). Run `npm run test:integration:electron`, which builds first.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'mlsystem-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test', 'fixtures', 'editor-workspace'), workspace, { recursive: true });
const integrationOut = join(root, 'out', 'integration');

try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(integrationOut, 'electron-index.js'),
    extensionTestsEnv: {
      // The Red Hat YAML coexistence suite needs a stand-in extension installed beside the
      // product; scripts/test-integration.mjs runs it in a code-server of its own.
      MLSYSTEM_TEST_SUITE: join(integrationOut, '**', '!(editor-red-hat-yaml).test.js'),
      MLSYSTEM_TEST_WORKSPACE: workspace,
      ...(process.env.MLSYSTEM_TEST_GREP ? { MLSYSTEM_TEST_GREP: process.env.MLSYSTEM_TEST_GREP } : {}),
    },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
  });
} catch (err) {
  console.error(err?.message || err);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
