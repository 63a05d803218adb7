/**
 * The YAML test suite (../shared/corpus/yaml-test-suite): every case is reviewed without
 * throwing, and every case the suite marks as an error gets a `yaml-syntax` error.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { review } from '../../src/engine';

const corpus = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'yaml-test-suite');
const cases = existsSync(corpus) ? readdirSync(corpus).filter((name) => existsSync(path.join(corpus, name, 'in.yaml'))) : [];

describe('the YAML test suite corpus', () => {
  it('is there to read (CI lays ../shared beside the clone)', () => {
    assert.ok(cases.length > 300, `found ${cases.length} cases under ${corpus}`);
  });

  it('never throws, and every error case gets a yaml-syntax error', () => {
    const missed: string[] = [];
    for (const name of cases) {
      const text = readFileSync(path.join(corpus, name, 'in.yaml'), 'utf8');
      const result = review(text, { today: '2026-11-26' });
      const syntax = result.findings.filter((f) => f.rule === 'yaml-syntax');
      if (existsSync(path.join(corpus, name, 'error'))) {
        if (!syntax.length || syntax.some((f) => f.severity !== 'error')) missed.push(name);
        // While the text has syntax errors, only yaml-syntax findings are reported.
        assert.deepEqual(result.findings.filter((f) => f.rule !== 'yaml-syntax'), [], `${name}: other rules ran on unreadable text`);
      }
    }
    assert.deepEqual(missed, [], 'error cases without a yaml-syntax error');
  });
});
