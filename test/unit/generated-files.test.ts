/**
 * The committed files that restate the rule registry (the `mlsystem.rules` settings, the
 * waiver `rule` examples in the schema, the README's rule table) say what the registry
 * says: regenerated in memory, they equal what is committed.
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

  it('is stable: generating from generated files changes nothing', () => {
    assert.deepEqual(renderRuleRegistryFiles(ruleEntries(RULES), generated), generated);
  });
});
