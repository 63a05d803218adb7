/**
 * The snippets as a user inserts them: every body, with its defaults, is valid YAML that
 * the review accepts where it belongs; tab stops are in order; each task kind has one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { review } from '../../src/engine';
import { parseSnippetFile, snippetToText } from '../../src/extension/core/snippets';

const snippets = parseSnippetFile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'mlsystem.json'), 'utf8')));
const byPrefix = new Map(snippets.map((s) => [s.prefix, s]));
const today = '2026-11-26';

function indent(text: string, by: number): string {
  return text.split('\n').map((l) => (l ? ' '.repeat(by) + l : l)).join('\n');
}

const HEAD = 'mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - {id: faster-routing, metric: m, target: t}\n';

describe('snippets', () => {
  it('the whole-design skeleton reviews clean with its defaults', () => {
    const text = snippetToText(byPrefix.get('mlsystem-design')!.body);
    const findings = review(text, { today }).findings;
    assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
  });

  const tasks = ['binary-classification', 'multiclass-classification', 'multilabel-classification', 'regression', 'ranking', 'recommendation', 'forecasting', 'anomaly-detection', 'generation'];
  for (const task of tasks) {
    it(`framing for ${task}: a complete framing of that task, no schema or framing findings`, () => {
      const snippet = byPrefix.get(`mlsystem-framing-${task}`);
      assert.ok(snippet, `mlsystem-framing-${task} exists`);
      const text = `${HEAD}framing:\n${indent(snippetToText(snippet.body), 2)}`;
      const framing = (parseYaml(text) as { framing: { task: string }[] }).framing[0];
      assert.equal(framing.task, task);
      const rules: string[] = review(text, { today }).findings.map((f) => f.rule);
      for (const rule of ['yaml-syntax', 'schema', 'incomplete-framing', 'task-mismatch', 'unlinked-metric']) assert.ok(!rules.includes(rule), `${task}: ${rule} in ${rules.join(', ')}`);
    });
  }

  it('the multiclass framing is the customer-request routing example', () => {
    const text = snippetToText(byPrefix.get('mlsystem-framing-multiclass-classification')!.body);
    const framing = (parseYaml(text) as { classes: string[]; serves: string[] }[])[0];
    assert.deepEqual(framing.classes, ['accounting', 'inventory', 'hr', 'it']);
    assert.deepEqual(framing.serves, ['faster-routing']);
  });

  for (const pillar of ['reliability', 'scalability', 'maintainability', 'adaptability']) {
    it(`the ${pillar} pillar has its expected keys: no pillar-detail finding`, () => {
      const text = `${HEAD}requirements:\n${indent(snippetToText(byPrefix.get(`mlsystem-pillar-${pillar}`)!.body), 2)}`;
      const findings = review(text, { today }).findings.filter((f) => f.path[0] === 'requirements' && f.path[1] === pillar);
      assert.deepEqual(findings.map((f) => f.rule), []);
    });
  }

  it('the lifecycle has all six stages, with a status choice', () => {
    const body = byPrefix.get('mlsystem-lifecycle')!.body;
    assert.match(body, /\$\{1\|planned,in-progress,done,blocked,skipped\|\}/);
    const text = `${HEAD}${snippetToText(body)}`;
    assert.deepEqual(review(text, { today }).findings.filter((f) => f.rule === 'missing-stage' || f.rule === 'schema'), []);
  });

  it('a waiver with the reasons as a choice is accepted by the review', () => {
    const body = byPrefix.get('mlsystem-waiver')!.body;
    assert.match(body, /reason: \$\{3\|out-of-scope,business-priorities,architecture-constraints,other\|\}/);
    const text = `${HEAD}requirements:\n  scalability: {resources: x}\nwaivers:\n${indent(snippetToText(body), 2)}`;
    const rules: string[] = review(text, { today }).findings.map((f) => f.rule);
    assert.ok(!rules.includes('schema') && !rules.includes('unknown-reference') && !rules.includes('growth-unplanned'), rules.join(', '));
  });

  it('tab stops come in order: each body first uses $1, then $2, ...', () => {
    for (const s of snippets) {
      const firstUse: number[] = [];
      for (const m of s.body.matchAll(/\$\{?(\d+)/g)) {
        const n = Number(m[1]);
        if (n !== 0 && !firstUse.includes(n)) firstUse.push(n);
      }
      assert.deepEqual(firstUse, firstUse.map((_, i) => i + 1), `${s.prefix}: ${firstUse.join(',')}`);
    }
  });
});

describe('snippetToText', () => {
  it('takes defaults and first choices, repeats mirrored stops, drops bare stops', () => {
    assert.equal(snippetToText('a: ${1:x}\nb: ${2|p,q|}\nc: ${1}\n\td: $3$0'), 'a: x\nb: p\nc: x\n  d: ');
  });
});
