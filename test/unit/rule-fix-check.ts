/**
 * The pillar and lifecycle rule tests' checks, on top of the shared ones in
 * support/fixes.ts: a fix must also keep the design valid against the JSON Schema, and
 * every run of untouched lines must survive whole and in order (fixes with several edits).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { applyFix as applySharedFix, findingsOf, TODAY } from './support/fixes';
import type { DataPath, Finding, Fix, Range, TextEdit } from '../../src/engine';

export { checkWaiveFix, findingsOf } from './support/fixes';
export const today = TODAY;

const root = join(__dirname, '..', '..');
export const formatExample = readFileSync(join(root, 'test', 'fixtures', 'format-example.mlsystem.yaml'), 'utf8');
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(root, 'schemas', 'mlsystem.schema.json'), 'utf8')) as object,
);

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The one finding of `rule` about `path`. */
export function findingAt(text: string, rule: Finding['rule'], path: DataPath): Finding {
  const found = findingsOf(text, rule).filter((f) => JSON.stringify(f.path) === JSON.stringify(path));
  assert.equal(found.length, 1, `expected one ${rule} finding at ${path.join('.')}, got ${found.length}`);
  return found[0];
}

/** The rule's own fix (every finding also carries the "Waive ..." fix, which is not it). */
export function ruleFix(finding: Finding): Fix {
  const fixes = finding.fixes.filter((f) => f.kind !== 'waive');
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

/** Apply the finding's own fix with the shared checks and the ones above. Returns the fixed text. */
export function applyFix(before: string, finding: Finding): string {
  const fix = ruleFix(finding);
  const after = applySharedFix(before, finding, fix).text;
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
