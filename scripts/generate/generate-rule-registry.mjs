// Writes what the rule registry (src/engine/rules/index.ts) decides into the committed
// files that must repeat it: the `mlsystem.rules` settings in package.json (their English
// text in package.nls.json, which package.json names by `%key%`), the waiver
// `rule` examples in schemas/mlsystem.schema.json, the rules a configuration file may set in
// schemas/mlsystem-review.config.schema.json and the rule table in README.md.
// Deterministic (same registry, same bytes) and writes only files whose text changes;
// test/unit/generated-files.test.ts fails when a committed file has drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

/** The committed files this generator owns, relative to the repository root. */
export const RULE_REGISTRY_FILES = ['package.json', 'package.nls.json', 'schemas/mlsystem.schema.json', 'schemas/mlsystem-review.config.schema.json', 'README.md'];

const README_START = '<!-- rules:start (generated from the rule registry by `npm run build`) -->';
const README_END = '<!-- rules:end -->';

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const SEVERITY_TEXT = { off: 'Do not report this rule.', info: 'Report as information.', warning: 'Report as a warning.', error: 'Report as an error.' };

// The configuration file's schema is not localized: it says the English text itself.
const SEVERITY_SETTING = {
  type: 'string',
  enum: SEVERITIES,
  enumDescriptions: SEVERITIES.map((s) => SEVERITY_TEXT[s]),
};

/** The package.nls.json keys this generator owns (the rest is written by hand). */
const NLS_ANCHOR = 'configuration.rules.markdownDescription';
const severityKey = (severity) => `configuration.rules.severity.${severity}`;
const ruleKey = (id) => `configuration.rules.rule.${id}`;
const isGeneratedKey = (key) => /^configuration\.rules\.(severity|rule)\./.test(key);

function packageJson(text, rules) {
  const pkg = JSON.parse(text);
  const setting = pkg.contributes?.configuration?.properties?.['mlsystem.rules'];
  if (!setting) throw new Error('package.json: contributes.configuration.properties["mlsystem.rules"] not found');
  setting.properties = Object.fromEntries(rules.map((r) => [r.id, {
    type: 'string',
    enum: SEVERITIES,
    enumDescriptions: SEVERITIES.map((s) => `%${severityKey(s)}%`),
    markdownDescription: `%${ruleKey(r.id)}%`,
  }]));
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The English text of the generated `%key%`s, in place of the previous ones, right after the rules setting's own description. */
function packageNlsJson(text, rules) {
  const nls = JSON.parse(text);
  if (!(NLS_ANCHOR in nls)) throw new Error(`package.nls.json: the key ${NLS_ANCHOR} is missing (the generated keys follow it)`);
  const generated = [
    ...SEVERITIES.map((s) => [severityKey(s), SEVERITY_TEXT[s]]),
    ...rules.map((r) => [ruleKey(r.id), r.summary]),
  ];
  const out = [];
  for (const [key, value] of Object.entries(nls)) {
    if (isGeneratedKey(key)) continue;
    out.push([key, value]);
    if (key === NLS_ANCHOR) out.push(...generated);
  }
  return `${JSON.stringify(Object.fromEntries(out), null, 2)}\n`;
}

/** The configuration file's schema: the built-in rules its `rules` may name (checks match its pattern). */
function configSchemaJson(text, rules) {
  const schema = JSON.parse(text);
  const setting = schema.definitions?.rules;
  if (!setting) throw new Error('schemas/mlsystem-review.config.schema.json: definitions.rules not found');
  setting.properties = Object.fromEntries(rules.map((r) => [r.id, SEVERITY_SETTING]));
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The schema is formatted by hand, so only the examples' array is rewritten in place. */
function schemaJson(text, rules) {
  const waiver = text.indexOf('"waiver": {');
  const rule = waiver < 0 ? -1 : text.indexOf('"rule": {', waiver);
  const start = rule < 0 ? -1 : text.indexOf('"examples": [', rule);
  const end = start < 0 ? -1 : text.indexOf(']', start);
  if (end < 0) throw new Error('schemas/mlsystem.schema.json: definitions.waiver.properties.rule.examples not found');
  const examples = rules.filter((r) => r.waivable).map((r) => r.id);
  const out = `${text.slice(0, start)}"examples": [${examples.map((id) => JSON.stringify(id)).join(', ')}${text.slice(end)}`;
  if (JSON.stringify(JSON.parse(out).definitions.waiver.properties.rule.examples) !== JSON.stringify(examples)) {
    throw new Error('schemas/mlsystem.schema.json: the waiver rule examples are not where the generator writes them');
  }
  return out;
}

function readme(text, rules) {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END, start);
  if (start < 0 || end < 0) throw new Error(`README.md: the rule table markers ${README_START} ... ${README_END} are missing`);
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.summary} |`);
  const table = ['| rule | default | checks |', '|---|---|---|', ...rows].join('\n');
  return `${text.slice(0, start)}${README_START}\n${table}\n${text.slice(end)}`;
}

/**
 * The generated files' text for a registry (each rule: id, severity, summary, waivable),
 * from their current text: returns a map from path (as in RULE_REGISTRY_FILES) to text.
 */
export function renderRuleRegistryFiles(rules, current) {
  return {
    'package.json': packageJson(current['package.json'], rules),
    'package.nls.json': packageNlsJson(current['package.nls.json'], rules),
    'schemas/mlsystem.schema.json': schemaJson(current['schemas/mlsystem.schema.json'], rules),
    'schemas/mlsystem-review.config.schema.json': configSchemaJson(current['schemas/mlsystem-review.config.schema.json'], rules),
    'README.md': readme(current['README.md'], rules),
  };
}

/** What the generated files say of each rule in the registry. */
export function ruleEntries(rules) {
  return rules.map((r) => ({ id: r.id, severity: r.severity, summary: r.summary, waivable: r.waivable !== false }));
}

/** The registry as plain data, read by bundling the engine's rules in memory (they are TypeScript). */
async function loadRegistry(root) {
  const result = await build({
    stdin: {
      contents: "export { RULES } from './src/engine/rules';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(path.join(root, 'package.json')));
  return ruleEntries(module.exports.RULES);
}

export async function generate(root) {
  const rules = await loadRegistry(root);
  const current = Object.fromEntries(RULE_REGISTRY_FILES.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  const next = renderRuleRegistryFiles(rules, current);
  for (const file of RULE_REGISTRY_FILES) {
    if (next[file] !== current[file]) {
      writeFileSync(path.join(root, file), next[file]);
      console.log(`build: regenerated ${file} from the rule registry`);
    }
  }
}
