/** The problem matcher package.json contributes reads the CLI's stylish output, as a tasks.json would use it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { review } from '../../src/engine';
import { formatStylish } from '../../src/cli/formatters/stylish';
import { design } from './support/design';

interface Pattern { regexp: string; file?: number; line?: number; column?: number; severity?: number; message?: number; code?: number; loop?: boolean }

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'mlsystem-review');

/** What VS Code's matcher finds in the output: a file line, then its rows (loop). */
function match(output: string): { file: string; line: number; column: number; severity: string; message: string; code: string }[] {
  const [filePattern, rowPattern] = matcher.pattern as Pattern[];
  const found = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const row = new RegExp(rowPattern.regexp).exec(line);
    if (row && file) {
      found.push({ file, line: Number(row[rowPattern.line!]), column: Number(row[rowPattern.column!]), severity: row[rowPattern.severity!], message: row[rowPattern.message!], code: row[rowPattern.code!] });
      continue;
    }
    const head = new RegExp(filePattern.regexp).exec(line);
    file = head ? head[filePattern.file!] : undefined;
  }
  return found;
}

describe('problem matcher for the stylish output', () => {
  it('finds every finding with its file, position, severity, message and rule', () => {
    const text = design({ stakeholders: undefined, requirements: undefined });
    const findings = review(text, { today: '2026-11-26' }).findings;
    const output = formatStylish([{ file: 'designs/churn.mlsystem.yaml', absolute: '/w/designs/churn.mlsystem.yaml', findings }], false);
    const matched = match(output);
    assert.equal(matched.length, findings.length);
    matched.forEach((m, i) => {
      const f = findings[i];
      assert.deepEqual(m, { file: 'designs/churn.mlsystem.yaml', line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, message: f.message, code: f.rule });
    });
  });
});
