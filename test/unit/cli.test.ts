/**
 * The command-line review, run in-process with captured streams: what a user sees on
 * stdout and stderr, and the exit code CI acts on.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs, { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { LIMITS, RULES } from '../../src/engine';
import { run } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/run';
import { decodeText } from '../../src/engine';
import { design } from './support/design';

const fixtures = join(__dirname, '..', 'fixtures', 'cli');
const today = '2026-11-26';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function review(argv: string[], cwd: string, options: { env?: Record<string, string>; stdoutTTY?: boolean; stderrTTY?: boolean } = {}): Outcome {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTTY ?? false },
    today,
  };
  const code = run(argv, io);
  return { code, stdout, stderr };
}

interface JsonFile {
  file: string;
  findings: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

function reviewJson(argv: string[], cwd: string): { code: number; files: JsonFile[]; stderr: string } {
  const out = review(['--format', 'json', ...argv], cwd);
  return { code: out.code, files: JSON.parse(out.stdout) as JsonFile[], stderr: out.stderr };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsystem-cli-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The discovery tree, copied so a node_modules folder (ignored by git) can be added. */
function treeCopy(): string {
  const dir = tempDir();
  cpSync(join(fixtures, 'discovery'), dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'some-package'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'some-package', 'mlsystem.yaml'), 'mlsystem: 1\nname: [broken\n');
  return dir;
}

const CLEAN_DESIGN = readFileSync(join(__dirname, '..', 'fixtures', 'editor-workspace', 'mlsystem.yaml'), 'utf8');

describe('cli: discovery', () => {
  it('searches the current folder by name and content, never other YAML, skipping node_modules', () => {
    const { files } = reviewJson([], treeCopy());
    assert.deepEqual(files.map((f) => f.file), ['designs/fraud.yaml', 'drafts/churn.mlsystem.yaml', 'mlsystem.yaml']);
  });

  it('names found files under the folder as it was given: relative stays relative, absolute stays absolute', () => {
    assert.deepEqual(reviewJson(['discovery/designs'], fixtures).files.map((f) => f.file), ['discovery/designs/fraud.yaml']);
    assert.deepEqual(reviewJson(['./discovery/designs/'], fixtures).files.map((f) => f.file), ['discovery/designs/fraud.yaml']);
    const absolute = join(fixtures, 'discovery', 'designs');
    assert.deepEqual(reviewJson([absolute], tmpdir()).files.map((f) => f.file), [join(absolute, 'fraud.yaml')]);
  });

  it('keeps a named file as the user wrote it, and lists it once even when a folder finds it again', () => {
    const { files } = reviewJson(['./designs/fraud.yaml', 'designs'], join(fixtures, 'discovery'));
    assert.deepEqual(files.map((f) => f.file), ['./designs/fraud.yaml']);
  });

  it('skips a named YAML file that is not a design, with a note on stderr', () => {
    const out = reviewJson(['docker-compose.yml', 'mlsystem.yaml'], join(fixtures, 'discovery'));
    assert.deepEqual(out.files.map((f) => f.file), ['mlsystem.yaml']);
    assert.match(out.stderr, /skipped "docker-compose\.yml": not a design document/);
  });

  it('expands globs, keeping only design documents among the matches', () => {
    const { files } = reviewJson(['**/*.yaml'], join(fixtures, 'discovery'));
    assert.deepEqual(files.map((f) => f.file), ['designs/fraud.yaml', 'drafts/churn.mlsystem.yaml', 'mlsystem.yaml']);
    const yml = reviewJson(['**/*.yml'], join(fixtures, 'discovery'));
    assert.deepEqual(yml.files, [], 'docker-compose.yml matches the glob but is no design');
  });

  it('exits 2 with one line when a glob matches no file at all', () => {
    const out = review(['nothing/**/*.yaml'], join(fixtures, 'discovery'));
    assert.equal(out.code, 2);
    assert.equal(out.stderr, 'mlsystem-review: no files match "nothing/**/*.yaml"\n');
  });

  it('notes a folder without designs, and exits 0', () => {
    const out = review(['.github'], join(fixtures, 'discovery'));
    assert.equal(out.code, 0);
    assert.match(out.stderr, /no design documents found in "\.github"/);
    assert.equal(out.stdout, '');
  });
});

