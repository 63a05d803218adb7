/**
 * The JSON Schema and the `schema` rule: the schema is valid draft-07, the format example (docs/format.md)
 * passes it, and each kind of problem gives exactly one finding on the exact node, with
 * "did you mean" fixes that leave a document the schema accepts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { applyEdits, isWaivable, review, RULE_IDS } from '../../src/engine';
import type { Finding, Range } from '../../src/engine';
import { closeMatches } from '../../src/engine/schema';
import { describePath, keysAt, knownKeyNames, MLSYSTEM_SCHEMA } from '../../src/engine/schema-navigator';
import type { JsonSchema } from '../../src/engine/schema-navigator';
import { design } from './support/design';
import { applyFix, ownFixes } from './support/fixes';

const root = join(__dirname, '..', '..');
const formatExample = readFileSync(join(root, 'test', 'fixtures', 'format-example.mlsystem.yaml'), 'utf8');
const schemaText = readFileSync(join(root, 'schemas', 'mlsystem.schema.json'), 'utf8');

/** Lines 0-4 hold the required keys; what a test adds starts on line 5. */
const HEAD = design();

function schemaFindings(text: string): Finding[] {
  return review(text, { today: '2026-11-26' }).findings.filter((f) => f.rule === 'schema');
}

function only(text: string): Finding {
  const found = schemaFindings(text);
  assert.equal(found.length, 1, `expected one schema finding, got: ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

function at(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}


describe('the schema file', () => {
  const schema = JSON.parse(schemaText) as JsonSchema & Record<string, unknown>;

  it('is valid draft-07 (checked against the meta-schema shipped with ajv)', () => {
    const metaSchema = JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-07.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, meta: false });
    const validateMeta = ajv.compile(metaSchema);
    assert.equal(validateMeta(schema), true, JSON.stringify(validateMeta.errors));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.ok(schema.$id && schema.title && schema.description);
  });

  it('compiles in ajv strict mode once the editor-only keyword is declared', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary(['markdownEnumDescriptions']);
    assert.doesNotThrow(() => ajv.compile(schema));
  });

  it('gives every field a description and closes every mapping to unknown keys except x-', () => {
    const problems: string[] = [];
    const visit = (node: JsonSchema, where: string): void => {
      if (node.properties) {
        if (node.additionalProperties !== false) problems.push(`${where}: additionalProperties is not false`);
        if (!node.patternProperties?.['^x-']) problems.push(`${where}: x- keys not allowed`);
        for (const [key, sub] of Object.entries(node.properties)) {
          if (!sub.description && sub.$ref !== '#/definitions/notes') problems.push(`${where}.${key}: no description`);
          visit(sub, `${where}.${key}`);
        }
      }
      for (const [i, branch] of (node.anyOf ?? []).entries()) {
        // The error mapping relies on this: a branch's type errors sit under the anyOf.
        if (branch.$ref || branch.type === undefined) problems.push(`${where}.anyOf[${i}]: not an inline branch with a type`);
        visit(branch, `${where}.anyOf[${i}]`);
      }
      if (node.items) visit(node.items, `${where}[]`);
    };
    visit(schema, '');
    for (const [name, def] of Object.entries(schema.definitions ?? {})) visit(def, `#${name}`);
    assert.deepEqual(problems, []);
  });

  it('suggests exactly the waivable rule ids for a waiver rule', () => {
    const examples = schema.definitions?.waiver.properties?.rule.examples;
    assert.deepEqual(examples, RULE_IDS.filter((id) => isWaivable({ rule: id, path: [] })));
  });

  it('is the schema the engine exports for the editor', () => {
    assert.deepEqual(MLSYSTEM_SCHEMA, schema);
  });
});

