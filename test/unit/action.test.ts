/**
 * The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml) as
 * their runners read them: every input is used and every one used is declared, the
 * command they run exists, and every command line the Action's script builds is accepted
 * by the CLI's own argument parser. The script itself runs here in bash, with the CLI
 * replaced by a recorder, the way a runner would run it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FORMATS, parseCliArgs } from '../../src/cli/args';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const text = JSON.stringify(action.runs);
const outputs = JSON.stringify(action.outputs);

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The review step's script run by bash as a runner would, the CLI replaced by a recorder of its argv. */
function runReviewStep(inputs: Record<string, string>, exitCode = 0): { argvs: string[][]; output: Record<string, string>; summary: string; status: number } {
  const step = action.runs.steps.find((s) => s.id === 'review');
  assert.ok(step?.run && step.env);
  const dir = mkdtempSync(join(tmpdir(), 'mlsystem-action-'));
  temps.push(dir);
  // Exits as the CLI would: `exitCode` for the annotations, 0 under --fail-on never unless usage is wrong.
  const recorder = join(dir, 'record.cjs');
  writeFileSync(recorder, `require('fs').appendFileSync(process.env.RECORD, JSON.stringify(process.argv.slice(2)) + '\\n'); if (process.argv.includes('markdown')) console.log('## summary'); const code = Number(process.env.STUB_EXIT); process.exit(code === 1 && process.argv.includes('never') ? 0 : code);\n`);
  const values: Record<string, string> = { 'github.action_path': root };
  for (const [name, input] of Object.entries(action.inputs)) values[`inputs.${name}`] = inputs[name] ?? input.default ?? '';
  const expand = (value: string): string =>
    value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
      assert.ok(expr in values, `unknown expression ${expr}`);
      return values[expr];
    });
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', RECORD: join(dir, 'argv'), STUB_EXIT: String(exitCode), RUNNER_TEMP: dir, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const [k, v] of Object.entries(step.env)) env[k] = expand(v);
  env.CLI = recorder;
  for (const file of ['argv', 'output', 'summary']) writeFileSync(join(dir, file), '');
  // GitHub's composite `bash` shell: bash --noprofile --norc -eo pipefail {0}
  const script = join(dir, 'step.sh');
  writeFileSync(script, step.run);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { env, cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const argvs = readFileSync(join(dir, 'argv'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]);
  const output = Object.fromEntries(readFileSync(join(dir, 'output'), 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { argvs, output, summary: readFileSync(join(dir, 'summary'), 'utf8'), status: Number(output['exit-code']) };
}

describe('action.yml', () => {
  it('is a composite action that installs and runs the CLI from its own checkout', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    const install = action.runs.steps[0];
    assert.equal(install['working-directory'], '${{ github.action_path }}');
    assert.match(install.run ?? '', /^npm ci\b/);
    const review = action.runs.steps.find((s) => s.id === 'review');
    assert.equal(review?.env?.CLI, `\${{ github.action_path }}/${pkg.bin['mlsystem-review'].replace(/^\.\//, '')}`);
    assert.ok(existsSync(join(root, pkg.bin['mlsystem-review'])), 'the command it runs exists');
    assert.match(review?.run ?? '', /node "\$CLI"/);
    for (const step of action.runs.steps) if (step.run) assert.equal(step.shell, 'bash', `${step.name} names its shell (composite steps must)`);
  });

  it('uses every input it declares, and declares every input it uses', () => {
    for (const name of Object.keys(action.inputs)) assert.ok(text.includes(`inputs.${name}`), `input ${name} is never used`);
    for (const m of text.matchAll(/inputs\.([\w-]+)/g)) assert.ok(m[1] in action.inputs, `inputs.${m[1]} is not declared`);
    for (const m of `${text}${outputs}`.matchAll(/steps\.review\.outputs\.([\w-]+)/g)) {
      assert.match(action.runs.steps.find((s) => s.id === 'review')?.run ?? '', new RegExp(`echo "${m[1]}=`), `steps.review.outputs.${m[1]} is never written`);
    }
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'paths', 'sarif']);
  });

  it('uploads SARIF with github/codeql-action only when asked', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if ?? '', /inputs\.sarif == 'true'/);
    assert.equal(upload.with?.sarif_file, '${{ steps.review.outputs.sarif-file }}');
  });

  it('builds command lines the CLI accepts: annotations with fail-on, the summary, and SARIF when asked', () => {
    const { argvs, output, summary, status } = runReviewStep({ paths: 'designs/  "spaced name"\nmlsystem.yaml **/*.mlsystem.yaml', 'fail-on': 'warning', config: '.mlsystem-review.yaml', sarif: 'true' });
    assert.equal(argvs.length, 3);
    for (const argv of argvs) {
      const options = parseCliArgs(argv);
      assert.ok((FORMATS as readonly string[]).includes(options.format));
      assert.equal(options.config, '.mlsystem-review.yaml');
      assert.deepEqual(options.paths, ['designs/', '"spaced', 'name"', 'mlsystem.yaml', '**/*.mlsystem.yaml'], 'split on white space, globs left to the review');
    }
    assert.deepEqual(argvs.map((a) => parseCliArgs(a).format), ['github', 'markdown', 'sarif']);
    assert.deepEqual(argvs.map((a) => parseCliArgs(a).failOn), ['warning', 'never', 'never']);
    assert.equal(summary, '## summary\n', 'the summary goes to the job summary');
    assert.equal(status, 0);
    assert.match(output['sarif-file'], /mlsystem-review\.sarif$/);
  });

  it('with the defaults: the whole repository, no config, no SARIF; a failing review is passed on', () => {
    const { argvs, output, status } = runReviewStep({}, 1);
    assert.deepEqual(argvs.map((a) => parseCliArgs(a)).map((o) => [o.format, o.failOn, o.config, o.paths]), [
      ['github', 'error', undefined, ['.']],
      ['markdown', 'never', undefined, ['.']],
    ]);
    assert.equal(status, 1);
    assert.equal(output['sarif-file'], undefined);
    const last = action.runs.steps.at(-1);
    assert.equal(last?.env?.STATUS, '${{ steps.review.outputs.exit-code }}');
    assert.equal(last?.run, 'exit "$STATUS"');
  });

  it('a usage error (exit 2) stops before the summary and is passed on', () => {
    const { argvs, status } = runReviewStep({}, 2);
    assert.equal(argvs.length, 1);
    assert.equal(status, 2);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; name: string; entry: string; language: string; files: string }[];

  it('runs the CLI the package installs, with arguments it accepts, under the node language', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['mlsystem-review', 'mlsystem-review-fix']);
    for (const hook of hooks) {
      assert.ok(hook.name);
      assert.equal(hook.language, 'node');
      const [command, ...args] = hook.entry.split(' ');
      assert.ok(command in pkg.bin, `${command} is a bin of the package`);
      // pre-commit appends the staged file names.
      assert.doesNotThrow(() => parseCliArgs([...args, 'mlsystem.yaml']));
    }
    assert.equal(parseCliArgs(hooks[1].entry.split(' ').slice(1)).fix, true);
  });

  it('matches design documents by name, and no other YAML', () => {
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      for (const yes of ['mlsystem.yaml', 'mlsystem.yml', 'designs/fraud.mlsystem.yaml', 'a/b/churn.mlsystem.yml']) assert.match(yes, files);
      for (const no of ['docker-compose.yml', '.github/workflows/ci.yml', 'notmlsystem.yaml', 'mlsystem.yaml.bak', 'designs/.mlsystem.yaml/x.txt']) assert.doesNotMatch(no, files);
    }
  });

  it('the package pre-commit installs (npm pack) carries the built CLI', () => {
    const listing = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const files = listing[0].files.map((f) => f.path);
    for (const needed of ['bin/mlsystem-review.js', 'dist/cli.js', 'package.json']) assert.ok(files.includes(needed), needed);
    assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('test/')));
  });
});
