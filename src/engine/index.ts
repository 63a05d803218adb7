/** The engine's public API: what the CLI, the editor, the webview and the tests import. */
export * from './types';
export { review, reviewBytes, todayUtc } from './review';
export type { BytesReview } from './review';
export { decodeText, MAX_DESIGN_BYTES } from './decode';
export type { DecodedText } from './decode';
export { applyEdits } from './edits';
export { LIMITS } from './parse';
export { findingDocsUrl, isWaivable, RULE_IDS, RULES, RULES_BY_ID, ruleDocsUrl } from './rules';
export type { RegisteredRule as Rule } from './rules';
export { PILLAR_LABELS, STAGE_LABELS, STATUS_TEXT } from './vocabulary';
export { stageOf } from './lifecycle';
export { countBySeverity, listWords, plural } from './wording';
export { DETECTION_BYTES, designNameOf, isDesignDocument, isDesignFileName, isYamlFileName, hasDesignKey, matchesPatterns } from './detect';
export { LineIndex } from './locate';
export { CONFIG_FILE_NAMES, ConfigError, emptyConfig, isConfigFileName, formatProblem, mergeConfigs, optionsFor, parseConfigText, printableConfig, validateConfig } from './config';
export type { ConfigOverride, ConfigProblem, ReviewConfig, RuleSettings } from './config';
export { AsyncConfigLookup, ConfigLookup, dirname as configDirname, firstError, loadConfig, MAX_EXTENDS_DEPTH, PACKAGE_CONFIG_FIELD } from './config-lookup';
export type { AsyncConfigReader, ConfigReader, DesignConfig, LoadedConfig, LookupOptions } from './config-lookup';
export { CHECK_KINDS, isCheckId } from './checks';
export type { Check, CheckDefinition, CheckId } from './checks';
export { compilePattern, patternProblem } from './linear-pattern';
export { compileGlob, globProblem, isGlob, matchesAnyGlob, splitGlobBase, MAX_GLOB_LENGTH } from './glob';
export { fixAll, safeFix } from './fix-all';
export { waiverTargets } from './waivers';
export type { FixAllResult } from './fix-all';
export { CONFIG_SCHEMA, describePath, keysAt, keysWithSchemas, knownKeyNames, MLSYSTEM_SCHEMA, typesOf, valuesAt, valuesOf } from './schema-navigator';
export type { JsonSchema, SchemaKey, SchemaValue } from './schema-navigator';
/** The `yaml` package itself, so host bundles share the engine's copy instead of carrying their own. */
export * as yamlApi from 'yaml';
/** Read by the renderers, which the editor host bundles against this index (scripts/build.mjs, shared engine). */
export { asRecord } from './read';
export { daysInWords } from './duration';
export { isPlaceholder } from './placeholder';
export { SECTION_QUESTIONS } from './readiness';
export { SECTION_IDS, SECTION_LABELS } from './vocabulary';
