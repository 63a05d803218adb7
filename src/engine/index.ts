/** The engine's public API: what the CLI, the editor, the webview and the tests import. */
export * from './types';
export { review, todayUtc } from './review';
export { applyEdits } from './edits';
export { LIMITS } from './parse';
export { RULES, RULES_BY_ID } from './rules';
export { ruleDocsUrl } from './rule';
export type { Rule } from './rule';
export { STAGE_LABELS, PILLAR_LABELS, stageOf } from './lifecycle';
export { isDesignDocument, isDesignFileName, isYamlFileName, hasDesignKey, matchesPatterns } from './detect';
export { CONFIG_FILE_NAMES, ConfigError, parseConfig, validateConfig, mergeConfigs } from './config';
export type { ReviewConfig } from './config';
export { fixAll, safeFix } from './fix-all';
export type { FixAllResult } from './fix-all';
export { describePath, keysAt, knownKeyNames, MLSYSTEM_SCHEMA } from './schema';
/** The `yaml` package itself, so host bundles share the engine's copy instead of carrying their own. */
export * as yamlApi from 'yaml';
