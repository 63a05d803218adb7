/**
 * The output formats from the same fixture designs: every format lists the findings json
 * lists; GitHub workflow commands escape as GitHub specifies; GitLab Code Quality fields are
 * valid and fingerprints survive line moves; the Markdown summary renders (markdown-it) to a
 * readiness table and rule links; untrusted text never drives a terminal or a CI log.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { RULE_IDS, ruleDocsUrl } from '../../src/engine';
import { runCli } from './support/cli';
import type { CliOutcome } from './support/cli';
import { escapeData, escapeProperty } from '../../src/cli/formatters/github';
import { printable } from '../../src/render/printable';

const root = join(__dirname, '..', '..');
const HOSTILE_KEY = '\u001b]0;PWNED\u0007\u001b[2J';
const SPOOF_NAME = 'x\n::error file=README.md,line=1::Spoofed.mlsystem.yaml';

const cli = (argv: string[], cwd = root): CliOutcome => runCli(argv, cwd);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsystem-formats-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The fixture designs every format is run on: a draft full of findings, a clean design, a hostile one. */
const DESIGNS = ['examples/draft/mlsystem.yaml', 'examples/support-routing/mlsystem.yaml', 'test/fixtures/cli/formats/hostile.mlsystem.yaml'];

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What identifies a finding in every format: file, rule and one-based start line. */
type Key = string;
const key = (file: string, rule: string, line: number): Key => `${file}|${rule}|${line}`;
const sorted = (keys: Key[]): Key[] => [...keys].sort();

function jsonKeys(): Key[] {
  const out = cli(['--format', 'json', ...DESIGNS]);
  const files = JSON.parse(out.stdout) as { file: string; findings: JsonFinding[] }[];
  return files.flatMap((f) => f.findings.map((x) => key(f.file, x.rule, x.range.start.line + 1)));
}

/** GitHub's own decoding of a workflow command's property or data. */
function unescapeGithub(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(m, `not one workflow command: ${JSON.stringify(line)}`);
      const properties = Object.fromEntries(m[2].split(',').map((p) => {
        const at = p.indexOf('=');
        return [p.slice(0, at), unescapeGithub(p.slice(at + 1))];
      }));
      return { command: m[1], properties, message: unescapeGithub(m[3]) };
    });
}

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('every format lists the same findings as json', () => {
  const expected = sorted(jsonKeys());

  it('the fixtures have findings to compare, in more than one file', () => {
    assert.ok(expected.length > 20);
    assert.ok(new Set(expected.map((k) => k.split('|')[0])).size >= 2);
  });

  it('github', () => {
    const commands = parseWorkflowCommands(cli(['--format', 'github', ...DESIGNS]).stdout);
    assert.deepEqual(sorted(commands.map((c) => key(c.properties.file, c.properties.title, Number(c.properties.line)))), expected);
  });

  it('gitlab', () => {
    const issues = JSON.parse(cli(['--format', 'gitlab', ...DESIGNS]).stdout) as { check_name: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual(sorted(issues.map((i) => key(i.location.path, i.check_name, i.location.lines.begin))), expected);
  });

  it('sarif', () => {
    const log = JSON.parse(cli(['--format', 'sarif', ...DESIGNS]).stdout);
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    assert.deepEqual(sorted(results.map((r) => key(decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri), r.ruleId, r.locations[0].physicalLocation.region.startLine))), expected);
  });

  it('markdown (as rendered: one list item per finding, linking its rule)', () => {
    const html = new MarkdownIt().render(cli(['--format', 'markdown', ...DESIGNS]).stdout);
    const found: Key[] = [];
    // Each design is an <h3> with its file name; its findings are the <li>s that follow.
    for (const section of html.split('<h3>').slice(1)) {
      const file = section.slice(0, section.indexOf('</h3>')).split(' — ')[0];
      for (const m of section.matchAll(/<li>\S+ \w+ <a href="([^"]+)"><code>([^<]+)<\/code><\/a> line (\d+):/g)) {
        assert.equal(m[1], ruleDocsUrl(m[2] as (typeof RULE_IDS)[number]));
        found.push(key(file, m[2], Number(m[3])));
      }
    }
    assert.deepEqual(sorted(found), expected);
  });

  it('stylish', () => {
    const out = cli(DESIGNS).stdout;
    const found: Key[] = [];
    let file = '';
    for (const line of out.split('\n')) {
      const row = /^\s+(\d+):\d+\s+(?:error|warning|info)\s+.*\s(\S+)$/.exec(line);
      if (row) found.push(key(file, row[2], Number(row[1])));
      else if (line && !line.startsWith('✖')) file = line;
    }
    assert.deepEqual(sorted(found), expected);
  });
});

