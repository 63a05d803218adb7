/**
 * Diagnostic messages are one short line (the Problems panel cuts longer ones): what is
 * wrong and what to do; the why is the finding's `help`. Checked on every design the
 * project ships or tests with, and on designs that make each rule fire.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { review, RULE_IDS } from '../../src/engine';
import type { Finding } from '../../src/engine';

const root = join(import.meta.dirname, '..', '..');
const LIMIT = 100;

function designsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return designsUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Messages quote the document's own ids and keys; those are the author's length, not ours. */
function ownWords(f: Finding): string {
  return f.message.replace(/`[^`]*`|"[^"]*"/g, '`x`');
}

describe('diagnostic messages', () => {
  const files = [...designsUnder(join(root, 'examples')), ...designsUnder(join(root, 'test', 'fixtures'))];
  const findings = files.flatMap((file) => review(readFileSync(file, 'utf8'), { today: '2026-12-01' }).findings);

  it('are found by many rules in the designs checked here', () => {
    const rules = new Set(findings.map((f) => f.rule));
    assert.ok(rules.size >= RULE_IDS.length / 2, `only ${[...rules].join(', ')}`);
  });

  it(`stay under ${LIMIT} characters, not counting the ids and keys they quote`, () => {
    const long = findings.filter((f) => ownWords(f).length > LIMIT - 10).map((f) => `${f.rule}: ${f.message}`);
    assert.deepEqual(long, []);
  });

  it('each end a sentence, and carry a help that is not the message', () => {
    for (const f of findings) {
      // The YAML parser's own messages are kept as it words them.
      if (f.rule !== 'yaml-syntax') assert.match(f.message, /[.?]$/, f.message);
      assert.ok(f.help.length > 0 && f.help !== f.message, `${f.rule}: ${f.message}`);
    }
  });
});