describe('schema lookups for the editor', () => {
  it('describes a field by its data path, list items included', () => {
    assert.match(describePath(['business', 'objectives', 0, 'target']) ?? '', /success/);
    assert.match(describePath(['framing', 2, 'inputs']) ?? '', /prediction time/);
    assert.match(describePath(['requirements', 'scalability', 'traffic', 'expected']) ?? '', /expected/);
    assert.match(describePath(['framing', 0, 'objective', 'function']) ?? '', /loss function/);
    assert.match(describePath(['lifecycle', 'deployment']) ?? '', /^Deployment/);
    assert.match(describePath(['requirements', 'reliability', 'notes']) ?? '', /Markdown/);
    assert.equal(describePath(['nonsense']), undefined);
    assert.equal(describePath(['x-team', 'anything']), undefined);
  });

  it('knows every key name used anywhere in the schema', () => {
    const keys = knownKeyNames();
    for (const key of ['mlsystem', 'requirements', 'silent_failures', 'current', 'artifacts', 'expires', 'function', 'description']) {
      assert.ok(keys.has(key), key);
    }
    assert.ok(!keys.has('requirments'));
  });

  it('finds close spellings: typos, case and separators, clear prefixes', () => {
    assert.deepEqual(closeMatches('requirments', ['requirements', 'reliability']), ['requirements']);
    assert.deepEqual(closeMatches('silentFailures', ['silent_failures', 'fallback']), ['silent_failures']);
    assert.deepEqual(closeMatches('In Progress', ['planned', 'in-progress', 'done']), ['in-progress']);
    assert.deepEqual(closeMatches('multiclass', ['binary-classification', 'multiclass-classification']), ['multiclass-classification']);
    assert.deepEqual(closeMatches('id', ['kind', 'name']), []);
  });
});

describe('schema rule: valid documents', () => {
  it('the format example (docs/format.md) has no schema finding', () => {
    assert.deepEqual(schemaFindings(formatExample), []);
  });

  it('reads an unquoted date as a string, so expires: 2027-06-30 is valid', () => {
    assert.deepEqual(schemaFindings(`${HEAD}waivers:\n  - rule: no-stakeholders\n    expires: 2027-06-30\n`), []);
  });

  it('allows x- keys at every level', () => {
    const text = `x-team: {slack: "#ml"}\n${HEAD}      x-jira: ML-1\nframing:\n  - id: f\n    x-notes: free\n    objective: {function: ce, x-why: calibrated}\n` +
      'requirements:\n  x-extra: 1\n  scalability:\n    traffic: {current: 1, x-peak: 5}\nlifecycle:\n  x-phase: 2\n  scoping: {status: done, x-date: today}\n';
    assert.deepEqual(schemaFindings(text), []);
  });

  it('accepts a pillar that is present but null (empty-pillar reports it), and prose pillars', () => {
    const text = `${HEAD}requirements:\n  reliability:\n  scalability: Prose about growth.\n  maintainability: {}\n  adaptability: {notes: "**later**"}\n`;
    assert.deepEqual(schemaFindings(text), []);
  });

  it('accepts keys written but not filled in yet (their rules judge emptiness)', () => {
    const text = `${HEAD}      kind:\n      target:\nframing:\n  - id: f\n    task:\n    inputs:\nlifecycle:\n  deployment:\nwaivers:\n`;
    assert.deepEqual(schemaFindings(text), []);
  });

  it('accepts numbers where a team naturally writes them', () => {
    const text = `${HEAD}      target: 2\nframing:\n  - id: f\n    classes: [0, 1]\n    metrics:\n      - name: auc\n        target: 0.92\n`;
    assert.deepEqual(schemaFindings(text), []);
  });
});

