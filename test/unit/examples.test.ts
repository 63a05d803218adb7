/**
 * The shipped examples are part of the product: the README tells users to review them.
 * The finished design must review clean, the week-one draft must show the gaps it was
 * written with, and every example must be a real design document.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { isDesignDocument, review } from '../../src/engine';
import type { RuleId } from '../../src/engine';
import { run } from '../../src/cli/run';

const root = join(__dirname, '..', '..');
const examplesDir = join(root, 'examples');
const today = '2026-11-26';

function read(relativePath: string): string {
  return readFileSync(join(examplesDir, relativePath), 'utf8');
}

function designFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...designFiles(full));
    else if (isDesignDocument(full, () => readFileSync(full, 'utf8'))) found.push(relative(examplesDir, full).split('\\').join('/'));
  }
  return found.sort();
}

function summarize(relativePath: string): string[] {
  return review(read(relativePath), { today }).findings.map((f) => `${f.rule} at ${f.target || '(document)'}: ${f.message}`);
}

describe('examples', () => {
  it('are found as design documents, by name and by content', () => {
    assert.deepEqual(designFiles(examplesDir), [
      'draft/mlsystem.yaml',
      'fraud-detection/fraud.yaml',
      'policies/designs/credit-limit.mlsystem.yaml',
      'policies/designs/loan-approval.mlsystem.yaml',
      'support-routing/mlsystem.yaml',
    ]);
  });

  it('support-routing reviews clean: no findings and nothing waived', () => {
    const result = review(read('support-routing/mlsystem.yaml'), { today });
    assert.deepEqual(summarize('support-routing/mlsystem.yaml'), []);
    assert.deepEqual(result.waived, []);
    const stages = result.lifecycle.stages.filter((s) => s.present).map((s) => s.id);
    assert.equal(stages.length, 6, 'all six lifecycle stages are written down');
    assert.ok(result.lifecycle.objectives.every((o) => !o.unframed && o.metrics.length > 0), 'every objective is framed and moved by an ML metric');
  });

  it('fraud-detection reviews clean because its one waiver silences the accepted risk', () => {
    const result = review(read('fraud-detection/fraud.yaml'), { today });
    assert.deepEqual(summarize('fraud-detection/fraud.yaml'), []);
    assert.deepEqual(result.waived.map((w) => [w.rule, w.target, w.waiver]), [['growth-unplanned', 'requirements.scalability', 0]]);
  });

  it('the fraud-detection waiver stops silencing once it expires', () => {
    const result = review(read('fraud-detection/fraud.yaml'), { today: '2036-01-01' });
    assert.deepEqual(result.findings.map((f) => f.rule).sort(), ['expired-waiver', 'growth-unplanned']);
  });

  it('the week-one draft shows every gap it was written with', () => {
    const result = review(read('draft/mlsystem.yaml'), { today });
    const rules = [...new Set(result.findings.map((f) => f.rule))].sort();
    const designedIn: RuleId[] = [
      'empty-pillar', // maintainability: (nothing yet)
      'expired-waiver', // the no-stakeholders waiver ran out on 2026-10-31
      'growth-unplanned', // scalability speaks of traffic only
      'incomplete-framing', // department-classifier has no outputs and no objective
      'missing-pillar', // adaptability
      'missing-stage', // deployment, monitoring, business_analysis
      'no-stakeholders',
      'schema', // business.constraint (typo) and status "in progress"
      'silent-failure', // reliability has no silent_failures, and there is no monitoring
      'task-mismatch', // urgency-flag: binary with three classes
      'unframed-objective', // happier-customers
      'unknown-reference', // serves: faster-routng
      'unlinked-metric', // accuracy moves no business metric
      'unmeasured-objective', // faster-routing and happier-customers have no target
      'unanswered', // placeholders: happier-customers' metric, a baseline, a metric target, a data source's owner
      'no-baseline', // urgency-flag beats nothing named
      'unlabelled', // two classifiers, and nothing says where their labels come from
      'unverified-link', // recall on urgent requests moves faster-routing; nothing online checks it
      'unowned-stage', // data engineering is blocked and nobody owns it
    ];
    assert.deepEqual(rules, designedIn.sort());
    assert.ok(rules.length >= 8);

    const targets = (rule: RuleId): string[] => result.findings.filter((f) => f.rule === rule).map((f) => f.target);
    assert.deepEqual(targets('missing-pillar'), ['requirements.adaptability']);
    assert.deepEqual(targets('empty-pillar'), ['requirements.maintainability']);
    assert.deepEqual(targets('missing-stage').sort(), ['lifecycle.business_analysis', 'lifecycle.deployment', 'lifecycle.monitoring']);
    assert.equal(targets('no-stakeholders').length, 1);
    assert.equal(targets('unframed-objective').length, 1);
    assert.match(targets('unframed-objective')[0], /happier-customers/);
    assert.equal(targets('task-mismatch').length, 1);
    assert.match(targets('task-mismatch')[0], /^framing\.urgency-flag/);
    assert.equal(targets('unknown-reference').length, 1);
    assert.match(targets('unknown-reference')[0], /^framing\.urgency-flag\.serves/);
    assert.equal(targets('expired-waiver').length, 1);
    assert.deepEqual(targets('unanswered'), [
      'business.objectives.happier-customers.metric', 'framing.department-classifier.baseline', 'framing.urgency-flag.metrics.0.target', 'data.sources.0.owner',
    ]);
    assert.deepEqual(targets('no-baseline'), ['framing.urgency-flag.baseline']);
    assert.deepEqual(targets('unlabelled'), ['data.labels']);
    assert.deepEqual(targets('unverified-link'), ['evaluation.online']);
    assert.deepEqual(targets('unowned-stage'), ['lifecycle.data_engineering.owner']);
    const schema = result.findings.filter((f) => f.rule === 'schema');
    assert.equal(schema.length, 2, schema.map((f) => f.message).join('\n'));
    assert.match(schema[0].message, /constraint/);
    assert.match(schema[1].message, /in progress/);
  });

  it('the draft is readable YAML: only its two designed schema problems break the schema', () => {
    const schemaJson = JSON.parse(readFileSync(join(root, 'schemas', 'mlsystem.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schemaJson);
    validate(parseYaml(read('draft/mlsystem.yaml')));
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
    assert.deepEqual(problems, ['/business additionalProperties', '/lifecycle/model_development/status enum']);
  });

  it('the README command `mlsystem-review examples/` reviews them all and fails on the draft\'s errors and the policy pack\'s failing design', () => {
    let stdout = '';
    let stderr = '';
    const io = { cwd: root, env: {}, today, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
    const code = run(['--format', 'json', 'examples/'], io);
    assert.equal(stderr, '');
    assert.equal(code, 1, 'the draft has errors');
    const report = JSON.parse(stdout) as { file: string; findings: { rule: string }[] }[];
    assert.deepEqual(report.map((r) => [r.file, r.findings.length > 0]).sort(), [
      ['examples/draft/mlsystem.yaml', true],
      ['examples/fraud-detection/fraud.yaml', false],
      ['examples/policies/designs/credit-limit.mlsystem.yaml', false],
      ['examples/policies/designs/loan-approval.mlsystem.yaml', true],
      ['examples/support-routing/mlsystem.yaml', false],
    ]);
  });

  for (const file of ['support-routing/mlsystem.yaml', 'fraud-detection/fraud.yaml']) {
    it(`${file} is valid against the JSON Schema`, () => {
      const schemaJson = JSON.parse(readFileSync(join(root, 'schemas', 'mlsystem.schema.json'), 'utf8')) as object;
      const validate = new Ajv({ allErrors: true, strict: false }).compile(schemaJson);
      const valid = validate(parseYaml(read(file)));
      assert.equal(valid, true, JSON.stringify(validate.errors, null, 1));
    });
  }
});
