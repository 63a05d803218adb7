/**
 * Shared checks for rule tests: find a rule's findings, and apply a quick fix the way an
 * editor would, then prove the result is still a readable, schema-valid design, the finding
 * is gone, and no line outside the fix's edits changed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { applyEdits, review } from '../../src/engine';
import type { DataPath, Finding, Fix, Range, RuleId, TextEdit } from '../../src/engine';

export const today = '2026-11-26';

const root = join(__dirname, '..', '..');
export const formatExample = readFileSync(join(root, 'test', 'fixtures', 'format-example.mlsystem.yaml'), 'utf8');
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(root, 'schemas', 'mlsystem.schema.json'), 'utf8')) as object,
);

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function findingsOf(text: string, rule: RuleId): Finding[] {
  return review(text, { today }).findings.filter((f) => f.rule === rule);
}

/** The one finding of `rule` about `path`. */
export function findingAt(text: string, rule: RuleId, path: DataPath): Finding {
  const found = findingsOf(text, rule).filter((f) => JSON.stringify(f.path) === JSON.stringify(path));
  assert.equal(found.length, 1, `expected one ${rule} finding at ${path.join('.')}, got ${found.length}`);
  return found[0];
}

/** The rule's own fix (every finding also carries the "Waive ..." fix, which is not it). */
export function ruleFix(finding: Finding): Fix {
  const fixes = finding.fixes.filter((f) => !f.title.startsWith('Waive '));
  assert.equal(fixes.length, 1, `expected one fix for ${finding.rule}, got ${fixes.map((f) => f.title).join(', ')}`);
  return fixes[0];
}

/** Lines of `before` no edit touches, as runs of consecutive lines in document order. */
function untouchedRuns(before: string, edits: readonly TextEdit[]): string[][] {
  const lines = before.split('\n');
  const touched = new Set<number>();
  for (const e of edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) touched.add(l);
  const runs: string[][] = [[]];
  lines.forEach((line, i) => {
    if (touched.has(i)) runs.push([]);
    else runs[runs.length - 1].push(line);
  });
  return runs.filter((r) => r.length);
}

/**
 * Apply the finding's fix, review the result, and check it. Returns the fixed text.
 */
export function applyFix(before: string, finding: Finding): string {
  const fix = ruleFix(finding);
  const after = applyEdits(before, fix.edits);
  const again = review(after, { today });
  assert.deepEqual(again.findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message), [], `fix left invalid YAML:\n${after}`);
  assert.ok(
    !again.findings.some((f) => f.rule === finding.rule && JSON.stringify(f.path) === JSON.stringify(finding.path)),
    `${finding.rule} at ${finding.path.join('.')} is still reported after "${fix.title}":\n${after}`,
  );
  const data = parseYaml(after) as unknown;
  assert.ok(validateSchema(data), `fix broke the schema: ${JSON.stringify(validateSchema.errors)}\n${after}`);
  // Every untouched run of lines is still there, whole and in order.
  let from = 0;
  const afterLines = after.split('\n');
  for (const run of untouchedRuns(before, fix.edits)) {
    let at = -1;
    for (let i = from; i + run.length <= afterLines.length && at < 0; i++) {
      if (run.every((line, j) => afterLines[i + j] === line)) at = i;
    }
    assert.ok(at >= 0, `lines outside the edit changed: ${JSON.stringify(run)} not found in\n${after}`);
    from = at + run.length;
  }
  return after;
}