describe('--format github', () => {
  it('escapes data and properties as GitHub specifies', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\nd'), 'a%3Ab%2Cc%25%0Ad');
    assert.equal(escapeData(`key ${HOSTILE_KEY}`), 'key \\u001b]0;PWNED\\u0007\\u001b[2J');
  });

  it('messages with %, commas, colons, line breaks and control characters come back whole once decoded', () => {
    const commands = parseWorkflowCommands(cli(['--format', 'github', 'test/fixtures/cli/formats/hostile.mlsystem.yaml']).stdout);
    const json = JSON.parse(cli(['--format', 'json', 'test/fixtures/cli/formats/hostile.mlsystem.yaml']).stdout)[0].findings as JsonFinding[];
    assert.deepEqual(commands.map((c) => c.message), json.map((f) => printable(f.message, '\r\n')));
    const multiline = commands.find((c) => c.message.includes('line\nbreak, 100% : yes\r\n::error'));
    assert.ok(multiline, 'the key with a line break is reported, its break encoded');
    assert.ok(commands.some((c) => c.message.includes('`fr,am:ing%`')));
    assert.deepEqual(new Set(commands.map((c) => c.command)), new Set(['error', 'warning', 'notice']));
  });

  it('positions are one-based, with the end of the range', () => {
    const [first] = parseWorkflowCommands(cli(['--format', 'github', 'examples/draft/mlsystem.yaml']).stdout);
    const [json] = JSON.parse(cli(['--format', 'json', 'examples/draft/mlsystem.yaml']).stdout)[0].findings as JsonFinding[];
    assert.deepEqual(first.properties, {
      file: 'examples/draft/mlsystem.yaml',
      line: String(json.range.start.line + 1),
      col: String(json.range.start.character + 1),
      endLine: String(json.range.end.line + 1),
      endColumn: String(json.range.end.character + 1),
      title: json.rule,
    });
  });
});