describe('cli: exit codes', () => {
  const tree = join(fixtures, 'discovery');
  it('exits 1 on an error at the default --fail-on error', () => {
    assert.equal(review(['mlsystem.yaml'], tree).code, 1);
  });
  it('exits 0 with only warnings and infos at --fail-on error, 1 at --fail-on warning', () => {
    assert.equal(review(['designs/fraud.yaml'], tree).code, 0);
    assert.equal(review(['--fail-on', 'warning', 'designs/fraud.yaml'], tree).code, 1);
  });
  it('counts infos only at --fail-on info', () => {
    const dir = tempDir();
    // Only no-stakeholders (info) is left on for this design.
    const rules = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'no-stakeholders' ? 'info' : 'off']));
    writeFileSync(join(dir, '.mlsystem-review.json'), JSON.stringify({ rules }));
    writeFileSync(join(dir, 'mlsystem.yaml'), design({ name: 'x', business: { objectives: [] } }));
    assert.equal(review(['--fail-on', 'warning'], dir).code, 0);
    assert.equal(review(['--fail-on', 'info'], dir).code, 1);
  });
  it('exits 0 at --fail-on never, even with errors', () => {
    assert.equal(review(['--fail-on', 'never', 'mlsystem.yaml'], tree).code, 0);
  });
  it('exits 0 on a clean design, printing nothing in stylish', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const out = review(['--fail-on', 'info'], dir);
    assert.deepEqual(out, { code: 0, stdout: '', stderr: '' });
  });
  it('exits 2 with a one-line message for a missing path', () => {
    const out = review(['missing.mlsystem.yaml'], tree);
    assert.equal(out.code, 2);
    assert.equal(out.stderr, 'mlsystem-review: cannot read "missing.mlsystem.yaml": no such file or directory\n');
    assert.equal(out.stdout, '');
  });
  it('exits 2 on bad usage, pointing to --help', () => {
    for (const argv of [['--format', 'xml'], ['--fail-on', 'fatal'], ['--bogus'], ['--format']]) {
      const out = review(argv, tree);
      assert.equal(out.code, 2, argv.join(' '));
      assert.match(out.stderr, /^mlsystem-review: .*\(see --help\)\n$/, argv.join(' '));
    }
    assert.match(review(['--format', 'xml'], tree).stderr, /--format must be one of stylish, json, sarif, github, markdown, gitlab \(got "xml"\)/);
  });
  it('prints help and version', () => {
    const help = review(['--help'], tree);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: mlsystem-review/);
    assert.match(help.stdout, /--fail-on error\|warning\|info\|never/);
    const version = review(['--version'], tree);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout, `${pkg.version}\n`);
  });
});

describe('cli: json', () => {
  it('lists every reviewed file with its findings, zero-based ranges', () => {
    const { files } = reviewJson([], join(fixtures, 'discovery'));
    const broken = files.find((f) => f.file === 'mlsystem.yaml');
    assert.ok(broken);
    assert.deepEqual(broken.findings.map((f) => [f.rule, f.severity]), [['yaml-syntax', 'error']]);
    assert.equal(broken.findings[0].range.start.line, 5, 'the unclosed flow list ends the file, on line 6 (zero-based 5)');
    assert.deepEqual(Object.keys(broken.findings[0]).sort(), ['help', 'message', 'range', 'rule', 'severity']);

    const fraud = files.find((f) => f.file === 'designs/fraud.yaml');
    assert.ok(fraud);
    const pillars = fraud.findings.filter((f) => f.rule === 'missing-pillar');
    assert.equal(pillars.length, 4, 'no requirements section: all four pillars missing');
    // A missing section is reported on the document's first key, `mlsystem` (line 2 of the file).
    assert.deepEqual(pillars[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    assert.equal(pillars[0].severity, 'warning');
    const unframed = fraud.findings.find((f) => f.rule === 'unframed-objective');
    assert.ok(unframed, 'the objective is served by no framing');
    assert.match(unframed.message, /fewer-chargebacks/);
  });

  it('lists a clean file with an empty findings list', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    assert.deepEqual(reviewJson([], dir).files, [{ file: 'mlsystem.yaml', findings: [] }]);
  });

  it('leaves out waived findings', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), design({ name: 'x', business: { objectives: [] }, waivers: [{ rule: 'no-stakeholders', reason: 'out-of-scope' }] }));
    const rules = reviewJson([], dir).files[0].findings.map((f) => f.rule);
    assert.ok(!rules.includes('no-stakeholders'), rules.join(', '));
    assert.ok(rules.includes('missing-pillar'));
  });
});