describe('schema rule: unknown keys', () => {
  it('an unknown key gets one finding on the key, a "did you mean" and a rename fix that works', () => {
    const text = design({ requirments: { reliability: 'Prose.' } });
    const finding = only(text);
    assert.equal(finding.message, 'Unknown key "requirments" in the design. Did you mean "requirements"?');
    assert.deepEqual(finding.range, at(5, 0, 11));
    assert.deepEqual(finding.path, ['requirments']);
    assert.equal(finding.severity, 'error');
    const [fix] = ownFixes(finding);
    assert.equal(fix.title, 'Rename to `requirements`');
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(text, finding, fix);
    assert.equal(fixed, design({ requirements: { reliability: 'Prose.' } }));
    assert.deepEqual(schemaFindings(fixed), []);
  });

  it('a misspelled key inside a list item is named by the item, and renamed in a flow mapping too', () => {
    const text = `${HEAD}      statment: Faster.\nrequirements:\n  scalability:\n    traffic: {current: 1, exp: 2}\n`;
    const found = schemaFindings(text);
    assert.deepEqual(found.map((f) => f.message), [
      'Unknown key "statment" in objective "faster". Did you mean "statement"?',
      'Unknown key "exp" in "requirements.scalability.traffic". Did you mean "expected"?',
    ]);
    assert.deepEqual(found.map((f) => f.range), [at(5, 6, 14), at(8, 26, 29)]);
    const fixed = applyEdits(text, found.flatMap((f) => ownFixes(f)[0].edits));
    assert.equal(fixed, `${HEAD}      statement: Faster.\nrequirements:\n  scalability:\n    traffic: {current: 1, expected: 2}\n`);
    assert.deepEqual(schemaFindings(fixed), []);
  });

  it('does not suggest a key the mapping already has', () => {
    const finding = only(`${HEAD}      statement: Faster.\n      statment: Twice.\n`);
    assert.equal(ownFixes(finding).length, 0);
    assert.equal(finding.message, 'Unknown key "statment" in objective "faster". Use a known key, or start your own keys with "x-".');
    assert.match(finding.help, /^The review ignores unknown keys\. The keys here are "id", "statement", .*\.$/);
  });

  it('a key with nothing close lists the known keys and offers no rename', () => {
    const finding = only(design({ budget: '10k' }));
    assert.equal(finding.message, 'Unknown key "budget" in the design. Use a known key, or start your own keys with "x-".');
    assert.match(finding.help, /^The review ignores unknown keys\. The keys here are "mlsystem", "name", .* or "waivers"\.$/);
    assert.deepEqual(finding.range, at(5, 0, 6));
    assert.deepEqual(ownFixes(finding), []);
  });

  it('a key written at the wrong level says where it belongs', () => {
    const finding = only(design({ reliability: 'Prose.' }));
    assert.equal(finding.message, 'Unknown key "reliability" in the design. It belongs in "requirements".');
    assert.deepEqual(finding.range, at(5, 0, 11));
  });
});

