/**
 * The snippets as a user inserts them: every body, with its defaults, is valid YAML that
 * the review accepts where it belongs; tab stops are in order; each task kind has one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { review } from '../../src/engine';
import { parseSnippetFile, snippetToText } from '../../src/features/snippets';

const snippets = parseSnippetFile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'mlsystem.json'), 'utf8')));
const byPrefix = new Map(snippets.map((s) => [s.prefix, s]));
const today = '2026-11-26';

function indent(text: string, by: number): string {
  return text.split('\n').map((l) => (l ? ' '.repeat(by) + l : l)).join('\n');
}

const HEAD = 'mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - {id: faster-routing, metric: m, target: t}\n';

describe('snippets', () => {
  it('the whole-design skeleton gets one unanswered finding per placeholder, and nothing else', () => {
    const text = snippetToText(byPrefix.get('mlsystem-design')!.body);
    const findings = review(text, { today }).findings;
    assert.deepEqual(findings.filter((f) => f.rule !== 'unanswered').map((f) => `${f.rule}: ${f.message}`), []);
    // Every placeholder the skeleton writes starts with TODO, once per value.
    assert.equal(findings.length, text.match(/\bTODO\b/g)?.length);
    assert.ok(findings.length >= 40, `${findings.length} placeholders`);
    const lines = text.split('\n');
    for (const f of findings) assert.match(lines[f.range.start.line].slice(f.range.start.character), /^"?TODO\b/, f.target);
  });

  it('the whole-design skeleton asks for the data, the evaluation and the finer questions', () => {
    const design = parseYaml(snippetToText(byPrefix.get('mlsystem-design')!.body)) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(design.data), ['sources', 'labels', 'privacy']);
    assert.deepEqual(Object.keys(design.evaluation), ['offline', 'online']);
    assert.deepEqual((design.evaluation.online as { measures: string[] }).measures, ['main-objective']);
    const requirements = design.requirements as Record<string, Record<string, unknown>>;
    assert.ok('on_call' in requirements.maintainability && 'rollback' in requirements.adaptability);
    assert.deepEqual(Object.keys(requirements.adaptability.retraining as object), ['cadence', 'trigger']);
  });

  for (const [prefix, section] of [['mlsystem-data', 'data'], ['mlsystem-evaluation', 'evaluation']] as const) {
    it(`${prefix} is the ${section} section: only placeholders to answer, and the method a choice`, () => {
      const body = byPrefix.get(prefix)!.body;
      const text = `${HEAD}${snippetToText(body)}`;
      const findings = review(text, { today }).findings.filter((f) => f.path[0] === section);
      assert.ok(findings.length > 0);
      assert.deepEqual(findings.filter((f) => f.rule !== 'unanswered').map((f) => f.rule), []);
      if (section === 'evaluation') assert.match(body, /method: \$\{\d+\|a-b-test,shadow,canary,interleaving,holdout,none\|\}/);
    });
  }

  it('mlsystem-retraining is structured retraining: a cadence and a trigger to answer, automated a choice', () => {
    const body = byPrefix.get('mlsystem-retraining')!.body;
    assert.match(body, /automated: \$\{3\|true,false\|\}/);
    const text = `${HEAD}requirements:\n  adaptability:\n    monitoring: Drift.\n    rollout: Canary.\n${indent(snippetToText(body), 4)}`;
    const findings = review(text, { today }).findings.filter((f) => f.path[0] === 'requirements' && f.path[1] === 'adaptability');
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.target}`), [
      'unanswered requirements.adaptability.retraining.cadence', 'unanswered requirements.adaptability.retraining.trigger',
    ]);
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
      // The placeholders are the questions left to answer; no detail rule finds a gap.
      assert.deepEqual(findings.filter((f) => f.rule !== 'unanswered').map((f) => f.rule), []);
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

/** Where each snippet goes in a design: appended to a list, or set as a mapping entry (replacing one that is there). */
function placeOf(prefix: string): { list: string[] } | { entry: string[] } | undefined {
  if (prefix.startsWith('mlsystem-framing-')) return { list: ['framing'] };
  if (prefix.startsWith('mlsystem-pillar-')) return { entry: ['requirements'] };
  if (prefix === 'mlsystem-retraining') return { entry: ['requirements', 'adaptability'] };
  const places: Record<string, { list: string[] } | { entry: string[] }> = {
    'mlsystem-objective': { list: ['business', 'objectives'] },
    'mlsystem-stakeholder': { list: ['stakeholders'] },
    'mlsystem-waiver': { list: ['waivers'] },
    'mlsystem-lifecycle': { entry: [] },
    'mlsystem-data': { entry: [] },
    'mlsystem-evaluation': { entry: [] },
  };
  return places[prefix];
}

/** The design with the snippet's default text placed where it belongs. */
function withSnippet(design: string, prefix: string, body: string): string {
  const place = placeOf(prefix);
  assert.ok(place, `${prefix}: the test knows where this snippet goes`);
  const doc = parseDocument(design);
  const value: unknown = parseYaml(snippetToText(body));
  if ('list' in place) {
    const items = (Array.isArray(value) ? value : [value]).map((v) => doc.createNode(v));
    if (doc.hasIn(place.list)) for (const item of items) doc.addIn(place.list, item);
    else doc.setIn(place.list, doc.createNode(items));
  } else {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) doc.setIn([...place.entry, key], doc.createNode(v));
  }
  return doc.toString();
}

describe('snippets inserted into the examples', () => {
  const examples = ['support-routing', 'draft'].map((name) => ({ name, text: readFileSync(join(__dirname, '..', '..', 'examples', name, 'mlsystem.yaml'), 'utf8') }));
  const counted = (text: string) => {
    const findings = review(text, { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'duplicate-id' || f.rule === 'yaml-syntax');
    return findings.map((f) => `${f.rule}: ${f.message}`).sort();
  };
  // The whole-design skeleton is a document of its own (tested above), not a part of one.
  for (const s of snippets.filter((x) => x.prefix !== 'mlsystem-design')) {
    for (const example of examples) {
      it(`${s.prefix} in ${example.name} adds no schema, duplicate-id or syntax finding`, () => {
        const text = withSnippet(example.text, s.prefix, s.body);
        assert.notEqual(text, example.text);
        const before = counted(example.text);
        // Replacing a section may remove a finding the example had (the draft's bad status); none may be added.
        const added = counted(text).filter((f) => {
          const i = before.indexOf(f);
          if (i >= 0) before.splice(i, 1);
          return i < 0;
        });
        assert.deepEqual(added, []);
      });
    }
  }

  it('framing and objective ids default to names no example uses', () => {
    const ids = snippets.filter((s) => /^mlsystem-(framing|objective)/.test(s.prefix)).map((s) => (parseYaml(snippetToText(s.body)) as { id: string }[])[0].id);
    assert.equal(new Set(ids).size, ids.length, `distinct: ${ids.join(', ')}`);
    for (const example of examples) for (const id of ids) assert.ok(!new RegExp(`id: ${id}\\b`).test(example.text), `${id} is used in ${example.name}`);
  });
});

describe('snippetToText', () => {
  it('takes defaults and first choices, repeats mirrored stops, drops bare stops', () => {
    assert.equal(snippetToText('a: ${1:x}\nb: ${2|p,q|}\nc: ${1}\n\td: $3$0'), 'a: x\nb: p\nc: x\n  d: ');
  });
});
