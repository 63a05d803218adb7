/**
 * `--fix` and `--fix-dry-run` on temporary copies of the draft example: the design is fixed
 * on disk and reviews with fewer findings, other YAML beside it is never touched, line
 * endings and a BOM stay, a read-only design is one error line and exit 2 with nothing
 * written, and the dry run's diff is exactly what `--fix` would write.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { runCli } from './support/cli';
import type { CliOutcome } from './support/cli';

const root = join(__dirname, '..', '..');
const COMPOSE = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    constraint: would be a typo in a design\n';

const cli = (argv: string[], cwd: string): CliOutcome => runCli(argv, cwd);

const temps: string[] = [];
after(() => {
  for (const dir of temps) {
    try {
      chmodSync(join(dir, 'draft', 'mlsystem.yaml'), 0o644);
    } catch {
      // Not made read-only by this test.
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A copy of examples/draft with a compose file beside the design. */
function draftCopy(transform: (text: string) => string = (t) => t): { dir: string; design: string; compose: string; original: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mlsystem-fix-'));
  temps.push(dir);
  cpSync(join(root, 'examples', 'draft'), join(dir, 'draft'), { recursive: true });
  const design = join(dir, 'draft', 'mlsystem.yaml');
  const original = transform(readFileSync(design, 'utf8'));
  writeFileSync(design, original);
  const compose = join(dir, 'draft', 'docker-compose.yaml');
  writeFileSync(compose, COMPOSE);
  return { dir, design, compose, original };
}

function findingCount(cwd: string): number {
  const files = JSON.parse(cli(['--format', 'json', '.'], cwd).stdout) as { findings: unknown[] }[];
  return files.reduce((n, f) => n + f.findings.length, 0);
}

describe('--fix', () => {
  it('fixes the design on disk, reports what is left, and leaves the compose file beside it alone', () => {
    const { dir, design, compose, original } = draftCopy();
    const composeBefore = statSync(compose);
    const before = findingCount(dir);
    const out = cli(['--fix', '--format', 'json', 'draft', 'draft/docker-compose.yaml'], dir);
    // "Rename to constraints" also makes the text a one-item list, so no error is left: the rest are warnings and infos for people.
    assert.equal(out.code, 0, 'only warnings and infos are left');
    const fixed = readFileSync(design, 'utf8');
    assert.notEqual(fixed, original);
    assert.match(fixed, /^ {2}constraints:/m, 'the typo "constraint" is renamed');
    assert.match(fixed, /serves: \[faster-routing\]/, 'the misspelt reference is corrected');
    assert.match(fixed, /model_development: \{status: in-progress\}/);
    const reported = JSON.parse(out.stdout) as { file: string; findings: unknown[] }[];
    assert.deepEqual(reported.map((r) => r.file), ['draft/mlsystem.yaml']);
    assert.ok(reported[0].findings.length < before, `${reported[0].findings.length} findings left of ${before}`);
    assert.equal(findingCount(dir), reported[0].findings.length, 'what is reported is what the file on disk has');
    assert.match(out.stderr, /^mlsystem-review: skipped "draft\/docker-compose\.yaml": not a design document.*\nmlsystem-review: fixed "draft\/mlsystem\.yaml": \d+ corrections\n$/);
    assert.equal(readFileSync(compose, 'utf8'), COMPOSE);
    assert.equal(statSync(compose).mtimeMs, composeBefore.mtimeMs);
    assert.deepEqual(readdirSync(join(dir, 'draft')).sort(), ['docker-compose.yaml', 'mlsystem.yaml'], 'no temporary file left');
  });

  it('writes nothing when nothing changes: a clean design keeps its very file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsystem-fix-'));
    temps.push(dir);
    cpSync(join(root, 'examples', 'support-routing', 'mlsystem.yaml'), join(dir, 'mlsystem.yaml'));
    const before = statSync(join(dir, 'mlsystem.yaml'));
    const out = cli(['--fix', '.'], dir);
    assert.equal(out.code, 0);
    assert.equal(out.stderr, '');
    const later = statSync(join(dir, 'mlsystem.yaml'));
    assert.equal(later.ino, before.ino);
    assert.equal(later.mtimeMs, before.mtimeMs);
  });

  it('keeps CRLF line endings, inserted lines included', () => {
    const { dir, design, original } = draftCopy((t) => t.replace(/\n/g, '\r\n'));
    assert.equal(cli(['--fix', 'draft'], dir).code, 0);
    const fixed = readFileSync(design, 'utf8');
    assert.notEqual(fixed, original);
    assert.ok(fixed.split('\r\n').length > original.split('\r\n').length, 'a line was inserted');
    assert.doesNotMatch(fixed, /(^|[^\r])\n/, 'every line ends with CRLF');
  });

  it('keeps a byte-order mark, once', () => {
    const { dir, design } = draftCopy((t) => `\uFEFF${t}`);
    cli(['--fix', 'draft'], dir);
    const bytes = readFileSync(design);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.notDeepEqual([...bytes.subarray(3, 6)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.subarray(3).toString('utf8'), /^# /);
  });

  it('a design that cannot be written: one error line, exit 2, the file exactly as it was', () => {
    const { dir, design, original } = draftCopy();
    chmodSync(design, 0o444);
    const out = cli(['--fix', 'draft'], dir);
    assert.equal(out.code, 2);
    assert.equal(out.stderr, 'mlsystem-review: cannot write "draft/mlsystem.yaml": the file is read-only\n');
    assert.equal(out.stdout, '');
    assert.equal(readFileSync(design, 'utf8'), original);
    assert.deepEqual(readdirSync(join(dir, 'draft')).sort(), ['docker-compose.yaml', 'mlsystem.yaml'], 'no temporary file left');
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    const { dir, design, original } = draftCopy();
    const out = cli(['--fix', '--fix-dry-run', 'draft'], dir);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /use --fix or --fix-dry-run, not both/);
    assert.equal(readFileSync(design, 'utf8'), original);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff of what --fix would write, and writes nothing', () => {
    const dry = draftCopy((t) => t.replace(/\n/g, '\r\n'));
    const out = cli(['--fix-dry-run', 'draft'], dry.dir);
    assert.equal(out.code, 0, 'the exit code is the one --fix would give');
    assert.equal(readFileSync(dry.design, 'utf8'), dry.original);
    assert.match(out.stdout, /^--- a\/draft\/mlsystem\.yaml\r?\n\+\+\+ b\/draft\/mlsystem\.yaml\r?\n@@ -\d+,\d+ \+\d+,\d+ @@/);
    assert.match(out.stdout, /^-  constraint: Customer text stays in the EU\.\r$/m);
    assert.match(out.stdout, /^\+  constraints: \[Customer text stays in the EU\.\]\r$/m);

    const real = draftCopy((t) => t.replace(/\n/g, '\r\n'));
    cli(['--fix', 'draft'], real.dir);
    assert.equal(applyPatch(dry.original, out.stdout), readFileSync(real.design, 'utf8'));
  });

  it('prints nothing for a design with nothing to fix', () => {
    const out = cli(['--fix-dry-run', 'examples/support-routing'], root);
    assert.equal(out.code, 0);
    assert.equal(out.stdout, '');
  });
});