describe('schema rule: bad values', () => {
  it('a bad enum value gets one finding on the value and a replace fix that works', () => {
    const text = design({ framing: [{ id: 'f', task: 'multiclass' }] });
    const finding = only(text);
    assert.equal(finding.message, '"multiclass" is not an ML task. Did you mean "multiclass-classification"?');
    assert.deepEqual(finding.range, at(7, 10, 20));
    assert.deepEqual(finding.path, ['framing', 0, 'task']);
    const [fix] = ownFixes(finding);
    assert.equal(fix.title, 'Replace with `multiclass-classification`');
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(text, finding, fix);
    assert.equal(fixed, design({ framing: [{ id: 'f', task: 'multiclass-classification' }] }));
    assert.deepEqual(schemaFindings(fixed), []);
  });

  it('an ambiguous enum value offers each close value and prefers none', () => {
    const finding = only(design({ framing: [{ id: 'f', task: 'classification' }] }));
    assert.deepEqual(ownFixes(finding).map((f) => [f.title, Boolean(f.isPreferred)]), [
      ['Replace with `binary-classification`', false],
      ['Replace with `multiclass-classification`', false],
      ['Replace with `multilabel-classification`', false],
    ]);
  });

  it('enum values are checked in every section: stage status, maturity, kind, waiver reason', () => {
    const text = 'mlsystem: 1\nname: t\nbusiness:\n  maturity: beginner\n  objectives:\n    - id: a\n      kind: costs\n' +
      'lifecycle:\n  deployment: {status: in progress}\nwaivers:\n  - rule: no-stakeholders\n    reason: outofscope\n';
    const found = schemaFindings(text);
    assert.deepEqual(found.map((f) => f.message), [
      '"beginner" is not an ML maturity stage: use one of "none", "early", "developing" or "mature".',
      '"costs" is not an objective kind. Did you mean "cost"?',
      '"in progress" is not a stage status. Did you mean "in-progress"?',
      '"outofscope" is not a waiver reason. Did you mean "out-of-scope"?',
    ]);
    assert.deepEqual(found.map((f) => f.range), [at(3, 12, 20), at(6, 12, 17), at(8, 23, 34), at(11, 12, 22)]);
    const fixed = applyEdits(text, found.flatMap((f) => ownFixes(f).slice(0, 1).flatMap((fix) => fix.edits)));
    assert.deepEqual(schemaFindings(fixed).map((f) => f.path), [['business', 'maturity']]);
  });

  it('a wrong type gets one finding on the value, saying what is expected', () => {
    const finding = only(design({ owners: 'ml-team' }));
    assert.equal(finding.message, '"owners" must be a list of strings, not a string.');
    assert.deepEqual(finding.range, at(5, 8, 15));
  });

  it('a value failing "a string or a list of strings" gives one finding, not one per alternative', () => {
    const finding = only(`${HEAD}framing:\n  - id: f\n    inputs: {text: request}\n`);
    assert.equal(finding.message, '"inputs" must be a string or a list of strings, not a mapping.');
    assert.deepEqual(finding.range, at(7, 12, 27));
    assert.deepEqual(finding.path, ['framing', 0, 'inputs']);
  });

  it('a list that fits the choice but holds a bad item is reported at that item only', () => {
    const finding = only(`${HEAD}framing:\n  - id: f\n    outputs: [department, {score: 1}]\n`);
    assert.equal(finding.message, 'Item 2 of "outputs" must be a string, not a mapping.');
    assert.deepEqual(finding.range, at(7, 26, 36));
    assert.deepEqual(finding.path, ['framing', 0, 'outputs', 1]);
  });

  it('a pillar that is neither a mapping nor prose gives one finding', () => {
    const finding = only(design({ requirements: { reliability: ['retries'] } }));
    assert.equal(finding.message, '"reliability" must be a mapping or a string, not a list.');
    assert.deepEqual(finding.range, at(6, 15, 24));
  });

  it('objective, traffic and versioning take a string or their own mapping', () => {
    const text = `${HEAD}framing:\n  - id: f\n    objective: [ce]\nrequirements:\n  scalability: {traffic: [1]}\n  maintainability: {versioning: [git]}\n`;
    assert.deepEqual(schemaFindings(text).map((f) => f.message), [
      '"objective" must be a string or a mapping with function and description, not a list.',
      '"traffic" must be a string or a mapping with current and expected, not a list.',
      '"versioning" must be a string or a mapping with code, data and artifacts, not a list.',
    ]);
  });

  it('a lifecycle stage written as just its status is fixed into a mapping', () => {
    const text = design({ lifecycle: { deployment: 'done' } });
    const finding = only(text);
    assert.equal(finding.message, '"deployment" must be a mapping such as {status: done}, not a string.');
    assert.deepEqual(finding.range, at(6, 14, 18));
    const [fix] = ownFixes(finding);
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(text, finding, fix);
    assert.equal(fixed, `${HEAD}lifecycle:\n  deployment: { status: done }\n`);
    assert.deepEqual(schemaFindings(fixed), []);
  });

  it('a waiver date must be YYYY-MM-DD', () => {
    const finding = only(design({ waivers: [{ rule: 'no-stakeholders', expires: '2027-6-30' }] }));
    assert.equal(finding.message, '"expires" must be a date written as YYYY-MM-DD (e.g. 2027-06-30), not "2027-6-30".');
    assert.deepEqual(finding.range, at(7, 13, 22));
  });

  it('the format version must be 1; a quoted "1" is fixed by writing the number', () => {
    const wrong = only('mlsystem: 2\nname: t\nbusiness:\n  objectives: [{id: a}]\n');
    assert.equal(wrong.message, '"mlsystem" must be 1.');
    assert.match(wrong.help, /the only format this review reads/);
    assert.deepEqual(wrong.range, at(0, 10, 11));
    assert.deepEqual(ownFixes(wrong), []);
    const text = 'mlsystem: "1"\nname: t\nbusiness:\n  objectives: [{id: a}]\n';
    const [fix] = ownFixes(only(text));
    assert.equal(fix.title, 'Replace with `1`');
    assert.deepEqual(schemaFindings(applyEdits(text, fix.edits)), []);
  });
});