describe('--format gitlab', () => {
  const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

  it('writes the Code Quality fields GitLab reads', () => {
    const out = cli(['--format', 'gitlab', ...DESIGNS]);
    const issues = JSON.parse(out.stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(issues) && issues.length > 0);
    for (const issue of issues) {
      assert.equal(typeof issue.description, 'string');
      assert.ok((RULE_IDS as readonly string[]).includes(issue.check_name as string));
      assert.match(issue.fingerprint as string, /^[0-9a-f]{64}$/);
      assert.ok(SEVERITIES.includes(issue.severity as string));
      const location = issue.location as { path: string; lines: { begin: number } };
      assert.ok(!location.path.startsWith('/') && !location.path.startsWith('..'), location.path);
      assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
    const severity = Object.fromEntries(issues.map((i) => [i.check_name, i.severity]));
    assert.equal(severity.schema, 'major');
    assert.equal(severity['unmeasured-objective'], 'minor');
    assert.equal(severity['missing-stage'], 'info');
  });

  it('keeps each fingerprint when lines above the finding move', () => {
    const dir = tempDir();
    const original = readFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8');
    writeFileSync(join(dir, 'mlsystem.yaml'), original);
    const before = JSON.parse(cli(['--format', 'gitlab', '.'], dir).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    writeFileSync(join(dir, 'mlsystem.yaml'), `# A comment\n# and another, moving every line\n\n${original}`);
    const later = JSON.parse(cli(['--format', 'gitlab', '.'], dir).stdout) as typeof before;
    assert.deepEqual(later.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    assert.deepEqual(later.map((i) => i.location.lines.begin), before.map((i) => i.location.lines.begin + 3));
  });
});

describe('--format markdown', () => {
  const md = new MarkdownIt();

  it('renders a readiness table per design with every section and pillar: answered, placeholders, missing', () => {
    const html = md.render(cli(['--format', 'markdown', 'examples/draft/mlsystem.yaml']).stdout);
    const table = /<table>[\s\S]*?<\/table>/.exec(html)?.[0];
    assert.ok(table, 'a table');
    assert.match(table, /<th>Section or pillar<\/th>\s*<th>State<\/th>\s*<th[^>]*>Answered<\/th>\s*<th[^>]*>Placeholders<\/th>\s*<th[^>]*>Missing<\/th>\s*<th[^>]*>Errors<\/th>/);
    for (const row of ['Identity', 'Business', 'Framing', 'Data', 'Evaluation', 'Requirements', 'Lifecycle', 'Pillar: Reliability', 'Pillar: Adaptability']) assert.ok(table.includes(`<td>${row}</td>`), row);
    const cells = (label: string): string[] => [.../<tr>\s*<td>([^<]*)<\/td>([\s\S]*?)<\/tr>/g.exec(table.slice(table.indexOf(`<td>${label}</td>`) - 5))![2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells('Identity'), ['✅ answered', '3', '0', '0', '0', '0', '0']);
    assert.deepEqual(cells('Framing'), ['✏️ placeholder', '21', '2', '0', '1', '5', '1']);
    assert.deepEqual(cells('Pillar: Maintainability'), ['⬜ missing', '0', '0', '5', '0', '1', '0']);
    assert.match(html, /<p>✏️ 4 placeholders still to answer: open questions for the review\.<\/p>/);
    assert.match(html, /<strong>3 errors, 14 warnings, 9 info<\/strong>/);
    const answered = md.render(cli(['--format', 'markdown', 'examples/support-routing/mlsystem.yaml']).stdout);
    assert.doesNotMatch(answered, /open questions/, 'no placeholders, no open-questions line');
  });

  it('lists waivers with owner and expiry, marking one near or past its date', () => {
    const html = md.render(cli(['--format', 'markdown', 'examples/draft/mlsystem.yaml', 'test/fixtures/cli/formats/hostile.mlsystem.yaml']).stdout);
    assert.match(html, /<th>Rule<\/th>\s*<th>Target<\/th>\s*<th>Reason<\/th>\s*<th>Owner<\/th>\s*<th>Expires<\/th>/);
    assert.match(html, /<td>no-stakeholders<\/td>\s*<td>whole file<\/td>\s*<td>business-priorities<\/td>\s*<td>ml-platform-team<\/td>\s*<td>⚠️ 2026-10-31 \(expired 26 days ago\)<\/td>/);
    assert.match(html, /<td>⚠️ 2026-12-10 \(expires in 14 days\)<\/td>/);
  });

  it('shows untrusted text as text: no HTML, no link, no mention, no table cell of its own', () => {
    const html = md.render(cli(['--format', 'markdown', 'test/fixtures/cli/formats/hostile.mlsystem.yaml']).stdout);
    assert.doesNotMatch(html, /<img|<b>|<em>Hostile|href="javascript/i);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0 && links.every((l) => l.startsWith('https://github.com/mlsystem-review/mlsystem-review/blob/main/docs/rules/')), links.join(' '));
    assert.ok(html.includes('Hostile *design* &lt;img src=x onerror=alert(1)&gt; @\u200boctocat | 100%'), 'the name, as written');
    assert.ok(html.includes('<td>@\u200boctocat &lt;b&gt;team&lt;/b&gt;</td>'), 'the owner, in one cell');
    assert.doesNotMatch(html, /@octocat/, 'no mention');
    assert.doesNotMatch(html, RAW_CONTROL);
    assert.ok(html.includes('\\u001b]0;PWNED\\u0007\\u001b[2J'));
  });
});

describe('untrusted text never drives the terminal or a CI log', () => {
  /** A hostile design under a file name that would start a workflow command, beside a non-design with one too. */
  function hostileFolder(): string {
    const dir = tempDir();
    cpSync(join(root, 'test', 'fixtures', 'cli', 'formats', 'hostile.mlsystem.yaml'), join(dir, SPOOF_NAME));
    writeFileSync(join(dir, `${HOSTILE_KEY}.yaml`), 'services: {}\n');
    return dir;
  }

  for (const format of ['stylish', 'github', 'markdown'] as const) {
    it(`${format}: no control character reaches the output raw, no line starts a workflow command it did not mean`, () => {
      const dir = hostileFolder();
      const out = cli(['--format', format, '--fail-on', 'never', SPOOF_NAME, `${HOSTILE_KEY}.yaml`], dir);
      assert.equal(out.code, 0);
      for (const [stream, text] of [['stdout', out.stdout], ['stderr', out.stderr]] as const) {
        assert.ok(!text.includes('\u001b') && !text.includes('\u0007'), `${stream} holds ESC or BEL`);
        assert.doesNotMatch(text, RAW_CONTROL, stream);
        assert.ok(!text.includes('\r'), `${stream} holds a carriage return`);
      }
      // Markdown is read rendered; the others as printed.
      const shown = format === 'markdown' ? new MarkdownIt().render(out.stdout) : out.stdout;
      assert.ok(shown.includes('\\u001b]0;PWNED\\u0007\\u001b[2J'), 'the key is shown, escaped');
      assert.match(out.stderr, /^mlsystem-review: skipped "\\u001b\]0;PWNED\\u0007\\u001b\[2J\.yaml": not a design document/);
      const lines = `${out.stdout}${out.stderr}`.split('\n');
      if (format === 'github') {
        const commands = parseWorkflowCommands(out.stdout);
        assert.ok(commands.length > 5);
        for (const c of commands) assert.equal(c.properties.file, SPOOF_NAME, 'every annotation is on the real file');
        assert.ok(!lines.some((l) => /^::/.test(l) && !/^::(error|warning|notice) file=x%0A%3A%3Aerror file=README\.md%2Cline=1%3A%3ASpoofed\.mlsystem\.yaml,line=/.test(l)));
      } else {
        assert.ok(!lines.some((l) => l.trimStart().startsWith('::')), 'a line starts with ::');
        assert.ok(shown.includes('x\\n::error file=README.md,line=1::Spoofed.mlsystem.yaml'), 'the file name, escaped');
      }
    });
  }

  it('printable escapes C0, DEL, C1, bidi controls and line separators, and leaves other text alone', () => {
    assert.equal(printable('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009bg'), 'a\\u0000b\\u0007c\\u001bd\\u007fe\\u0085f\\u009bg');
    assert.equal(printable('\u202eabc\u202c \u2066x\u2069 \u200f \u2028'), '\\u202eabc\\u202c \\u2066x\\u2069 \\u200f \\u2028');
    assert.equal(printable('one\ntwo\r\tthree'), 'one\\ntwo\\r\\tthree');
    assert.equal(printable('Ünïcödé 日本 😀 `code` "quotes"'), 'Ünïcödé 日本 😀 `code` "quotes"');
  });
});
