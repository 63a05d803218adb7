/**
 * The review configuration every host reads the same way (docs/configuration.md): rule
 * severities, extra design-file patterns, `extends` (other configuration files and
 * packages), `overrides` by path, and a team's own `checks`.
 *
 * Validation never throws: it returns what is valid and the problems, each one line
 * naming the file and, for a check, the check. Finding and reading the files is
 * config-lookup.ts, over a reader the host injects.
 */
import type { DataPath, Range, Severity, SeveritySetting } from './basics';
import { CHECK_FIELDS, CHECK_KINDS, checkDefinitionProblems, isCheckId } from './checks';
import type { Check, CheckDefinition, CheckId, CheckValue } from './checks';
import { matchesPatterns } from './detect';
import { globProblem } from './glob';
import { Locator } from './locate';
import { parse } from './parse';
import { asRecord } from './read';
import { RULE_IDS, RULES } from './rules';
import type { RuleId } from './rules';
import type { ReviewOptions } from './types';

export const CONFIG_FILE_NAMES = ['.mlsystem-review.json', '.mlsystem-review.yaml', '.mlsystem-review.yml'] as const;

/** Whether a path (`/`-separated) names a configuration file. */
export function isConfigFileName(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1));
}

/** Severity per rule: built-in rule ids and check ids. */
export type RuleSettings = Partial<Record<RuleId | CheckId, SeveritySetting>>;

export interface ConfigOverride {
  /** Glob patterns, relative to the folder of the configuration file the review found. */
  files: string[];
  rules: RuleSettings;
}

/** One configuration: a file as written (validated), or several merged. */
export interface ReviewConfig {
  /** Other configurations this one builds on, in order, as written (resolved by config-lookup.ts). */
  extends?: string[];
  rules: RuleSettings;
  /** Extra glob patterns, relative to the folder of the configuration file the review found. */
  files: string[];
  overrides?: ConfigOverride[];
  checks?: Partial<Record<CheckId, CheckDefinition>>;
}

/** A one-line problem with a configuration; `error` problems make the configuration invalid. */
export interface ConfigProblem {
  /** The configuration file (as the host names it), or the settings' name. */
  file: string;
  /** The configuration file's path, as the host's reader knows it (for a diagnostic on it). */
  filePath?: string;
  message: string;
  severity: 'error' | 'warning';
  /** Where in the file's data the problem is, when it is about one entry. */
  path?: DataPath;
  /** Where in the file's text, when the file was read. */
  range?: Range;
}