describe('schema rule: required keys', () => {
  it('a missing top-level key is reported on the first key', () => {
    const finding = only('mlsystem: 1\nbusiness:\n  objectives: [{id: a}]\n');
    assert.match(finding.message, /^The design must have a "name"/);
    assert.deepEqual(finding.range, at(0, 0, 8));
    assert.deepEqual(finding.path, ['name']);
  });

  it('missing objectives are reported on "business"; an empty list too, on the list', () => {
    const missing = only('mlsystem: 1\nname: t\nbusiness:\n  problem: Slow.\n');
    assert.match(missing.message, /^"business" must list its "objectives"/);
    assert.deepEqual(missing.range, at(2, 0, 8));
    const empty = only('mlsystem: 1\nname: t\nbusiness:\n  objectives: []\n');
    assert.match(empty.message, /at least one business objective/);
    assert.deepEqual(empty.range, at(3, 14, 16));
  });

  it('list items lacking their identifying key are reported on the item\'s first line', () => {
    const text = `${HEAD}    - statement: Cheaper.\nframing:\n  - task: regression\n    metrics:\n      - target: 0.9\nwaivers:\n  - reason: other\n`;
    const found = schemaFindings(text);
    const summary = 'A value must satisfy the JSON Schema for mlsystem.yaml: right type, allowed value, required keys present, no unknown keys.';
    assert.deepEqual(found.map((f) => [f.message, f.help, f.range, f.path]), [
      ['Objective #2 must have "id".', 'Other parts of the design refer to it by its id.', at(5, 6, 25), ['business', 'objectives', 1, 'id']],
      ['Framing #1 must have "id".', 'Other parts of the design refer to it by its id.', at(7, 4, 20), ['framing', 0, 'id']],
      ['Metric #1 must have "name".', summary, at(9, 8, 19), ['framing', 0, 'metrics', 0, 'name']],
      ['Waiver #1 must have "rule".', 'A waiver must name the rule it silences.', at(11, 4, 17), ['waivers', 0, 'rule']],
    ]);
  });

  it('a missing optional section gives no schema finding (its own rule reports it)', () => {
    assert.deepEqual(schemaFindings(HEAD), []);
  });

  it('an empty document or a document that is not a mapping gives one finding at its start', () => {
    const empty = only('');
    assert.match(empty.message, /^The design is empty/);
    assert.deepEqual(empty.range, at(0, 0, 0));
    const list = only('- mlsystem: 1\n');
    assert.equal(list.message, 'The design must be a mapping of sections (mlsystem, name, business, ...), not a list.');
    assert.equal(list.range.start.line, 0);
  });
});

/** Every design document under a folder (examples, fixtures), by name or by content. */
function designFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...designFiles(file));
    else if (/\.ya?ml$/.test(entry.name)) out.push(file);
  }
  return out;
}

/**
 * The schema without the additions (data, evaluation, slo, cost, on_call, structured
 * retraining, rollback; serves as a list only): the format as it was before them.
 */
function schemaWithoutAdditions(): object {
  const schema = JSON.parse(schemaText) as JsonSchema;
  const props = schema.properties!;
  delete props.data;
  delete props.evaluation;
  const pillar = (id: string): JsonSchema => props.requirements.properties![id].anyOf![0];
  delete pillar('reliability').properties!.slo;
  delete pillar('scalability').properties!.cost;
  delete pillar('maintainability').properties!.on_call;
  const adaptability = pillar('adaptability').properties!;
  delete adaptability.rollback;
  adaptability.retraining = { $ref: '#/definitions/text' };
  schema.definitions!.framing.properties!.serves = { $ref: '#/definitions/textList' };
  return schema;
}

