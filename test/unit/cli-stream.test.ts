/**
 * The report is written file by file as the review goes, and reads exactly as the whole
 * report written at once: JSON formats are byte for byte what serializing the whole
 * document gives, the text formats are each file's part in order, then the totals. A run
 * that stops with exit code 2 prints no report.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/run';
import { PROGRESS_THRESHOLD } from '../../src/cli/run';
import { CLI_TODAY, runCli } from './support/cli';

const root = join(__dirname, '..', '..');
/** Several designs, found and named: a draft full of findings, clean ones, a hostile one, a folder with a team's checks. */
const DESIGNS = ['examples/draft/mlsystem.yaml', 'examples/fraud-detection/fraud.yaml', 'examples/support-routing/mlsystem.yaml', 'test/fixtures/cli/formats/hostile.mlsystem.yaml', 'examples/policies'];

/** The run's stdout (with colors forced on when asked); exit code 0 or 1. */
function cli(argv: string[], color = false): string {
  const outcome = runCli(argv, root, CLI_TODAY, color ? { FORCE_COLOR: '1' } : {});
  assert.ok(outcome.code === 0 || outcome.code === 1, outcome.stderr);
  return outcome.stdout;
}

/** Each reviewed file, as the json report names them, in order. */
const reviewedFiles = (): string[] => (JSON.parse(cli(['--format', 'json', ...DESIGNS])) as { file: string }[]).map((r) => r.file);

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A folder of `count` copies of the draft (findings, and corrections for --fix), one per team folder. */
function draftsFolder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsystem-stream-'));
  temps.push(dir);
  for (let i = 0; i < count; i++) {
    const team = join(dir, 'teams', `team-${String(i).padStart(3, '0')}`);
    mkdirSync(team, { recursive: true });
    copyFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), join(team, 'mlsystem.yaml'));
  }
  return dir;
}

/**
 * A run whose stderr is a terminal, so the progress counter says which file is next;
 * `beforeReading(n)` runs just before the n-th file (one-based) is read, with stdout so far.
 */
function runWatched(argv: string[], cwd: string, beforeReading: (n: number, stdoutSoFar: string) => void): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: {},
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: {
      write: (s: string) => {
        stderr += s;
        const m = /^\rReviewing (\d+)\//.exec(s);
        if (m) beforeReading(Number(m[1]), stdout);
        return true;
      },
      isTTY: true,
    },
    today: CLI_TODAY,
  };
  return { code: run(argv, io), stdout, stderr };
}

describe('the report written file by file reads as the whole report', () => {
  const files = reviewedFiles();

  it('covers several files, some with findings, one with a team check', () => {
    assert.ok(files.length >= 6, files.join(', '));
  });

  for (const [format, indent] of [['json', 0], ['sarif', 2], ['gitlab', 2]] as const) {
    it(`${format}: byte for byte the whole document serialized at once`, () => {
      const out = cli(['--format', format, ...DESIGNS]);
      assert.equal(out, `${JSON.stringify(JSON.parse(out), null, indent || undefined)}\n`);
    });
  }

  it('json, sarif and gitlab: the entries of each file alone, in file order', () => {
    const alone = (format: string, file: string): unknown[] => {
      const parsed = JSON.parse(cli(['--format', format, file]));
      return format === 'sarif' ? parsed.runs[0].results : parsed;
    };
    for (const format of ['json', 'sarif', 'gitlab']) {
      const parsed = JSON.parse(cli(['--format', format, ...DESIGNS]));
      const entries = format === 'sarif' ? parsed.runs[0].results : parsed;
      assert.deepEqual(entries, files.flatMap((file) => alone(format, file)), format);
    }
  });

  it('github: each file\'s commands, in file order', () => {
    assert.equal(cli(['--format', 'github', ...DESIGNS]), files.map((file) => cli(['--format', 'github', file])).join(''));
  });

  for (const color of [false, true]) {
    it(`stylish${color ? ' with colors' : ''}: each file's rows in file order, then the totals of all`, () => {
      const summary = /\n[^\n]*✖ [^\n]*\n$/;
      const whole = cli(DESIGNS, color);
      const parts = files.map((file) => cli([file], color).replace(summary, ''));
      assert.equal(whole.replace(summary, ''), parts.join(''));
      const counts = (JSON.parse(cli(['--format', 'json', ...DESIGNS])) as { findings: unknown[] }[]).reduce((n, r) => n + r.findings.length, 0);
      assert.match(whole.match(summary)?.[0] ?? '', new RegExp(`✖ ${counts} problems`));
    });
  }

  it('markdown: the counts of every design, then each design\'s section as it reads alone', () => {
    // A section ends with a blank line; the report's last one also with the report's end.
    const sections = (out: string): string[] => out.split('\n### ').slice(1).map((section) => section.replace(/\n+$/, ''));
    const whole = cli(['--format', 'markdown', ...DESIGNS]);
    assert.match(whole, new RegExp(`^## ML system design review\\n\\n${files.length} designs reviewed: `));
    assert.deepEqual(sections(whole), files.flatMap((file) => sections(cli(['--format', 'markdown', file]))));
  });
});

