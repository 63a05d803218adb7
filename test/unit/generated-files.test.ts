/**
 * The committed files that restate the rule registry (the `mlsystem.rules` settings and
 * their text in package.nls.json, the waiver `rule` examples in the schema, the README's
 * rule table) say what the registry says: regenerated in memory, they equal what is
 * committed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/engine';
import { RULE_REGISTRY_FILES, renderRuleRegistryFiles, ruleEntries } from '../../scripts/generate/generate-rule-registry.mjs';

const root = join(__dirname, '..', '..');
const committed = Object.fromEntries(RULE_REGISTRY_FILES.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
const generated = renderRuleRegistryFiles(ruleEntries(RULES), committed);

describe('files generated from the rule registry', () => {
  for (const file of RULE_REGISTRY_FILES) {
    it(`${file} is up to date (else run \`npm run build\` and commit ${file})`, () => {
      assert.equal(committed[file], generated[file]);
    });
  }

  it('offers a severity setting for every rule, in the registry\'s order', () => {
    const settings = JSON.parse(generated['package.json']).contributes.configuration.properties['mlsystem.rules'].properties;
    assert.deepEqual(Object.keys(settings), RULES.map((r) => r.id));
  });

  it('lists every rule in the README with its default severity', () => {
    for (const r of RULES) assert.ok(generated['README.md'].includes(`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} |`), r.id);
  });

  it('writes each rule\'s severity setting as %keys% whose English is in package.nls.json, and keeps the hand-written keys', () => {
    const nls = JSON.parse(committed['package.nls.json']);
    const current = { ...committed, 'package.nls.json': JSON.stringify({ ...nls, 'configuration.rules.rule.retired-rule': 'A rule no longer in the registry.', 'extra.hand.written': 'Kept.' }) };
    const next = JSON.parse(renderRuleRegistryFiles(ruleEntries(RULES), current)['package.nls.json']);
    assert.equal(next['extra.hand.written'], 'Kept.');
    assert.ok(!('configuration.rules.rule.retired-rule' in next), 'a rule that is gone loses its text');
    const keys = Object.keys(next);
    const anchor = keys.indexOf('configuration.rules.markdownDescription');
    assert.deepEqual(keys.slice(anchor + 1, anchor + 5 + RULES.length), [
      ...['off', 'info', 'warning', 'error'].map((s) => `configuration.rules.severity.${s}`),
      ...RULES.map((r) => `configuration.rules.rule.${r.id}`),
    ], 'the generated keys follow the setting\'s own description, in the registry\'s order');
    const setting = JSON.parse(generated['package.json']).contributes.configuration.properties['mlsystem.rules'].properties[RULES[0].id];
    assert.equal(setting.markdownDescription, `%configuration.rules.rule.${RULES[0].id}%`);
    assert.equal(next[setting.markdownDescription.slice(1, -1)], RULES[0].summary);
  });

  it('is stable: generating from generated files changes nothing', () => {
    assert.deepEqual(renderRuleRegistryFiles(ruleEntries(RULES), generated), generated);
  });
});