describe('the additions are additive', () => {
  const full = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText) as object);
  const before = new Ajv({ allErrors: true, strict: false }).compile(schemaWithoutAdditions());
  const files = [...designFiles(join(root, 'examples')), ...designFiles(join(root, 'test', 'fixtures'))];

  it('every example and test fixture valid without the additions stays valid with them', () => {
    let valid = 0;
    for (const file of files) {
      const doc = parseDocument(readFileSync(file, 'utf8'));
      if (doc.errors.length) continue;
      const data = doc.toJS() as unknown;
      if (!before(data)) continue;
      valid++;
      assert.ok(full(data), `${file}: ${JSON.stringify(full.errors)}`);
    }
    assert.ok(valid >= 3, `only ${valid} valid designs found`);
  });

  it('the additions shown in the format guide are valid, and the same design without them too', () => {
    const text = `${HEAD}framing:\n  - id: f\n    serves: faster\nevaluation:\n  offline: Holdout.\n  online: {method: a-b-test, measures: faster, guardrails: latency}\n` +
      'data:\n  sources:\n    - {name: tickets, owner: support, freshness: hourly, personal_data: true, notes: "*EU*"}\n  labels: {source: resolver, delay: 3d, quality: sampled, notes: x}\n  privacy: EU only.\n' +
      'requirements:\n  reliability: {slo: {latency: p99 under 2 s, availability: 99.9%}}\n  scalability: {cost: cheap}\n  maintainability: {on_call: support-tools}\n' +
      '  adaptability:\n    retraining: {cadence: weekly, trigger: drift, automated: false, notes: x}\n    rollback: Previous model stays.\n';
    assert.deepEqual(schemaFindings(text), []);
    assert.deepEqual(schemaFindings(`${HEAD}data: {labels: From the ticketing system.}\nevaluation: {online: We A/B test it.}\nrequirements:\n  reliability: {slo: 99.9%}\n  adaptability: {retraining: Weekly.}\n`), []);
  });

  it('a placeholder in an enum, boolean or date field is a schema error', () => {
    const text = `${HEAD}evaluation:\n  online: {method: TODO}\nrequirements:\n  adaptability:\n    retraining: {automated: TBD}\ndata:\n  sources:\n    - {name: t, personal_data: "?"}\n`;
    assert.deepEqual(schemaFindings(text).map((f) => f.target), ['evaluation.online.method', 'requirements.adaptability.retraining.automated', 'data.sources.0.personal_data']);
  });

  it('a data source must have a name, and unknown keys of the additions get a "did you mean"', () => {
    const found = schemaFindings(`${HEAD}data:\n  sources:\n    - owner: x\n  labels: {delai: 3d}\nevaluation:\n  online: {mesures: faster}\n`);
    assert.deepEqual(found.map((f) => f.message), [
      'Data source #1 must have "name".',
      'Unknown key "delai" in "data.labels". Did you mean "delay"?',
      'Unknown key "mesures" in "evaluation.online". Did you mean "measures"?',
    ]);
  });

  it('describes every new field for hover and completion', () => {
    for (const path of [['data'], ['data', 'sources', 0, 'freshness'], ['data', 'labels', 'delay'], ['evaluation', 'online', 'method'], ['evaluation', 'online', 'measures'],
      ['requirements', 'reliability', 'slo', 'latency'], ['requirements', 'scalability', 'cost'], ['requirements', 'maintainability', 'on_call'],
      ['requirements', 'adaptability', 'retraining', 'cadence'], ['requirements', 'adaptability', 'retraining', 'automated'], ['requirements', 'adaptability', 'rollback']]) {
      assert.ok((describePath(path) ?? '').length > 30, path.join('.'));
    }
  });
});

