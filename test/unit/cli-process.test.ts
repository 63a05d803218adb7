/**
 * The command-line review as a real process: the shipped `bin/mlsystem-review.js` over a
 * fresh bundle of src/cli/main.ts, as `npm ci` builds it. Exit codes and stderr are what
 * CI sees, so they are checked here without any in-process shortcut.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');
const tree = join(root, 'test', 'fixtures', 'cli', 'discovery');
let installed = '';

before(async () => {
  // The same layout as the package: bin/ beside dist/, bin requiring ../dist/cli.js.
  installed = mkdtempSync(join(tmpdir(), 'mlsystem-cli-bin-'));
  mkdirSync(join(installed, 'bin'));
  copyFileSync(join(root, 'bin', 'mlsystem-review.js'), join(installed, 'bin', 'mlsystem-review.js'));
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: join(installed, 'dist', 'cli.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});
after(() => rmSync(installed, { recursive: true, force: true }));

function cli(args: string[], cwd = tree): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [join(installed, 'bin', 'mlsystem-review.js'), ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli process', () => {
  it('exits 1 when an error is found, 0 at --fail-on never, and prints the stylish report', () => {
    const failing = cli(['mlsystem.yaml']);
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /^\nmlsystem\.yaml\n {2}6:1 {2}error {2}.* {2}yaml-syntax\n\n✖ 1 problem \(1 error, 0 warnings, 0 infos\)\n$/);
    assert.equal(failing.stderr, '');
    assert.equal(cli(['--fail-on', 'never', 'mlsystem.yaml']).status, 0);
  });

  it('exits 0 when only warnings are found at the default --fail-on', () => {
    const result = cli(['--format', 'json', 'designs/fraud.yaml']);
    assert.equal(result.status, 0);
    const files = JSON.parse(result.stdout) as { file: string; findings: { severity: string }[] }[];
    assert.equal(files[0].file, 'designs/fraud.yaml');
    assert.ok(files[0].findings.some((f) => f.severity === 'warning'));
  });

  it('exits 2 with one line and no stack trace for a missing path', () => {
    const result = cli(['no/such/mlsystem.yaml']);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'mlsystem-review: cannot read "no/such/mlsystem.yaml": no such file or directory\n');
    assert.equal(result.stdout, '');
  });

  it('exits 2 with one line for bad usage, a folder given as --config, or an unwritable --diagram', () => {
    for (const args of [['--format', 'xml'], ['--config', 'designs'], ['--diagram', 'no/such/folder/x.svg', 'mlsystem.yaml']]) {
      const result = cli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('prints the version from package.json', () => {
    const result = cli(['--version']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
