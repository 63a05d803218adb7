/**
 * The review configuration both hosts read the same way: rule severities and extra
 * design-file patterns. The CLI finds `.mlsystem-review.json|yaml|yml` up the folder tree
 * (nearest wins); the editor merges its `mlsystem.*` settings over the same file.
 */
import { parse as parseYaml } from 'yaml';
import type { SeveritySetting } from './basics';
import { RULE_IDS } from './rules';
import type { RuleId } from './rules';

export const CONFIG_FILE_NAMES = ['.mlsystem-review.json', '.mlsystem-review.yaml', '.mlsystem-review.yml'] as const;

export interface ReviewConfig {
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra glob patterns, relative to the config file's folder. */
  files: string[];
}

export class ConfigError extends Error {}

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'];

/** Parse a config file's text; throws ConfigError with a one-line, user-facing message. */
export function parseConfig(text: string, fileName: string): ReviewConfig {
  let raw: unknown;
  try {
    raw = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${fileName}: not valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  return validateConfig(raw ?? {}, fileName);
}

/** Check plain config data (from a file or from editor settings). */
export function validateConfig(raw: unknown, source: string): ReviewConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${source}: expected a mapping with "rules" and "files"`);
  const { rules = {}, files = [], ...rest } = raw as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new ConfigError(`${source}: unknown setting "${unknown[0]}" (expected "rules" or "files")`);
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new ConfigError(`${source}: "rules" must map rule ids to off, info, warning or error`);
  const out: ReviewConfig = { rules: {}, files: [] };
  for (const [id, level] of Object.entries(rules)) {
    if (!(RULE_IDS as readonly string[]).includes(id)) throw new ConfigError(`${source}: unknown rule "${id}"`);
    if (typeof level !== 'string' || !LEVELS.includes(level)) throw new ConfigError(`${source}: rule "${id}" must be off, info, warning or error`);
    out.rules[id as RuleId] = level as SeveritySetting;
  }
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string')) throw new ConfigError(`${source}: "files" must be a list of glob patterns`);
  out.files = files as string[];
  return out;
}

/** Later configs win rule by rule; patterns add up. */
export function mergeConfigs(...configs: ReviewConfig[]): ReviewConfig {
  return configs.reduce<ReviewConfig>((acc, c) => ({ rules: { ...acc.rules, ...c.rules }, files: [...acc.files, ...c.files] }), { rules: {}, files: [] });
}