describe('writing while reviewing', () => {
  const count = PROGRESS_THRESHOLD + 1;

  it('the files reviewed so far are on stdout before the last one is read', () => {
    const dir = draftsFolder(count);
    let before = '';
    const outcome = runWatched(['--format', 'json', 'teams'], dir, (n, stdout) => {
      if (n === count) before = stdout;
    });
    assert.equal(outcome.code, 1);
    assert.match(before, /^\[\{"file":"teams\/team-000\/mlsystem\.yaml"/);
    assert.ok(before.length < outcome.stdout.length);
    assert.equal((JSON.parse(outcome.stdout) as unknown[]).length, count);
  });

  it('a named design that cannot be read stops the run with exit code 2 and no report, whatever came before it', () => {
    const dir = draftsFolder(count - 1);
    copyFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), join(dir, 'last.mlsystem.yaml'));
    const outcome = runWatched(['--format', 'json', 'teams', 'last.mlsystem.yaml'], dir, (n) => {
      // Gone between the search and its reading.
      if (n === count) unlinkSync(join(dir, 'last.mlsystem.yaml'));
    });
    assert.equal(outcome.code, 2);
    assert.equal(outcome.stdout, '');
    assert.match(outcome.stderr, /cannot read "last\.mlsystem\.yaml": no such file or directory/);
  });

  it('a found design that cannot be read is skipped, and the report is complete', () => {
    const dir = draftsFolder(count);
    const outcome = runWatched(['--format', 'json', 'teams'], dir, (n) => {
      if (n === count) unlinkSync(join(dir, 'teams', `team-${String(count - 1).padStart(3, '0')}`, 'mlsystem.yaml'));
    });
    assert.equal(outcome.code, 1);
    assert.equal((JSON.parse(outcome.stdout) as unknown[]).length, count - 1);
    assert.match(outcome.stderr, /skipped "teams\/team-050\/mlsystem\.yaml": no such file or directory/);
  });

  it('--fix prints the report once every design is written: a design that cannot be written leaves no report', () => {
    const dir = draftsFolder(count);
    chmodSync(join(dir, 'teams', `team-${String(count - 1).padStart(3, '0')}`, 'mlsystem.yaml'), 0o444);
    const outcome = runCli(['--fix', '--format', 'json', 'teams'], dir);
    assert.equal(outcome.code, 2);
    assert.equal(outcome.stdout, '');
    assert.match(outcome.stderr, /cannot write "teams\/team-050\/mlsystem\.yaml": the file is read-only/);
    assert.match(outcome.stderr, /fixed "teams\/team-000\/mlsystem\.yaml"/);
  });
});
