/**
 * Property tests: no input breaks the review, and no fix loses a user's text.
 * Runs: PROPERTY_RUNS (default 1000 per property in CI, fewer locally with --quick).
 * On failure fast-check prints the seed and the shrunk counterexample; rerun one with
 * PROPERTY_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, fixAll, review } from '../../src/engine';
import type { Finding, Fix, Range } from '../../src/engine';
import { mutatedDesign, seeds } from './mutations';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seed === undefined ? {} : { seed }), verbose: 1 });
const TODAY = '2026-11-26';
/** Generous: a hang detector, not a speed test (speed is measured in `npm run bench`). */
const HANG_BOUND_MS = 5000;

function lineCountOf(text: string): number {
  return text.split('\n').length;
}

function inside(range: Range, text: string): boolean {
  const lines = text.split('\n');
  const ok = (p: Range['start']): boolean => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

function reviewBounded(text: string): ReturnType<typeof review> {
  const start = performance.now();
  const result = review(text, { today: TODAY });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < HANG_BOUND_MS, `review took ${elapsed.toFixed(0)} ms`);
  return result;
}

/** Every line before the first edited line and after the last one is kept, in order. */
function assertKeptOutside(before: string, after: string, fix: Fix): void {
  const first = Math.min(...fix.edits.map((e) => e.range.start.line));
  const last = Math.max(...fix.edits.map((e) => e.range.end.line));
  const a = before.split('\n');
  const b = after.split('\n');
  assert.deepEqual(b.slice(0, first), a.slice(0, first), `fix "${fix.title}" changed lines before line ${first}`);
  const tail = a.length - last - 1;
  if (tail > 0) assert.deepEqual(b.slice(b.length - tail), a.slice(a.length - tail), `fix "${fix.title}" changed lines after line ${last}`);
}

const same = (a: Finding, b: Finding): boolean =>
  a.rule === b.rule && a.target === b.target && a.message === b.message;

function checkReview(text: string): void {
  const result = reviewBounded(text);
  for (const f of [...result.findings, ...result.waived]) {
    assert.ok(inside(f.range, text), `${f.rule} range ${JSON.stringify(f.range)} outside a ${lineCountOf(text)}-line document`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(inside(e.range, text), `fix "${fix.title}" edits outside the document`);
  }
}

/** A fix that writes a skeleton: some of the text it inserts is a placeholder for the author to answer. */
function isSkeletonFix(fix: Fix): boolean {
  return fix.kind !== 'waive' && fix.edits.some((e) => /\bTODO\b/.test(e.newText));
}

/** The lines of the fixed text that the fix's edits wrote (from its first edit to its last, grown by what it added). */
function writtenLines(before: string, after: string, fix: Fix): [number, number] {
  const first = Math.min(...fix.edits.map((e) => e.range.start.line));
  const last = Math.max(...fix.edits.map((e) => e.range.end.line));
  return [first, last + lineCountOf(after) - lineCountOf(before)];
}

/**
 * A skeleton fix may add `unanswered` findings on its own placeholders and nothing else:
 * every other rule counts a placeholder as present. Findings are compared by rule and
 * target (a message that now names one more framing is the same problem). The one
 * consequence allowed is `unlabelled`, when the fix writes the task its classes imply.
 */
function assertOnlyItsPlaceholders(before: ReturnType<typeof review>, after: ReturnType<typeof review>, finding: Finding, fix: Fix, texts: [string, string]): void {
  // An empty document is one schema problem; once a fix writes into it, the required keys are reported one by one.
  if (before.findings.some((f) => f.rule === 'schema' && f.target === '')) return;
  const key = (f: Finding): string => `${f.rule} ${f.target}`;
  const had = new Set(before.findings.map(key));
  const [from, to] = writtenLines(texts[0], texts[1], fix);
  for (const f of after.findings) {
    if (had.has(key(f))) continue;
    if (f.rule === 'unanswered' && f.range.start.line >= from && f.range.end.line <= to) continue;
    if (f.rule === 'unlabelled' && finding.rule === 'incomplete-framing') continue;
    assert.fail(`skeleton fix "${fix.title}" for ${finding.rule} added ${key(f)}: ${f.message}\n${texts[1]}`);
  }
}

function checkFixes(text: string): void {
  const result = reviewBounded(text);
  for (const finding of result.findings) {
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      const again = reviewBounded(fixed);
      const syntax = again.findings.filter((f) => f.rule === 'yaml-syntax');
      assert.deepEqual(syntax.map((f) => f.message), [], `fix "${fix.title}" for ${finding.rule} broke the YAML:\n${fixed}`);
      assertKeptOutside(text, fixed, fix);
      assert.ok(!again.findings.some((f) => same(f, finding)), `fix "${fix.title}" did not remove its finding: ${finding.rule} ${finding.message}\n${fixed}`);
      if (isSkeletonFix(fix)) assertOnlyItsPlaceholders(result, again, finding, fix, [text, fixed]);
    }
  }
}

describe('review under arbitrary input', () => {
  it('never throws, finishes, and keeps every range inside the document (arbitrary text)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkReview), params(RUNS));
  });

  it('never throws on YAML-shaped noise', () => {
    const token = fc.constantFrom('mlsystem: 1\n', 'name: x\n', 'business:\n', '  objectives:\n', '    - id: a\n', 'framing:\n', '  - serves: [a]\n',
      'requirements:\n', '  reliability:\n', 'lifecycle: {', '}', '[', ']', '- ', ': ', '&a ', '*a ', '!!str ', '"', "'", '#', '\t', '\n', '  ', '---\n', '|\n', '? ', '%YAML 1.2\n');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }).map((t) => t.join('')), checkReview), params(RUNS));
  });

  it('never throws on mutated valid designs (keys deleted, renamed, retyped, lines moved, text cut)', () => {
    fc.assert(fc.property(mutatedDesign, checkReview), params(RUNS));
  });
});

describe('fixes under arbitrary designs', () => {
  it('every offered fix yields YAML that parses, keeps every line outside it, and removes its finding', () => {
    fc.assert(fc.property(mutatedDesign, checkFixes), params(Math.max(50, Math.round(RUNS / 2))));
  });

  it('fix-all is idempotent: applied twice, the second changes nothing', () => {
    fc.assert(fc.property(mutatedDesign, (text) => {
      const once = fixAll(text, { today: TODAY }).text;
      const twice = fixAll(once, { today: TODAY });
      assert.equal(twice.text, once);
      assert.equal(twice.applied, 0);
    }), params(Math.max(50, Math.round(RUNS / 2))));
  });

  it('the seed designs themselves pass every fix check', () => {
    for (const text of seeds) checkFixes(text);
  });
});