describe('cli: stylish', () => {
  it('prints a header per file with problems, aligned one-based rows and a summary', () => {
    const out = review(['mlsystem.yaml', 'designs/fraud.yaml'], join(fixtures, 'discovery'));
    const lines = out.stdout.split('\n');
    assert.ok(lines.includes('mlsystem.yaml'));
    assert.ok(lines.includes('designs/fraud.yaml'));
    const syntaxRow = lines.find((l) => l.endsWith('yaml-syntax'));
    assert.ok(syntaxRow);
    assert.match(syntaxRow, /^ {2}6:1 {2}error {2}\S.*\S {2}yaml-syntax$/);
    // Rows of one file share their columns: every rule id starts at the same place.
    const fraudRows = lines.slice(lines.indexOf('designs/fraud.yaml') + 1, lines.indexOf('', lines.indexOf('designs/fraud.yaml')));
    assert.ok(fraudRows.length >= 5);
    const ruleColumn = new Set(fraudRows.map((l) => l.search(/\S+$/)));
    assert.equal(ruleColumn.size, 1, fraudRows.join('\n'));
    assert.match(fraudRows[0], /^ {2}2:1 {2}warning {2}Requirements do not cover reliability/);
    assert.match(out.stdout, /\n✖ \d+ problems \(1 error, \d+ warnings, \d+ infos\)\n$/);
    assert.doesNotMatch(out.stdout, /\x1b\[/, 'no colors when stdout is not a terminal');
  });

  it('colors on a terminal, not with NO_COLOR, and with FORCE_COLOR anywhere', () => {
    const tree = join(fixtures, 'discovery');
    assert.match(review(['mlsystem.yaml'], tree, { stdoutTTY: true }).stdout, /\x1b\[31merror/);
    assert.doesNotMatch(review(['mlsystem.yaml'], tree, { stdoutTTY: true, env: { NO_COLOR: '1' } }).stdout, /\x1b\[/);
    assert.match(review(['mlsystem.yaml'], tree, { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[4mmlsystem\.yaml/);
    assert.doesNotMatch(review(['mlsystem.yaml'], tree, { stdoutTTY: true, env: { FORCE_COLOR: '0' } }).stdout, /\x1b\[/);
  });
});

describe('cli: sarif', () => {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language pattern is valid only without the regex `u` flag (ECMA-262 as draft-04 says).
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///root/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

  interface SarifLog {
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
        partialFingerprints: Record<string, string>;
      }[];
    }[];
  }

  const out = review(['--format', 'sarif'], join(fixtures, 'discovery'));
  const log = JSON.parse(out.stdout) as SarifLog;

  it('is valid SARIF 2.1.0', () => {
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false, 'the validator rejects a run without a tool');
  });

  it('describes every rule, with its docs link and default level', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'mlsystem-review');
    assert.deepEqual(driver.rules.map((r) => r.id), RULES.map((r) => r.id));
    const info = driver.rules.find((r) => r.id === 'no-stakeholders');
    assert.equal(info?.defaultConfiguration.level, 'note');
    assert.match(info?.helpUri ?? '', /docs\/rules\/no-stakeholders\.md$/);
  });

  it('carries each rule\'s documentation page as help, with links that work outside the repository', () => {
    for (const rule of log.runs[0].tool.driver.rules as unknown as { id: string; helpUri: string; help: { markdown: string } }[]) {
      const page = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const heading = page.split('\n')[0];
      assert.ok(rule.help.markdown.startsWith(heading), `${rule.id}: ${rule.help.markdown.slice(0, 80)}`);
      const links = [...rule.help.markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
      for (const link of links) assert.match(link, /^https:\/\//, `${rule.id}: ${link}`);
    }
    const unlinked = log.runs[0].tool.driver.rules.find((r) => r.id === 'unlinked-metric') as unknown as { help: { markdown: string } };
    assert.match(unlinked.help.markdown, /## Why it matters/);
    assert.match(unlinked.help.markdown, /\]\(https:\/\/\S+\/docs\/rules\/unknown-reference\.md\)/);
  });

  it('reports results with one-based regions, relative URIs, ruleIndex and fingerprints', () => {
    const results = log.runs[0].results;
    const syntax = results.find((r) => r.ruleId === 'yaml-syntax');
    assert.ok(syntax);
    assert.equal(syntax.level, 'error');
    const location = syntax.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'mlsystem.yaml', uriBaseId: '%SRCROOT%' });
    assert.equal(location.region.startLine, 6);
    assert.equal(location.region.startColumn, 1);

    const pillar = results.find((r) => r.ruleId === 'missing-pillar' && r.locations[0].physicalLocation.artifactLocation.uri === 'designs/fraud.yaml');
    assert.ok(pillar);
    assert.deepEqual(pillar.locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 9 });
    assert.equal(results.find((r) => r.ruleId === 'missing-stage')?.level, 'note');
    for (const r of results) assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const prints = results.map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${Object.values(r.partialFingerprints)[0]}`);
    assert.equal(new Set(prints).size, prints.length, 'every result in a file has its own fingerprint');
  });

  it('keeps a finding\'s fingerprint when lines above it move', () => {
    const dir = tempDir();
    const design = readFileSync(join(fixtures, 'discovery', 'designs', 'fraud.yaml'), 'utf8');
    const fingerprints = (text: string): string[] => {
      writeFileSync(join(dir, 'mlsystem.yaml'), text);
      const sarif = JSON.parse(review(['--format', 'sarif'], dir).stdout) as SarifLog;
      return sarif.runs[0].results.filter((r) => r.ruleId === 'unframed-objective').map((r) => JSON.stringify(r.partialFingerprints));
    };
    const before = fingerprints(design);
    assert.equal(before.length, 1);
    assert.deepEqual(fingerprints(`# A new comment\n# and another\n${design}`), before);
  });
});

describe('cli: configuration', () => {
  const configured = join(fixtures, 'configured');
  const byFile = (files: JsonFile[]): Map<string, JsonFile['findings']> => new Map(files.map((f) => [f.file, f.findings]));

  it('applies the nearest config up the tree: a rule off, a severity changed, extra file patterns', () => {
    const { files, code } = reviewJson([], configured);
    assert.deepEqual(files.map((f) => f.file), ['plain/mlsystem.yaml', 'specs/routing.design.yaml', 'team/nested/mlsystem.yaml']);
    const found = byFile(files);
    const plain = found.get('plain/mlsystem.yaml') ?? [];
    assert.ok(!plain.some((f) => f.rule === 'missing-stage'), 'missing-stage is off');
    assert.equal(plain.find((f) => f.rule === 'no-stakeholders')?.severity, 'error');
    assert.equal(code, 1, 'no-stakeholders is an error here');
    // Reviewed only because of the pattern: it lacks the required `mlsystem` key.
    const patterned = found.get('specs/routing.design.yaml') ?? [];
    assert.deepEqual(patterned.filter((f) => f.rule === 'schema').map((f) => [f.severity, f.range.start.line]), [['error', 1]]);
    assert.match(patterned.find((f) => f.rule === 'schema')?.message ?? '', /mlsystem: 1/);
    // The config beside the nested design wins over the one further up.
    const nested = found.get('team/nested/mlsystem.yaml') ?? [];
    assert.ok(nested.some((f) => f.rule === 'missing-stage'), 'missing-stage at its default');
    assert.ok(!nested.some((f) => f.rule === 'no-stakeholders'), 'no-stakeholders off');
  });

  it('uses --config for every file instead of the nearest one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { 'missing-pillar': 'off' } }));
    const { files } = reviewJson(['--config', join(dir, 'strict.json'), 'team/nested/mlsystem.yaml'], configured);
    const rules = files[0].findings.map((f) => f.rule);
    assert.ok(!rules.includes('missing-pillar'));
    assert.ok(rules.includes('no-stakeholders'), 'the nested config, which turned it off, is not read');
  });

  it('exits 2 with one line for a broken config or a missing --config file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.mlsystem-review.yaml'), 'rules:\n  no-such-rule: error\n');
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const broken = review([], dir);
    assert.equal(broken.code, 2);
    assert.equal(broken.stderr, 'mlsystem-review: .mlsystem-review.yaml: unknown rule "no-such-rule"\n');
    const missing = review(['--config', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'mlsystem-review: cannot read "nope.json": no such file or directory\n');
    writeFileSync(join(dir, '.mlsystem-review.yaml'), 'rules: [\n');
    assert.match(review([], dir).stderr, /^mlsystem-review: \.mlsystem-review\.yaml: not valid YAML: [^\n]*\n$/);
  });

  // A backtracking glob matcher runs for minutes on this pattern and name; the timeout makes a hang a failure.
  it('matches a config pattern built to backtrack in bounded time', { timeout: 20_000 }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.mlsystem-review.json'), JSON.stringify({ files: [`${'*a'.repeat(12)}b`] }));
    writeFileSync(join(dir, `${'a'.repeat(40)}.yaml`), 'kind: other\n');
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const out = reviewJson([], dir);
    assert.deepEqual(out.files.map((f) => f.file), ['mlsystem.yaml']);
  });

  it('exits 2 with one line for a pattern of a form it does not support, in the config or on the command line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const cli = review(['+(a|b).yaml'], dir);
    assert.equal(cli.code, 2);
    assert.equal(cli.stderr, 'mlsystem-review: the pattern "+(a|b).yaml" uses an extended glob such as "+(a|b)", which is not supported (use {a,b})\n');
    writeFileSync(join(dir, '.mlsystem-review.json'), JSON.stringify({ files: ['x'.repeat(300)] }));
    const config = review([], dir);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /^mlsystem-review: \.mlsystem-review\.json: the pattern "x+" in "files" is longer than 256 characters\n$/);
  });

  it('keeps the workspace\'s design patterns out of a cloned repository\'s hands in Restricted Mode', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } } };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['mlsystem.files']);
  });
});

