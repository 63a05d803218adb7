/**
 * The review report's markup (pure renderer) and the CLI's `report` command: a standalone
 * page with no script and nothing to load, every document text escaped, readiness and the
 * trace from objectives to ground truth and online experiments as the engine reads them,
 * placeholders marked as open questions, waivers near their expiry marked against the review date.
 * The page in a real browser and on paper: test/e2e/report.test.ts.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { review } from '../../src/engine';
import { designWaivers, readiness, renderReviewReport } from '../../src/render/report-html';
import { CLI_TODAY, runCli } from './support/cli';
import type { CliOutcome } from './support/cli';

const root = join(__dirname, '..', '..');
const today = CLI_TODAY;

const cli = (argv: string[], cwd = root): CliOutcome => runCli(argv, cwd);

function reportOf(text: string, fileName = 'mlsystem.yaml', date = today): string {
  const result = review(text, { today: date });
  return renderReviewReport({ fileName, model: result.lifecycle, findings: result.findings, design: result.design, today: date, generator: 'mlsystem-review test' });
}

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const EVALUATED = `mlsystem: 1
name: routing
business:
  objectives:
    - id: faster-routing
      statement: Route twice as fast.
      metric: median time to route
      target: 2h
    - id: happier
      statement: Fewer complaints.
      metric: complaints per week
      target: -20%
framing:
  - id: classifier
    serves: [faster-routing, happier]
    task: multiclass-classification
    inputs: text
    outputs: department
    objective: cross-entropy
    metrics:
      - {name: accuracy, target: ">= 0.9", moves: faster-routing}
data:
  sources: [ticket history]
  labels: {source: the department that finally resolved the ticket, delay: 2w}
  privacy: tickets are pseudonymised
evaluation:
  offline: Holdout of the last four weeks.
  online:
    method: a-b-test
    measures: [faster-routing]
    guardrails: [p99 latency under 2 s]
waivers:
  - {rule: no-stakeholders, reason: other, owner: lead, expires: 2026-12-26}
  - {rule: missing-stage, reason: other, owner: lead, expires: 2026-12-27}
  - {rule: missing-pillar, reason: other}
`;

describe('the review report page', () => {
  it('is one standalone page: no script, nothing to load, a policy that forbids loading', () => {
    const html = reportOf(readFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8'));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.doesNotMatch(html, /<script|\bon[a-z]+=|javascript:/i);
    assert.doesNotMatch(html, /\bsrc=|<link|@import|url\((?!#)/i, "nothing but the page's own fragments is referenced");
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0 && links.every((l) => l.startsWith('https://github.com/mlsystem-review/mlsystem-review/blob/main/docs/rules/')), links.join(' '));
    assert.match(html, /@media print/);
    assert.match(html, /\.card \{[^}]*break-inside: avoid/);
  });

  it('names the design and the review date, draws the diagram and lists every finding under its section', () => {
    const text = readFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8');
    const html = reportOf(text, 'examples/draft/mlsystem.yaml');
    assert.match(html, /<h1>Design review: support-request-routing<\/h1>/);
    assert.match(html, /reviewed on <time datetime="2026-11-26">2026-11-26<\/time>/);
    assert.match(html, /<svg[^>]*>[\s\S]*Model development[\s\S]*<\/svg>/);
    const findings = review(text, { today }).findings;
    assert.equal(html.match(/<article class="card finding /g)?.length, findings.length);
    assert.match(html, /<h3>Framing <span class="muted">\(1 error, 5 warnings, 1 info\)<\/span><\/h3>/);
    assert.equal(html.match(/<p class="explanation">[^<]+<\/p>/g)?.length, findings.length, 'each finding explains its rule');
  });

  /** The objective's card in a report page. */
  const card = (html: string, id: string): string => {
    const start = html.lastIndexOf('<article class="card objective', html.indexOf(`<h3>${id}`));
    return html.slice(start, html.indexOf('</article>', start) + '</article>'.length);
  };

  it('traces each objective to its framings, ML metrics, ground truth and online experiment', () => {
    const html = reportOf(EVALUATED);
    assert.match(html, /Offline evaluation: Holdout of the last four weeks\./);
    assert.match(html, /Guardrails: p99 latency under 2 s/);
    assert.match(card(html, 'faster-routing'), /classifier[\s\S]*accuracy[\s\S]*<h4>Ground truth<\/h4><p>the department that finally resolved the ticket<\/p><p>Known 2w \(14 days\) after a prediction\.<\/p>[\s\S]*<h4>Measured online by<\/h4><p>a-b-test<\/p>/);
    assert.match(card(html, 'happier'), /classifier[\s\S]*No ML metric moves it\.[\s\S]*<h4>Measured online by<\/h4><p class="none">Not measured online\.<\/p>/);
    const prose = reportOf(EVALUATED.replace(/  online:\n(?:    .*\n)+/, '  online: An A/B test on a tenth of the traffic.\n'));
    for (const id of ['faster-routing', 'happier']) assert.match(card(prose, id), /<h4>Measured online by<\/h4><p>An A\/B test on a tenth of the traffic\.<\/p>/, id);
  });

  it('marks placeholders as open questions, in the readiness table and where they stand in the trace', () => {
    const html = reportOf(readFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8'));
    assert.match(html, /<p class="open-questions">4 placeholders still to answer: open questions for the review\.<\/p>/);
    assert.match(html, /<tr class="readiness-placeholder"><th scope="row">Framing<\/th><td><span class="state state-placeholder" title="21 answered, 2 placeholders, 0 missing">placeholder<\/span><\/td><td class="num">21<\/td><td class="num">2<\/td><td class="num">0<\/td>/);
    assert.match(card(html, 'happier-customers'), /Business metric: <span class="placeholder" title="Still to answer"><span class="open-question">open question<\/span> TBD<\/span>/);
    assert.match(card(html, 'faster-routing'), /recall on urgent requests <span class="target"><span class="placeholder"[^>]*><span class="open-question">open question<\/span> TODO: agree with the support leads<\/span>/);
    assert.doesNotMatch(reportOf(EVALUATED), /open question/);
  });

  it('marks waivers that expire within 30 days of the review date, and those past it', () => {
    const waivers = designWaivers(review(EVALUATED, { today }).design, today);
    assert.deepEqual(waivers.map((w) => [w.rule, w.state, w.daysLeft]), [['no-stakeholders', 'expiring', 30], ['missing-stage', 'active', 31], ['missing-pillar', 'no expiry', undefined]]);
    assert.equal(designWaivers(review(EVALUATED, { today: '2027-01-01' }).design, '2027-01-01')[0].state, 'expired');
    const html = reportOf(EVALUATED);
    assert.match(html, /<article class="card waiver waiver-expiring"><h3>no-stakeholders[\s\S]*?<span class="badge sev-warning">expires in 30 days<\/span>/);
    assert.match(html, /<article class="card waiver waiver-active"><h3>missing-stage/);
    assert.match(html, /<dt>Reason<\/dt><dd>other<\/dd><\/div><div><dt>Owner<\/dt><dd>lead<\/dd><\/div><div><dt>Expires<\/dt><dd>2026-12-26<\/dd>/);
  });

  it("readiness: each section and pillar as the engine reads it (answered, placeholder, missing), with its findings", () => {
    const result = review(readFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8'), { today });
    const rows = readiness(result.lifecycle, result.findings);
    const row = (id: string) => rows.find((r) => r.id === id);
    assert.deepEqual(rows.map((r) => r.id), [...result.lifecycle.sections.map((s) => s.id), ...result.lifecycle.pillars.map((p) => p.id)]);
    assert.deepEqual(row('stakeholders'), { kind: 'section', id: 'stakeholders', label: 'Stakeholders', state: 'missing', answered: 0, placeholders: 0, missing: 1, counts: { error: 0, warning: 0, info: 1 } });
    assert.deepEqual(row('identity'), { kind: 'section', id: 'identity', label: 'Identity', state: 'answered', answered: 3, placeholders: 0, missing: 0, counts: { error: 0, warning: 0, info: 0 } });
    assert.deepEqual([row('framing')?.state, row('framing')?.placeholders, row('framing')?.counts.error], ['placeholder', 2, 1]);
    assert.deepEqual(row('maintainability'), { kind: 'pillar', id: 'maintainability', label: 'Maintainability', ...result.lifecycle.pillars[2].readiness, counts: { error: 0, warning: 1, info: 0 } });
    assert.equal(row('adaptability')?.state, 'missing');
  });

  it('escapes every document text', () => {
    const html = reportOf(readFileSync(join(root, 'test', 'fixtures', 'cli', 'formats', 'hostile.mlsystem.yaml'), 'utf8'), '<b>x</b>.mlsystem.yaml');
    assert.doesNotMatch(html, /<img|<b>|onerror=alert\(1\)>/);
    assert.ok(html.includes('Hostile *design* &lt;img src=x onerror=alert(1)&gt; @octocat | 100%'));
    assert.ok(html.includes('&lt;b&gt;x&lt;/b&gt;.mlsystem.yaml'));
    assert.doesNotMatch(html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('mlsystem-review report', () => {
  it('writes the page to -o FILE, and to stdout without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsystem-report-'));
    temps.push(dir);
    const out = cli(['report', 'examples/support-routing/mlsystem.yaml', '-o', join(dir, 'review.html')]);
    assert.deepEqual([out.code, out.stdout, out.stderr], [0, '', '']);
    const written = readFileSync(join(dir, 'review.html'), 'utf8');
    assert.equal(cli(['report', 'examples/support-routing/mlsystem.yaml']).stdout, written);
    assert.match(written, /reviewed on <time datetime="2026-11-26">/);
    assert.match(cli(['report', 'examples/support-routing/mlsystem.yaml', '--today', '2027-03-01']).stdout, /reviewed on <time datetime="2027-03-01">/);
  });

  it('one design only; anything else is one line and exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsystem-report-'));
    temps.push(dir);
    writeFileSync(join(dir, 'docker-compose.yml'), 'services: {}\n');
    const cases: [string[], RegExp][] = [
      [['report', 'examples'], /report shows one design, but 5 were found/],
      [['report'], /report takes one design document \(got 0\)/],
      [['report', join(dir, 'docker-compose.yml')], /not a design document[\s\S]*report shows one design, but 0 were found/],
      [['report', 'examples/draft', '--format', 'json'], /--format does not apply to report/],
      [['examples/draft', '-o', 'x.html'], /--output applies to report only/],
      [['report', 'examples/draft', '--today', '2026-02-30'], /--today must be a date as YYYY-MM-DD/],
    ];
    for (const [argv, message] of cases) {
      const out = cli(argv);
      assert.equal(out.code, 2, argv.join(' '));
      assert.match(out.stderr, message);
      assert.equal(out.stdout, '');
    }
  });
});
