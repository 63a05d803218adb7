/**
 * The review configuration: extends (paths and packages), merge order, overrides by glob,
 * the config errors (one line naming the file and the check), and the CLI's use of it.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CHECK_FIELDS } from '../../src/engine/checks';
import { CONFIG_SCHEMA, ConfigLookup, loadConfig, MAX_EXTENDS_DEPTH, parseConfigText, review, RULE_IDS, validateConfig } from '../../src/engine';
import type { ConfigReader } from '../../src/engine';
import { runCli } from './support/cli';
import type { CliOutcome } from './support/cli';
import { completionEntries, hoverMarkdown } from '../../src/features/schema-completion';
import { cursorContext, nodeAt } from '../../src/features/yaml-cursor';
import { nodeConfigReader } from '../../src/node/config-reader';

const TODAY = '2026-11-26';
const root = join(__dirname, '..', '..');
const examples = join(root, 'examples', 'policies');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsystem-config-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

const cli = (argv: string[], cwd: string): CliOutcome => runCli(argv, cwd, TODAY);

const errors = (problems: readonly { severity: string; file: string; message: string }[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`);

describe('config: extends', () => {
  it('from a path relative to the file, and from a package in node_modules named by its package.json', () => {
    const dir = tempDir();
    cpSync(join(examples, 'regulated-lending'), join(dir, 'node_modules', '@acme', 'mlsystem-policy-lending'), { recursive: true });
    write(dir, {
      'policies/local.yaml': 'checks:\n  team/owners:\n    require: [owners]\n',
      'repo/.mlsystem-review.yaml': 'extends:\n  - ../policies/local.yaml\n  - "@acme/mlsystem-policy-lending"\n',
    });
    const found = loadConfig(`${dir}/repo/mlsystem.yaml`, nodeConfigReader);
    assert.deepEqual(errors(found.problems), []);
    assert.deepEqual(found.files, [`${dir}/repo/.mlsystem-review.yaml`, `${dir}/policies/local.yaml`, `${dir}/node_modules/@acme/mlsystem-policy-lending/policy.yaml`]);
    assert.deepEqual(found.options.checks.map((c) => c.id), ['team/owners', 'lending/fairness', 'lending/explainability', 'lending/on-call', 'lending/privacy', 'lending/metric-names']);
  });

  it('merge order: what is extended first, later entries over earlier, the file itself on top', () => {
    const dir = tempDir();
    write(dir, {
      'a.yaml': 'rules: {no-stakeholders: error, missing-stage: off, unversioned: error}\nchecks:\n  t/x: {require: [owners], message: from a}\n',
      'b.yaml': 'rules: {no-stakeholders: info}\nchecks:\n  t/x: {require: [summary], message: from b}\n',
      '.mlsystem-review.yaml': 'extends: [./a.yaml, ./b.yaml]\nrules: {unversioned: off}\n',
    });
    const { options } = loadConfig(`${dir}/mlsystem.yaml`, nodeConfigReader);
    assert.deepEqual(options.rules, { 'no-stakeholders': 'info', 'missing-stage': 'off', unversioned: 'off' });
    assert.deepEqual(options.checks.map((c) => [c.id, c.message, c.require]), [['t/x', 'from b', ['summary']]]);
  });

  it('a cycle, a missing file, a missing package, and depth past the limit are each one clear error', () => {
    const dir = tempDir();
    write(dir, {
      'cycle/.mlsystem-review.yaml': 'extends: ./a.yaml\n',
      'cycle/a.yaml': 'extends: ./b.yaml\n',
      'cycle/b.yaml': 'extends: ./a.yaml\n',
      'missing/.mlsystem-review.yaml': 'extends: [./nope.yaml, "@acme/not-installed"]\n',
    });
    const display = (p: string): string => p.slice(dir.length + 1);
    const lookup = new ConfigLookup(nodeConfigReader, { display });
    assert.deepEqual(errors(lookup.forFolder(`${dir}/cycle`).problems), ['cycle/b.yaml: extends "./a.yaml": a cycle: cycle/.mlsystem-review.yaml -> cycle/a.yaml -> cycle/b.yaml -> cycle/a.yaml']);
    assert.deepEqual(errors(lookup.forFolder(`${dir}/missing`).problems), [
      'missing/.mlsystem-review.yaml: extends "./nope.yaml": no such file',
      `missing/.mlsystem-review.yaml: extends "@acme/not-installed": the package is not installed (looked in node_modules from missing up)`,
    ]);
    const chain: Record<string, string> = {};
    for (let i = 0; i <= MAX_EXTENDS_DEPTH; i++) chain[`deep/${i}.yaml`] = `extends: ./${i + 1}.yaml\n`;
    chain[`deep/${MAX_EXTENDS_DEPTH + 1}.yaml`] = 'rules: {}\n';
    chain['deep/.mlsystem-review.yaml'] = 'extends: ./0.yaml\n';
    write(dir, chain);
    assert.match(errors(lookup.forFolder(`${dir}/deep`).problems).join('\n'), /extends nest deeper than 8 files/);
  });

  it('never reads what is not a regular file: an extends linked to a device is one error, at once', () => {
    const dir = tempDir();
    write(dir, { '.mlsystem-review.yaml': 'extends: ./zero.yaml\n' });
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    assert.deepEqual(errors(loadConfig(`${dir}/x.mlsystem.yaml`, nodeConfigReader, { display: (p) => p.slice(dir.length + 1) }).problems), ['.mlsystem-review.yaml: extends "./zero.yaml": no such file']);
    assert.throws(() => nodeConfigReader.readFile(`${dir}/zero.yaml`), /not a regular file/);
  });

  it('a host that cannot resolve packages says so (browser, Restricted Mode)', () => {
    const dir = tempDir();
    write(dir, { '.mlsystem-review.yaml': 'extends: "@acme/policy"\nrules: {no-stakeholders: off}\n' });
    const { resolvePackage: _omit, ...noPackages } = nodeConfigReader;
    const reader: ConfigReader = { ...noPackages, packagesUnavailable: 'the workspace is in Restricted Mode' };
    const found = loadConfig(`${dir}/mlsystem.yaml`, reader, { display: (p) => p.slice(dir.length + 1) });
    assert.deepEqual(errors(found.problems), ['.mlsystem-review.yaml: extends "@acme/policy": packages are not resolved here: the workspace is in Restricted Mode']);
    assert.deepEqual(found.options.rules, { 'no-stakeholders': 'off' }, 'the rest of the file still applies');
  });
});

describe('config: overrides by glob', () => {
  it('apply to the designs their patterns match, relative to the configuration file', () => {
    const dir = tempDir();
    write(dir, { '.mlsystem-review.yaml': 'rules: {no-stakeholders: error}\noverrides:\n  - files: ["experiments/**"]\n    rules: {no-stakeholders: off, t/x: off}\nchecks:\n  t/x: {require: [owners]}\n' });
    const lookup = new ConfigLookup(nodeConfigReader);
    assert.deepEqual(lookup.forDesign(`${dir}/main.mlsystem.yaml`).options.rules, { 'no-stakeholders': 'error' });
    assert.deepEqual(lookup.forDesign(`${dir}/experiments/a/x.mlsystem.yaml`).options.rules, { 'no-stakeholders': 'off', 't/x': 'off' });
  });
});

describe('config: errors', () => {
  const problemsOf = (text: string, name = '.mlsystem-review.yaml'): string[] => errors(parseConfigText(text, name).problems);

  it('is one line naming the file, the check and the problem', () => {
    assert.deepEqual(problemsOf('colour: red\n'), ['.mlsystem-review.yaml: unknown setting "colour" (expected "extends", "rules", "files", "overrides", "checks")']);
    assert.deepEqual(problemsOf('checks:\n  acme/x: {given: name}\n'), ['.mlsystem-review.yaml: check "acme/x": no kind: give one of require, forbid, answered, pattern, enum, min_items, max_items, max_length']);
    assert.deepEqual(problemsOf('checks:\n  fairness: {require: [x]}\n'), ['.mlsystem-review.yaml: check "fairness": the id needs a namespace: write it as namespace/name, such as "acme/fairness"']);
    assert.deepEqual(problemsOf('checks:\n  schema: {require: [x]}\n'), ['.mlsystem-review.yaml: check "schema": the id clashes with the built-in rule "schema": name a check namespace/name, such as "acme/schema"']);
    assert.deepEqual(problemsOf('checks:\n  acme/x: {require: [x], colour: red}\n'), ['.mlsystem-review.yaml: check "acme/x": unknown field "colour" (expected "severity", "message", "docs", "given", "where", "require", "forbid", "answered", "pattern", "enum", "min_items", "max_items", "max_length")']);
    assert.deepEqual(problemsOf('checks:\n  acme/x: {given: "framing[", require: [x]}\n'), ['.mlsystem-review.yaml: check "acme/x": the path "framing[" has an unclosed "["']);
    assert.deepEqual(problemsOf('checks:\n  acme/x: {require: [x], docs: "command:workbench.action.quit"}\n'), ['.mlsystem-review.yaml: check "acme/x": "docs" must be an http(s) link']);
  });

  it('places each problem on its entry in the file', () => {
    const { problems } = parseConfigText('rules:\n  no-stakeholders: loud\n', '.mlsystem-review.yaml');
    assert.deepEqual(problems[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 17 } });
  });

  it('a YAML tag the parser does not know is one warning line, never a multi-line parser warning', () => {
    const { problems, config } = parseConfigText('rules:\n  no-stakeholders: !loud off\n', '.mlsystem-review.yaml');
    assert.deepEqual(problems.map((p) => [p.severity, p.message.includes('\n')]), [['warning', false]]);
    assert.match(problems[0].message, /!loud/);
    assert.deepEqual(config.rules, { 'no-stakeholders': 'off' });
  });

  it('a UTF-8 BOM is read the same in JSON and YAML (one reader, one answer)', () => {
    const withBom = parseConfigText('\uFEFF{"rules": {"no-stakeholders": "off"}}', '.mlsystem-review.json');
    assert.deepEqual([withBom.config, withBom.problems], [{ rules: { 'no-stakeholders': 'off' }, files: [] }, []]);
    assert.deepEqual(parseConfigText('\uFEFFrules: {no-stakeholders: off}\n', '.mlsystem-review.yaml').config.rules, { 'no-stakeholders': 'off' });
  });

  it('a rule setting naming a check no configuration defines is an error', () => {
    const dir = tempDir();
    write(dir, { '.mlsystem-review.json': '{"rules": {"acme/typo": "off"}}' });
    assert.deepEqual(errors(loadConfig(`${dir}/x.mlsystem.yaml`, nodeConfigReader, { display: () => '.mlsystem-review.json' }).problems), ['.mlsystem-review.json: rule "acme/typo" names a check that no configuration defines']);
  });
});

describe('config: the command line', () => {
  it('exits 2 with one line naming the file and the check', () => {
    const dir = tempDir();
    write(dir, { '.mlsystem-review.yaml': 'checks:\n  acme/x:\n    given: name\n    pattern: "(a)\\\\1"\n', 'mlsystem.yaml': 'mlsystem: 1\n' });
    const out = cli([], dir);
    assert.equal(out.code, 2);
    assert.equal(out.stderr, 'mlsystem-review: .mlsystem-review.yaml: check "acme/x": the pattern "(a)\\\\1" uses a backreference ("\\1", "\\k<name>"), which cannot be matched in linear time\n');
  });

  it('reads a JSON config with a UTF-8 BOM, and warns once, on one line, about an unknown YAML tag', () => {
    const dir = tempDir();
    write(dir, { 'a/.mlsystem-review.json': '\uFEFF{"rules": {"no-stakeholders": "off"}}', 'a/mlsystem.yaml': 'mlsystem: 1\nname: a\n' });
    const withBom = cli(['--format', 'json', 'a'], dir);
    assert.equal(withBom.stderr, '');
    assert.ok(!withBom.stdout.includes('no-stakeholders'), 'the BOM file applies');
    write(dir, { 'b/.mlsystem-review.yaml': 'rules:\n  no-stakeholders: !loud off\n', 'b/one.mlsystem.yaml': 'mlsystem: 1\n', 'b/two.mlsystem.yaml': 'mlsystem: 1\n' });
    const tagged = cli(['--format', 'json', 'b'], dir);
    assert.equal(tagged.stderr, 'mlsystem-review: warning: b/.mlsystem-review.yaml: Unresolved tag: !loud (read as plain text)\n');
  });

  it('the example policy pack: one design passes it, the other fails it', () => {
    const out = cli(['--format', 'json', 'examples/policies/designs'], root);
    const files = JSON.parse(out.stdout) as { file: string; findings: { rule: string; severity: string }[] }[];
    assert.deepEqual(files.map((f) => [f.file, f.findings.map((x) => x.rule)]), [
      ['examples/policies/designs/credit-limit.mlsystem.yaml', []],
      ['examples/policies/designs/loan-approval.mlsystem.yaml', ['lending/explainability', 'lending/fairness', 'lending/metric-names', 'lending/on-call']],
    ]);
    assert.equal(out.code, 1);
  });

  it('the pack asks for a privacy statement only where a data source holds personal data', () => {
    const { options } = loadConfig(join(examples, 'designs', 'x.mlsystem.yaml'), nodeConfigReader);
    const privacy = (data: string): string[] => review(`mlsystem: 1\nname: x\n${data}`, { ...options, today: TODAY }).findings.filter((f) => f.rule === 'lending/privacy').map((f) => f.target);
    assert.deepEqual(privacy('data:\n  sources:\n    - name: applications\n      personal_data: true\n    - name: bureau\n'), ['data.privacy']);
    assert.deepEqual(privacy('data:\n  sources:\n    - name: applications\n      personal_data: true\n  privacy: Names are removed before training.\n'), []);
    assert.deepEqual(privacy('data:\n  sources:\n    - name: market prices\n      personal_data: false\n'), []);
  });

  it('--print-config shows the configuration a design is reviewed with, after extends and overrides', () => {
    const pack = tempDir();
    cpSync(examples, pack, { recursive: true });
    const dir = join(pack, 'designs');
    write(dir, { 'experiments/try.mlsystem.yaml': 'mlsystem: 1\n' });
    const out = cli(['--print-config', 'experiments/try.mlsystem.yaml'], dir);
    assert.equal(out.code, 0, out.stderr);
    const printed = JSON.parse(out.stdout) as { configFiles: string[]; rules: Record<string, string>; checks: Record<string, { severity: string }> };
    assert.deepEqual(printed.configFiles, ['.mlsystem-review.yaml', '../regulated-lending/policy.yaml']);
    assert.equal(printed.rules['lending/explainability'], 'off', 'the override for experiments/**');
    assert.equal(printed.rules['no-stakeholders'], 'warning', 'from the pack');
    assert.equal(printed.rules['lending/fairness'], 'error');
    assert.equal(printed.checks['lending/explainability'].severity, 'off');
  });

  it('SARIF carries each check as a rule with its message and help URI', () => {
    const out = cli(['--format', 'sarif', 'examples/policies/designs/loan-approval.mlsystem.yaml'], root);
    const run0 = (JSON.parse(out.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; message: { text: string } }[] }[] }).runs[0];
    const fairness = run0.results.find((r) => r.ruleId === 'lending/fairness')!;
    const rule = run0.tool.driver.rules[fairness.ruleIndex];
    assert.equal(rule.id, 'lending/fairness');
    assert.equal(rule.helpUri, 'https://wiki.example/ml-review/lending#fairness');
    assert.match(rule.shortDescription.text, /fairness metric/);
    assert.match(fairness.message.text, /`x-fairness` is missing/);
  });

  it('the Markdown format and the review report link a check to its docs', () => {
    const design = 'examples/policies/designs/loan-approval.mlsystem.yaml';
    assert.match(cli(['--format', 'markdown', design], root).stdout, /\[`lending\/fairness`\]\(https:\/\/wiki\.example\/ml-review\/lending#fairness\)/);
    assert.match(cli(['report', design], root).stdout, /<a class="rule" href="https:\/\/wiki\.example\/ml-review\/lending#fairness">lending\/fairness<\/a>/);
    // A check with no docs is named, not linked.
    assert.match(cli(['--format', 'markdown', design], root).stdout, /warning `lending\/metric-names` line/);
  });

  it('the engine and the CLI agree on a check\'s findings', () => {
    const design = join(examples, 'designs', 'loan-approval.mlsystem.yaml');
    const { options } = loadConfig(design, nodeConfigReader);
    const text = readFileSync(design, 'utf8');
    const engine = review(text, { ...options, today: TODAY }).findings.map((f) => [f.rule, f.range.start.line, f.message]);
    const out = cli(['--format', 'json', design], root);
    const fromCli = (JSON.parse(out.stdout) as { findings: { rule: string; range: { start: { line: number } }; message: string }[] }[])[0].findings.map((f) => [f.rule, f.range.start.line, f.message]);
    assert.deepEqual(fromCli, engine);
  });
});

describe('config: the JSON Schema editors validate it with', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'mlsystem-review.config.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    definitions: { rules: { properties: Record<string, unknown> }; check: { properties: Record<string, unknown> } };
  };

  it('names the same rules, settings and check fields as the review reads', () => {
    assert.deepEqual(Object.keys(schema.definitions.rules.properties), [...RULE_IDS]);
    assert.deepEqual(Object.keys(schema.definitions.check.properties), [...CHECK_FIELDS]);
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema'), ['extends', 'rules', 'files', 'overrides', 'checks']);
  });

  it('accepts the example policy pack and its configuration, and rejects what the review rejects', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const file of ['regulated-lending/policy.yaml', 'designs/.mlsystem-review.yaml']) {
      assert.equal(validate(parseYaml(readFileSync(join(examples, file), 'utf8'))), true, `${file}: ${JSON.stringify(validate.errors)}`);
    }
    for (const bad of [{ colour: 'red' }, { checks: { fairness: { require: ['x'] } } }, { checks: { 'acme/x': { given: 'name' } } }, { rules: { 'no-such-rule': 'off' } }]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.notDeepEqual(validateConfig(bad, 'x').problems, [], JSON.stringify(bad));
    }
  });
});

describe('config: completion and hover in a YAML configuration file, from the same schema', () => {
  const complete = (textWithCursor: string): string[] => {
    const cursor = cursorContext(textWithCursor.replace('|', ''), textWithCursor.indexOf('|'));
    assert.ok(cursor);
    return completionEntries(cursor, CONFIG_SCHEMA).map((e) => e.label);
  };

  it('offers the top-level settings, a check\'s fields, and rule levels', () => {
    assert.deepEqual(complete('|').sort(), ['$schema', 'checks', 'extends', 'files', 'overrides', 'rules']);
    const fields = complete('checks:\n  acme/fairness:\n    given: framing[*]\n    |');
    for (const field of ['require', 'forbid', 'answered', 'pattern', 'enum', 'min_items', 'max_items', 'max_length', 'where', 'severity']) assert.ok(fields.includes(field), field);
    assert.ok(!fields.includes('given'), 'a key already there is not offered again');
    assert.deepEqual(complete('rules:\n  no-stakeholders: |'), ['off', 'info', 'warning', 'error']);
  });

  it('describes a check field on hover', () => {
    const text = 'checks:\n  acme/x:\n    pattern: "^a"\n';
    const at = nodeAt(text, text.indexOf('pattern') + 2)!;
    assert.match(hoverMarkdown(at.path, at.onKey, at.value, CONFIG_SCHEMA) ?? '', /linear time/);
  });
});