describe('cli: reading files', () => {
  it('reports invalid UTF-8 as a yaml-syntax error at the first bad byte, and goes on', () => {
    const dir = tempDir();
    const bytes = Buffer.concat([Buffer.from('mlsystem: 1\nname: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    writeFileSync(join(dir, 'mlsystem.yaml'), bytes);
    writeFileSync(join(dir, 'other.mlsystem.yaml'), CLEAN_DESIGN);
    const out = reviewJson([], dir);
    assert.equal(out.code, 1);
    assert.deepEqual(out.files.map((f) => f.file), ['mlsystem.yaml', 'other.mlsystem.yaml']);
    const [finding] = out.files[0].findings;
    assert.equal(finding.rule, 'yaml-syntax');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /not valid UTF-8/);
    assert.deepEqual(finding.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } });
    assert.deepEqual(out.files[1].findings, []);
  });

  it('counts the first bad byte after a BOM and multi-byte characters correctly', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: é€\nb: ok\nc: x'), Buffer.from([0xc3, 0x28])]);
    const read = decodeText(bytes);
    assert.equal(read.kind, 'invalid-utf8');
    assert.deepEqual(read.kind === 'invalid-utf8' && read.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } });
  });

  it('puts a bad first byte on the first line', () => {
    const read = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('mlsystem: 1\nname: x\n')]));
    assert.equal(read.kind, 'invalid-utf8');
    assert.deepEqual(read.kind === 'invalid-utf8' && read.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });

  it('reads a file with a UTF-8 BOM as if it had none', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), `\ufeff${CLEAN_DESIGN}`);
    assert.deepEqual(reviewJson([], dir).files, [{ file: 'mlsystem.yaml', findings: [] }]);
  });

  it('reports a NUL byte as a yaml-syntax error, not a crash', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), 'mlsystem: 1\nname: a\0b\n');
    const { files, code } = reviewJson([], dir);
    assert.equal(code, 1);
    assert.deepEqual(files[0].findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]), [['yaml-syntax', 1, 7]]);
    assert.match(files[0].findings[0].message, /NUL/);
  });

  it('skips a file past the size limit with a message, reviews the rest, and fails', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.mlsystem.yaml'), `mlsystem: 1\nname: big\nsummary: "${'x'.repeat(LIMITS.maxLength)}"\n`);
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const out = reviewJson([], dir);
    assert.deepEqual(out.files, [{ file: 'mlsystem.yaml', findings: [] }]);
    assert.match(out.stderr, /^mlsystem-review: big\.mlsystem\.yaml: skipped: too large to review \(the limit is \d+ characters\)\n$/);
    assert.equal(out.code, 1, 'an unreviewed design counts as an error');
    assert.equal(review(['--fail-on', 'never'], dir).code, 0);
  });
});

