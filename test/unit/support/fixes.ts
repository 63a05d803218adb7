/**
 * Checks shared by the rule tests: a fix must leave valid YAML, remove its finding, and
 * change no line outside its edits; a waiver must silence exactly its finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, review } from '../../../src/engine';
import type { DataPath, Finding, Fix, FixKind, Range, ReviewResult, RuleId, TextEdit } from '../../../src/engine';

export const TODAY = '2026-11-26';

/** The design of the format guide's example, which every rule accepts. */
export const formatExample = readFileSync(join(__dirname, '..', '..', 'fixtures', 'format-example.mlsystem.yaml'), 'utf8');

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function reviewAt(text: string): ReviewResult {
  return review(text, { today: TODAY });
}

export function findingsOf(text: string, rule: RuleId): Finding[] {
  return reviewAt(text).findings.filter((f) => f.rule === rule);
}

/** The one finding of `rule` about `path`. */
export function findingAt(text: string, rule: RuleId, path: DataPath): Finding {
  const found = findingsOf(text, rule).filter((f) => JSON.stringify(f.path) === JSON.stringify(path));
  assert.equal(found.length, 1, `expected one ${rule} finding at ${path.join('.')}, got ${found.length}`);
  return found[0];
}

/** The one finding of `rule` in `text`. */
export function only(text: string, rule: RuleId): Finding {
  const found = findingsOf(text, rule);
  assert.equal(found.length, 1, `expected one ${rule} finding, got: ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

/**
 * The finding's fix of `kind`: the first (the best suggestion) when several are offered, or
 * the one whose edits write `writes` (one fix per choice, such as "moves: happier").
 */
export function fixOfKind(finding: Finding, kind: FixKind, writes?: string): Fix {
  const fix = finding.fixes.find((f) => f.kind === kind && (writes === undefined || f.edits.some((e) => e.newText.includes(writes))));
  assert.ok(fix, `no ${kind} fix${writes === undefined ? '' : ` writing ${JSON.stringify(writes)}`} among: ${finding.fixes.map((f) => `${f.kind} "${f.title}"`).join(', ')}`);
  return fix;
}

/** The original lines a change touched: [first, end) after removing the common prefix and suffix. */
function changedLines(before: string, after: string): [number, number] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = a.length;
  let endB = b.length;
  while (end > start && endB > start && a[end - 1] === b[endB - 1]) {
    end--;
    endB--;
  }
  return [start, end];
}

/** Lines of `before` no edit touches, as runs of consecutive lines in document order. */
function untouchedRuns(before: string, edits: readonly TextEdit[]): string[][] {
  const touched = new Set<number>();
  for (const e of edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) touched.add(l);
  const runs: string[][] = [[]];
  before.split('\n').forEach((line, i) => {
    if (touched.has(i)) runs.push([]);
    else runs[runs.length - 1].push(line);
  });
  return runs.filter((r) => r.length);
}

/** The finding's own fixes: all but the "Waive ..." fix every waivable finding carries. */
export function ownFixes(finding: Finding): Fix[] {
  return finding.fixes.filter((f) => f.kind !== 'waive');
}

/** The "Waive <rule> here" fix of a waivable finding. */
export function waiveFix(finding: Finding): Fix {
  const fixes = finding.fixes.filter((f) => f.kind === 'waive');
  assert.equal(fixes.length, 1, `expected one waive fix for ${finding.rule}, got ${fixes.length}`);
  return fixes[0];
}

/** The finding's one own fix. */
export function ownFix(finding: Finding): Fix {
  const fixes = ownFixes(finding);
  assert.equal(fixes.length, 1, `expected one fix for ${finding.rule}, got ${fixes.map((f) => f.title).join(', ')}`);
  return fixes[0];
}

/**
 * Apply `fix` (by default the finding's one own fix), review again, and check: no
 * yaml-syntax, no new schema error, the finding is gone (no finding of its rule at its
 * target), no original line outside the edits' lines changed, and every untouched run of
 * lines survives whole and in order (fixes with several edits). Returns the new text.
 */
export function applyFix(text: string, finding: Finding, fix: Fix = ownFix(finding)): string {
  const after = applyEdits(text, fix.edits);
  const result = reviewAt(after);
  assert.deepEqual(result.findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message), [], `the fix "${fix.title}" broke the YAML:\n${after}`);
  assert.ok(
    !result.findings.some((f) => f.rule === finding.rule && f.target === finding.target),
    `"${fix.title}" left the ${finding.rule} finding at ${finding.target}:\n${after}`,
  );
  const schemaBefore = new Set(reviewAt(text).findings.filter((f) => f.rule === 'schema').map((f) => f.message));
  const newSchema = result.findings.filter((f) => f.rule === 'schema' && !schemaBefore.has(f.message));
  assert.deepEqual(newSchema.map((f) => `${f.target}: ${f.message}`), [], `"${fix.title}" made the design break the schema:\n${after}`);
  const [first, end] = changedLines(text, after);
  if (end > first) {
    const lo = Math.min(...fix.edits.map((e) => e.range.start.line));
    const hi = Math.max(...fix.edits.map((e) => e.range.end.line));
    assert.ok(first >= lo && end - 1 <= hi, `"${fix.title}" changed lines ${first}-${end - 1}, outside its edits (${lo}-${hi})`);
  }
  let from = 0;
  const afterLines = after.split('\n');
  for (const run of untouchedRuns(text, fix.edits)) {
    let at = -1;
    for (let i = from; i + run.length <= afterLines.length && at < 0; i++) {
      if (run.every((line, j) => afterLines[i + j] === line)) at = i;
    }
    assert.ok(at >= 0, `lines outside the edit changed: ${JSON.stringify(run)} not found in\n${after}`);
    from = at + run.length;
  }
  return after;
}

/** Every finding of `text` as "rule target message", for comparing reviews. */
export function summary(result: ReviewResult): string[] {
  return result.findings.map((f) => `${f.rule} ${f.target} ${f.message}`);
}

/**
 * Apply the finding's "Waive <rule> here" fix: the finding must move to `waived` and no
 * other finding may appear or disappear.
 */
export function checkWaiveFix(text: string, finding: Finding): string {
  const before = reviewAt(text);
  const waive = waiveFix(finding);
  const after = applyEdits(text, waive.edits);
  const result = reviewAt(after);
  const expected = summary(before).filter((s) => s !== `${finding.rule} ${finding.target} ${finding.message}`);
  assert.deepEqual(summary(result), expected, `waiving changed other findings:\n${after}`);
  assert.ok(result.waived.some((w) => w.rule === finding.rule && w.target === finding.target), 'the finding is not reported as waived');
  return after;
}