/** The CLI's exit-2 error: one line naming the file and the problem. */
export class ConfigError extends Error {}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.file}: ${problem.message}`;
}

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'];
const SEVERITIES: readonly string[] = ['info', 'warning', 'error'];
const TOP_KEYS = ['extends', 'rules', 'files', 'overrides', 'checks'];
/** Most checks one configuration may define, and most overrides: limits, not style. */
export const MAX_CHECKS = 500;

export function emptyConfig(): ReviewConfig {
  return { rules: {}, files: [] };
}

const isScalar = (v: unknown): v is CheckValue => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const list = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** Checks plain configuration data (from a file or from editor settings): what is valid, and the problems. */
export function validateConfig(raw: unknown, source: string): { config: ReviewConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (message: string, path: DataPath = []): void => {
    problems.push({ file: source, message, severity: 'error', path });
  };
  const config = emptyConfig();
  if (raw === null || raw === undefined) return { config, problems };
  const root = asRecord(raw);
  if (!root) {
    problem('expected a mapping with "rules", "files", "extends", "overrides" or "checks"');
    return { config, problems };
  }
  for (const key of Object.keys(root)) {
    // `$schema` lets an editor find the JSON Schema of the file.
    if (!TOP_KEYS.includes(key) && key !== '$schema') problem(`unknown setting "${key}" (expected ${list(TOP_KEYS)})`, [key]);
  }
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(root, key) ? root[key] : undefined);

  const ext = own('extends');
  if (ext !== undefined && ext !== null) {
    const entries = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext : undefined;
    if (!entries || entries.some((e) => typeof e !== 'string' || !e.trim())) problem('"extends" must be a path or package name, or a list of them', ['extends']);
    else config.extends = entries as string[];
  }
  config.rules = validateRules(own('rules'), ['rules'], problem);
  const files = own('files');
  if (files !== undefined && files !== null) {
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string')) problem('"files" must be a list of glob patterns', ['files']);
    else config.files = usablePatterns(files as string[], ['files'], problem);
  }
  const overrides = own('overrides');
  if (overrides !== undefined && overrides !== null) {
    if (!Array.isArray(overrides)) problem('"overrides" must be a list of {files, rules}', ['overrides']);
    else config.overrides = overrides.flatMap((o, i) => validateOverride(o, ['overrides', i], problem));
  }
  const checks = own('checks');
  if (checks !== undefined && checks !== null) {
    const record = asRecord(checks);
    if (!record) problem('"checks" must map check ids (namespace/name) to checks', ['checks']);
    else {
      const ids = Object.keys(record);
      if (ids.length > MAX_CHECKS) problem(`"checks" defines ${ids.length} checks; at most ${MAX_CHECKS} are allowed`, ['checks']);
      config.checks = {};
      for (const id of ids.slice(0, MAX_CHECKS)) {
        const check = validateCheck(id, record[id], ['checks', id], problem);
        if (check) config.checks[id as CheckId] = check;
      }
    }
  }
  return { config, problems };
}

function validateRules(raw: unknown, at: DataPath, problem: (message: string, path?: DataPath) => void): RuleSettings {
  const out: RuleSettings = {};
  if (raw === undefined || raw === null) return out;
  const rules = asRecord(raw);
  if (!rules) {
    problem('"rules" must map rule ids to off, info, warning or error', at);
    return out;
  }
  for (const [id, level] of Object.entries(rules)) {
    if (!(RULE_IDS as readonly string[]).includes(id) && !isCheckId(id)) problem(`unknown rule "${id}"`, [...at, id]);
    else if (typeof level !== 'string' || !LEVELS.includes(level)) problem(`rule "${id}" must be off, info, warning or error`, [...at, id]);
    else out[id as RuleId] = level as SeveritySetting;
  }
  return out;
}

function validateOverride(raw: unknown, at: DataPath, problem: (message: string, path?: DataPath) => void): ConfigOverride[] {
  const entry = asRecord(raw);
  if (!entry) {
    problem('each entry of "overrides" must be a mapping with "files" and "rules"', at);
    return [];
  }
  for (const key of Object.keys(entry)) if (key !== 'files' && key !== 'rules') problem(`unknown setting "${key}" in an override (expected "files" and "rules")`, [...at, key]);
  const files = entry.files;
  if (!Array.isArray(files) || !files.length || files.some((f) => typeof f !== 'string' || !f)) {
    problem('an override needs "files": a list of glob patterns, relative to the configuration file', [...at, 'files']);
    return [];
  }
  return [{ files: usablePatterns(files as string[], [...at, 'files'], problem), rules: validateRules(entry.rules, [...at, 'rules'], problem) }];
}

function validateCheck(id: string, raw: unknown, at: DataPath, report: (message: string, path?: DataPath) => void): CheckDefinition | undefined {
  const problem = (message: string, field?: string): void => report(`check "${id}": ${message}`, field ? [...at, field] : at);
  if ((RULE_IDS as readonly string[]).includes(id)) {
    problem(`the id clashes with the built-in rule "${id}": name a check namespace/name, such as "acme/${id}"`);
    return undefined;
  }
  if (!isCheckId(id)) {
    problem(id.includes('/') ? 'an id is namespace/name in lower case letters, digits and dashes, such as "acme/fairness"' : `the id needs a namespace: write it as namespace/name, such as "acme/${id}"`);
    return undefined;
  }
  const entry = asRecord(raw);
  if (!entry) {
    problem('a check is a mapping with "given" and one of the kinds ' + CHECK_KINDS.join(', '));
    return undefined;
  }
  let failures = 0;
  const fail = (message: string, field?: string): void => {
    failures++;
    problem(message, field);
  };
  for (const key of Object.keys(entry)) if (!(CHECK_FIELDS as readonly string[]).includes(key)) fail(`unknown field "${key}" (expected ${list(CHECK_FIELDS)})`, key);
  const check: CheckDefinition = { severity: 'warning' };
  const field = (key: string): unknown => (Object.prototype.hasOwnProperty.call(entry, key) ? entry[key] : undefined);
  // Each reader returns the field when it is valid, and reports it otherwise.
  const text = (key: 'message' | 'docs' | 'given' | 'pattern'): string | undefined => {
    const v = field(key);
    if (v === undefined || (typeof v === 'string' && v.trim())) return v as string | undefined;
    fail(`"${key}" must be text`, key);
    return undefined;
  };
  const count = (key: 'min_items' | 'max_items' | 'max_length'): number | undefined => {
    const v = field(key);
    if (v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0)) return v as number | undefined;
    fail(`"${key}" must be a whole number, 0 or more`, key);
    return undefined;
  };
  const keys = (key: 'require' | 'forbid'): string[] | undefined => {
    const v = field(key);
    if (v === undefined) return undefined;
    const values = typeof v === 'string' ? [v] : v;
    if (Array.isArray(values) && values.length && values.every((k) => typeof k === 'string' && k)) return values as string[];
    fail(`"${key}" must be a list of keys`, key);
    return undefined;
  };

  const severity = field('severity');
  if (severity !== undefined) {
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) fail('"severity" must be info, warning or error', 'severity');
    else check.severity = severity as Severity;
  }
  check.message = text('message');
  const docs = text('docs');
  // A link a diagnostic opens: web pages only, never a command or a local file.
  if (docs !== undefined && !/^https?:\/\/[^\s]+$/i.test(docs)) fail('"docs" must be an http(s) link', 'docs');
  else check.docs = docs;
  check.given = text('given');
  const where = field('where');
  if (where !== undefined) {
    const record = asRecord(where);
    if (!record || Object.values(record).some((v) => !isScalar(v) && !(Array.isArray(v) && v.length && v.every(isScalar)))) {
      fail('"where" must map fields to a value or a list of values', 'where');
    } else check.where = record as Record<string, CheckValue | CheckValue[]>;
  }
  check.require = keys('require');
  check.forbid = keys('forbid');
  const answered = field('answered');
  if (answered !== undefined) {
    if (answered !== true) fail('"answered" must be true (or left out)', 'answered');
    else check.answered = true;
  }
  check.pattern = text('pattern');
  const allowed = field('enum');
  if (allowed !== undefined) {
    if (!Array.isArray(allowed) || !allowed.length || !allowed.every(isScalar)) fail('"enum" must be a list of allowed values', 'enum');
    else check.enum = allowed as CheckValue[];
  }
  check.min_items = count('min_items');
  check.max_items = count('max_items');
  check.max_length = count('max_length');
  if (check.min_items !== undefined && check.max_items !== undefined && check.min_items > check.max_items) fail('"min_items" is larger than "max_items"', 'min_items');
  if (check.answered && check.given === undefined) fail('"answered" asks about the value at "given": give a path', 'answered');
  if (!CHECK_KINDS.some((k) => field(k) !== undefined)) fail(`no kind: give one of ${CHECK_KINDS.join(', ')}`);
  for (const p of checkDefinitionProblems(check)) fail(p.message, p.field);
  for (const key of Object.keys(check) as (keyof CheckDefinition)[]) if (check[key] === undefined) delete check[key];
  return failures ? undefined : check;
}

/**
 * Parses a configuration file's text (JSON or YAML by its name; a BOM is ignored) and
 * validates it. Problems carry ranges in the text. YAML warnings (an unknown tag) are
 * one `warning` problem, never printed by the parser.
 */
export function parseConfigText(text: string, fileName: string): { config: ReviewConfig; problems: ConfigProblem[]; ranges: (path: DataPath) => Range | undefined } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = /\.json$/i.test(fileName);
  const parsed = parse(body);
  const loc = new Locator(parsed.doc, parsed.lines);
  const ranges = (path: DataPath): Range | undefined => (parsed.doc ? loc.subjectRange(path) ?? loc.missingRange(path) : undefined);
  let raw: unknown;
  if (json) {
    try {
      raw = JSON.parse(body);
    } catch (e) {
      return { config: emptyConfig(), problems: [{ file: fileName, message: `not valid JSON: ${(e as Error).message.split('\n')[0]}`, severity: 'error', range: loc.firstKeyRange() }], ranges };
    }
  } else if (parsed.errors.length) {
    const first = parsed.errors[0];
    return { config: emptyConfig(), problems: [{ file: fileName, message: `not valid YAML: ${first.message}`, severity: 'error', range: first.range }], ranges };
  } else {
    raw = parsed.data;
  }
  const { config, problems } = validateConfig(raw, fileName);
  const warning = json ? undefined : parsed.doc?.warnings[0];
  if (warning) {
    problems.push({ file: fileName, severity: 'warning', message: `${warning.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim()} (read as plain text)`, range: parsed.lines.range(warning.pos[0], warning.pos[1]) });
  }
  for (const p of problems) if (p.path && !p.range) p.range = ranges(p.path);
  return { config, problems, ranges };
}

/** The patterns the matcher can use; each other one is a problem (too long, or a form it does not support). */
function usablePatterns(patterns: string[], at: DataPath, problem: (message: string, path?: DataPath) => void): string[] {
  return patterns.filter((pattern, i) => {
    const why = globProblem(pattern);
    if (why) problem(`the pattern ${JSON.stringify(pattern)} in "files" ${why}`, [...at, i]);
    return why === undefined;
  });
}

/** Later configurations win rule by rule and replace checks of the same id; patterns and overrides add up. */
export function mergeConfigs(...configs: ReviewConfig[]): ReviewConfig {
  const out: ReviewConfig = emptyConfig();
  for (const c of configs) {
    out.rules = { ...out.rules, ...c.rules };
    out.files = [...out.files, ...c.files];
    if (c.overrides?.length) out.overrides = [...(out.overrides ?? []), ...c.overrides];
    if (c.checks) out.checks = { ...out.checks, ...c.checks };
  }
  return out;
}

/** Rule ids that a configuration sets but no check defines (a check id with no check). */
export function undefinedCheckIds(config: ReviewConfig): string[] {
  const named = [...Object.keys(config.rules), ...(config.overrides ?? []).flatMap((o) => Object.keys(o.rules))];
  return [...new Set(named.filter((id) => isCheckId(id) && !config.checks?.[id as CheckId]))];
}

/**
 * What one design is reviewed with: the rules after the overrides whose patterns match
 * `relativePath` (relative to the configuration's folder, `/`-separated), and the checks.
 */
export function optionsFor(config: ReviewConfig, relativePath: string | undefined): { rules: RuleSettings; checks: Check[] } {
  let rules = { ...config.rules };
  if (relativePath !== undefined) {
    for (const o of config.overrides ?? []) if (matchesPatterns(relativePath, o.files)) rules = { ...rules, ...o.rules };
  }
  const checks = Object.entries(config.checks ?? {}).map(([id, def]) => ({ id: id as CheckId, ...def! }));
  return { rules, checks };
}

/** The effective configuration for one design, as `--print-config` shows it. */
export function printableConfig(config: ReviewConfig, options: Pick<ReviewOptions, 'rules' | 'checks'>, sources: readonly string[]): object {
  const rules = options.rules ?? {};
  return {
    configFiles: sources,
    files: config.files,
    rules: Object.fromEntries([...RULES.map((r) => [r.id, rules[r.id] ?? r.severity]), ...(options.checks ?? []).map((c) => [c.id, rules[c.id] ?? c.severity])]),
    checks: Object.fromEntries((options.checks ?? []).map(({ id, ...def }) => [id, { ...def, severity: rules[id] ?? def.severity }])),
  };
}