describe('cli: paths that are not regular files, and what a search cannot read', () => {
  const denied = (p: string): NodeJS.ErrnoException => Object.assign(new Error(`EACCES: permission denied, '${p}'`), { code: 'EACCES' });

  // Before, reading a pipe blocked for ever and /dev/zero grew without end: the timeout turns that into a failure.
  it('refuses a named pipe or a link to a device, named or as --config, at once with exit 2', { timeout: 20_000 }, () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.mlsystem.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.mlsystem.yaml'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    for (const name of ['pipe.mlsystem.yaml', 'zero.mlsystem.yaml', 'zero.yaml']) {
      const out = review([name], dir);
      assert.equal(out.code, 2, name);
      assert.equal(out.stderr, `mlsystem-review: cannot read "${name}": not a regular file\n`);
    }
    const config = review(['--config', 'pipe.mlsystem.yaml', 'zero.yaml'], dir);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /^mlsystem-review: cannot read "pipe\.mlsystem\.yaml": [^\n]+\n$/);
  });

  it('passes over pipes and device links in a searched folder', { timeout: 20_000 }, () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.mlsystem.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const out = reviewJson([], dir);
    assert.deepEqual(out.files.map((f) => f.file), ['mlsystem.yaml']);
    assert.equal(out.code, 0);
  });

  it('skips an unreadable sub-folder or YAML file under a searched folder with a warning, and reviews the rest', (t) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'mlsystem.yaml'), CLEAN_DESIGN);
    writeFileSync(join(dir, 'secret.yaml'), 'kind: other\n');
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    // The tests may run as root, who can read anything: the file system refuses through a mock.
    const readdir = fs.readdirSync;
    t.mock.method(fs, 'readdirSync', (p: string, ...rest: unknown[]) => {
      if (p === join(dir, 'locked')) throw denied(p);
      return (readdir as (...a: unknown[]) => unknown)(p, ...rest);
    });
    const open = fs.openSync;
    t.mock.method(fs, 'openSync', (p: string, ...rest: unknown[]) => {
      if (p === join(dir, 'secret.yaml')) throw denied(p);
      return (open as (...a: unknown[]) => unknown)(p, ...rest);
    });
    const out = reviewJson([], dir);
    assert.deepEqual(out.files.map((f) => f.file), ['mlsystem.yaml']);
    assert.equal(out.stderr, 'mlsystem-review: skipped "locked": permission denied\nmlsystem-review: skipped "secret.yaml": permission denied\n');
    assert.equal(out.code, 0);
    // Named, the same file stops the run.
    const named = review(['secret.yaml'], dir);
    assert.equal(named.code, 2);
    assert.equal(named.stderr, 'mlsystem-review: cannot read "secret.yaml": permission denied\n');
  });

  it('skips a design a search found but cannot read with a warning, and fails the run', (t) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'locked.mlsystem.yaml'), CLEAN_DESIGN);
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const open = fs.openSync;
    t.mock.method(fs, 'openSync', (p: string, ...rest: unknown[]) => {
      if (p === join(dir, 'locked.mlsystem.yaml')) throw denied(p);
      return (open as (...a: unknown[]) => unknown)(p, ...rest);
    });
    const out = reviewJson([], dir);
    assert.deepEqual(out.files.map((f) => f.file), ['mlsystem.yaml']);
    assert.equal(out.stderr, 'mlsystem-review: skipped "locked.mlsystem.yaml": permission denied\n');
    assert.equal(out.code, 1, 'a design that was not reviewed counts as an error');
  });
});