describe('schema: many problems', () => {
  it('lists at most 100 schema findings per document, then one that counts the rest', () => {
    const text = `${HEAD}waivers:\n${'  - {}\n'.repeat(500)}`;
    const found = schemaFindings(text);
    assert.equal(found.length, 101);
    assert.deepEqual(found.slice(0, 100).map((f) => f.range.start.line), Array.from({ length: 100 }, (_, i) => 6 + i), 'the first problems in the document');
    const last = found[100];
    assert.equal(last.message, '400 more schema problems not listed (at most 100 are shown per document): fix the ones above and review again.');
    assert.equal(last.range.start.line, 106, 'on the first problem left out');
    assert.deepEqual(last.fixes.filter((f) => f.kind !== 'waive'), []);
  });

  it('keeps one choice per value among many failing choices (anyOf collapsed per value, not per document)', () => {
    const text = `${HEAD}framing:\n${Array.from({ length: 60 }, (_, i) => `  - {id: f${i}, inputs: {a: 1}}\n`).join('')}`;
    const found = schemaFindings(text);
    assert.equal(found.length, 60);
    assert.ok(found.every((f) => /"inputs" must be a string or a list of strings, not a mapping\./.test(f.message)), found[0].message);
  });

  it('appends a sub-validator\'s errors in place: the generated validator never copies the error list per item', () => {
    const generated = readFileSync(join(root, 'src', 'engine', 'generated', 'validate-schema.js'), 'utf8');
    assert.ok(!generated.includes('.concat('), 'vErrors.concat inside item loops is quadratic in the failing items');
  });
});

describe('schema: keys named like Object.prototype members', () => {
  it('are unknown keys like any other, and have no schema of their own', () => {
    const found = schemaFindings(`${HEAD}constructor:\n  - a\ntoString: {x: 1}\n`);
    assert.deepEqual(found.map((f) => f.message.split('.')[0]), ['Unknown key "constructor" in the design', 'Unknown key "toString" in the design']);
    assert.deepEqual(keysAt(['constructor']), []);
    assert.deepEqual(keysAt(['business', 'toString']), []);
    assert.equal(describePath(['__proto__']), undefined);
  });
});

describe('schema: reference lists', () => {
  const framing = (serves: string): string => `${HEAD}framing:\n  - id: f\n    serves: ${serves}\n    task: regression\n    inputs: i\n    outputs: o\n    objective: mse\n`;
  const rulesOf = (text: string): string[] => review(text, { today: '2026-11-26' }).findings.map((f) => f.rule).filter((r) => ['schema', 'unknown-reference', 'unframed-objective'].includes(r)).sort();

  it('accept one id or a list for serves, and the rules read both alike (docs/format.md)', () => {
    assert.deepEqual(schemaFindings(framing('faster')), []);
    assert.deepEqual(rulesOf(framing('faster')), rulesOf(framing('[faster]')));
    assert.deepEqual(rulesOf(framing('nope')), rulesOf(framing('[nope]')));
    assert.deepEqual(rulesOf(framing('nope')), ['unframed-objective', 'unknown-reference']);
    assert.match(only(framing('{a: 1}')).message, /"serves" must be a string or a list of strings, not a mapping/);
  });
});

describe('schema: a comma inside a flow mapping', () => {
  const text = `${HEAD}requirements:\n  scalability:\n    model_count: {expected: one per product (loan, card, auto) by 2028}\n`;

  it('says the comma cut the value, and to quote it, instead of listing the keys', () => {
    const found = schemaFindings(text);
    assert.deepEqual(found.map((f) => f.path.at(-1)), ['card', 'auto) by 2028']);
    for (const f of found) {
      assert.match(f.help, /^In a flow mapping \(\{\.\.\.\}\) a comma ends the value\. Write it in quotes: "one per product \(loan, card, auto\) by 2028"\.$/);
    }
  });

  it('waives a piece of a value through its mapping, never under a target no one could write', () => {
    const targets = schemaFindings(text).map((f) => f.fixes.find((x) => x.kind === 'waive')?.edits[0].newText.match(/target: (.*)/)?.[1]);
    assert.deepEqual(targets, ['requirements.scalability.model_count.card', 'requirements.scalability.model_count']);
  });
});

describe('schema: renames that change the kind of value', () => {
  it('"Rename to constraints" wraps a text into a one-item list, so the schema accepts it', () => {
    const text = `${HEAD}  constraint: A decision within 150 ms.\n`;
    const f = only(text);
    const rename = f.fixes.find((x) => x.title === 'Rename to `constraints`');
    assert.ok(rename);
    const fixed = applyEdits(text, rename.edits);
    assert.match(fixed, /\n {2}constraints: \[ ?A decision within 150 ms\. ?\]\n/);
    assert.deepEqual(schemaFindings(fixed), []);
  });
});
