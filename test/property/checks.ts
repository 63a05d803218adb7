/**
 * The checks the property tests and the fuzzer (`npm run fuzz`) apply to one input: the
 * review never throws and keeps its ranges in the document; every fix keeps the YAML
 * valid and the lines outside it, and removes its finding; fix-all is idempotent.
 * Each throws an AssertionError that says what broke.
 */
import assert from 'node:assert/strict';
import { applyEdits, fixAll, review } from '../../src/engine';
import type { Finding, Fix, Range } from '../../src/engine';

export const TODAY = '2026-11-26';
/**
 * Generous: a hang detector, not a speed test (speed is measured in `npm run bench`). The
 * fuzzer turns it off and judges time against the median of its own run instead.
 */
export const bounds = { hangMs: 5000 };

function lineCountOf(text: string): number {
  return text.split('\n').length;
}

export function inside(range: Range, text: string): boolean {
  const lines = text.split('\n');
  const ok = (p: Range['start']): boolean => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

export function reviewBounded(text: string): ReturnType<typeof review> {
  const start = performance.now();
  const result = review(text, { today: TODAY });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < bounds.hangMs, `review took ${elapsed.toFixed(0)} ms`);
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

/** The same problem: rule and message (a list item's target moves when an item before it goes). */
const same = (a: Finding, b: Finding): boolean => a.rule === b.rule && a.message === b.message;

export function checkReview(text: string): void {
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

/** `maxFixes`: check at most this many of the offered fixes, spread evenly over them. */
export function checkFixes(text: string, maxFixes = Infinity): void {
  const result = reviewBounded(text);
  const offered = result.findings.flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix })));
  const step = offered.length > maxFixes ? offered.length / maxFixes : 1;
  const chosen = offered.filter((_, i) => Math.floor(i / step) !== Math.floor((i - 1) / step) || step === 1);
  for (const { finding, fix } of chosen) {
    {
      const fixed = applyEdits(text, fix.edits);
      const again = reviewBounded(fixed);
      const syntax = again.findings.filter((f) => f.rule === 'yaml-syntax');
      assert.deepEqual(syntax.map((f) => f.message), [], `fix "${fix.title}" for ${finding.rule} broke the YAML:\n${fixed}`);
      assertKeptOutside(text, fixed, fix);
      // Counted, not searched: removing one of two identical waivers leaves the other's identical finding.
      const before = result.findings.filter((f) => same(f, finding)).length;
      assert.ok(again.findings.filter((f) => same(f, finding)).length < before, `fix "${fix.title}" did not remove its finding: ${finding.rule} ${finding.message}\n${fixed}`);
      if (isSkeletonFix(fix)) assertOnlyItsPlaceholders(result, again, finding, fix, [text, fixed]);
    }
  }
}

/** Fix-all finishes, and a second pass changes nothing. */
export function checkFixAll(text: string): void {
  const once = fixAll(text, { today: TODAY }).text;
  const twice = fixAll(once, { today: TODAY });
  assert.equal(twice.text, once, 'fix-all applied twice changed the text again');
  assert.equal(twice.applied, 0);
}