describe('cli: progress', () => {
  const many = (): string => {
    const dir = tempDir();
    for (let i = 0; i < 52; i++) writeFileSync(join(dir, `d${String(i).padStart(2, '0')}.mlsystem.yaml`), CLEAN_DESIGN);
    return dir;
  };
  it('shows a counter on a terminal stderr past 50 files, and never otherwise', () => {
    const dir = many();
    const tty = review([], dir, { stderrTTY: true });
    assert.match(tty.stderr, /\rReviewing 52\/52/);
    assert.ok(tty.stderr.endsWith('\r\x1b[K'), 'the counter is cleared at the end');
    assert.equal(review([], dir).stderr, '');
  });
});

describe('cli: --diagram', () => {
  it('writes the lifecycle SVG of the one design given', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlsystem.yaml'), CLEAN_DESIGN);
    const out = review(['--diagram', 'lifecycle.svg', 'mlsystem.yaml'], dir);
    assert.equal(out.code, 0);
    const svg = readFileSync(join(dir, 'lifecycle.svg'), 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /support-request-routing/);
    assert.match(svg, /Business analysis/i);
  });
  it('refuses to draw several designs at once', () => {
    const out = review(['--diagram', 'x.svg'], join(fixtures, 'discovery'));
    assert.equal(out.code, 2);
    assert.match(out.stderr, /--diagram draws one design, but 3 were found/);
  });
});
