/**
 * A team's own checks (`checks:` in the configuration): data, never code. Each check
 * selects values with a path (`given`), optionally only where some fields have given
 * values (`where`), and asks one question of each: keys required or forbidden, answered,
 * matching a pattern, one of a list, a number of items, a length.
 *
 * A check's findings are findings like a built-in rule's: its id is the rule id, and they
 * are placed as the built-in rules place theirs (a missing key on the key of the mapping
 * that should hold it, a list item on its first line, a wrong value on the value).
 */
import { compilePattern, PatternError } from './linear-pattern';
import type { LinearPattern } from './linear-pattern';
import type { Anchor, DataPath, RuleFinding, Severity } from './basics';
import { isPlaceholder } from './placeholder';
import { asRecord, isFilled } from './read';
import type { Rule } from './rule';
import { excerpt, listWords, plural } from './wording';

/** A check's id: `namespace/name`, so it can never be taken for a built-in rule. */
export type CheckId = `${string}/${string}`;
export const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isCheckId(id: string): id is CheckId {
  return CHECK_ID.test(id);
}

export type CheckValue = string | number | boolean | null;

/** What one kind of question a check asks; at least one per check. */
export const CHECK_KINDS = ['require', 'forbid', 'answered', 'pattern', 'enum', 'min_items', 'max_items', 'max_length'] as const;
export const CHECK_FIELDS = ['severity', 'message', 'docs', 'given', 'where', ...CHECK_KINDS] as const;

/** A check as written in a configuration file, validated. */
export interface CheckDefinition {
  /** Default `warning`; `rules` and `overrides` may change it like any rule's. */
  severity: Severity;
  message?: string;
  docs?: string;
  /** Path to the values the check asks about; the whole document when absent. */
  given?: string;
  where?: Record<string, CheckValue | CheckValue[]>;
  require?: string[];
  forbid?: string[];
  answered?: boolean;
  pattern?: string;
  enum?: CheckValue[];
  min_items?: number;
  max_items?: number;
  max_length?: number;
}

/** A check as the review runs it: its id and its definition. */
export interface Check extends CheckDefinition {
  id: CheckId;
}

/** One step of a path: a key, every item (`[*]`), or the item with an id or index (`[id]`). */
export type PathStep = { key: string } | { each: true } | { item: string };

export class CheckPathError extends Error {}

/**
 * Parses `framing[*].metrics[fraud].name`: keys separated by dots, each followed by any
 * number of `[*]` or `[id]`. A leading `$.` (or `$` alone) names the document's root,
 * for `where` fields outside the value `given` selects.
 */
export function parseCheckPath(text: string): { root: boolean; steps: PathStep[] } {
  let rest = text.trim();
  const root = rest === '$' || rest.startsWith('$.') || rest.startsWith('$[');
  if (root) rest = rest.slice(rest.startsWith('$.') ? 2 : 1);
  const steps: PathStep[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new CheckPathError(`the path "${text}" ${why}`);
  };
  while (i < rest.length) {
    const key = /^[^.[\]]*/.exec(rest.slice(i))![0];
    if (key.trim() !== key) fail('has spaces around a key');
    i += key.length;
    if (key) steps.push({ key });
    else if (rest[i] !== '[' || (steps.length === 0 && !root && i > 0)) fail('has an empty key');
    while (rest[i] === '[') {
      const close = rest.indexOf(']', i);
      if (close < 0) fail('has an unclosed "["');
      const selector = rest.slice(i + 1, close).trim();
      if (!selector) fail('has an empty "[]": write [*] or [id]');
      steps.push(selector === '*' ? { each: true } : { item: selector });
      i = close + 1;
    }
    if (i < rest.length) {
      if (rest[i] !== '.') fail(`has "${rest[i]}" where a "." or "[" belongs`);
      i++;
      if (i === rest.length) fail('ends with "."');
    }
  }
  return { root, steps };
}

const own = (record: Record<string, unknown>, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

export interface Selected {
  path: DataPath;
  value: unknown;
}

/** Every value a path reaches from `start` (at `base`). A path that reaches nothing gives nothing. */
export function selectPath(start: unknown, base: DataPath, steps: readonly PathStep[]): Selected[] {
  let current: Selected[] = [{ path: base, value: start }];
  for (const step of steps) {
    const next: Selected[] = [];
    for (const { path, value } of current) {
      if ('key' in step) {
        const record = asRecord(value);
        if (record && own(record, step.key)) next.push({ path: [...path, step.key], value: record[step.key] });
      } else if (Array.isArray(value)) {
        if ('each' in step) value.forEach((v, i) => next.push({ path: [...path, i], value: v }));
        else {
          // As waiver targets name items: by `id`, else by index.
          let index = value.findIndex((v) => { const id = asRecord(v)?.id; return (typeof id === 'string' || typeof id === 'number') && String(id) === step.item; });
          if (index < 0 && /^\d+$/.test(step.item) && Number(step.item) < value.length) index = Number(step.item);
          if (index >= 0) next.push({ path: [...path, index], value: value[index] });
        }
      } else if ('each' in step) {
        const record = asRecord(value);
        if (record) for (const key of Object.keys(record)) next.push({ path: [...path, key], value: record[key] });
      }
    }
    current = next;
  }
  return current;
}

/** What a check found, before the review places it and names its rule. */
export interface CheckFinding {
  message: string;
  path: DataPath;
  /** Where on `path` it is shown, as the built-in rules' findings are. */
  at: Anchor;
}

/** A value that answers: filled and not a placeholder. */
function isAnswered(value: unknown): boolean {
  return isFilled(value) && !isPlaceholder(value);
}

function sameValue(actual: unknown, expected: CheckValue | CheckValue[]): boolean {
  return Array.isArray(expected) ? expected.some((e) => e === actual) : expected === actual;
}

function quoted(value: unknown): string {
  return `\`${excerpt(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value))}\``;
}

/** A compiled check: its paths parsed and its pattern compiled once. */
interface CompiledCheck {
  check: Check;
  given: PathStep[];
  where: Array<{ root: boolean; steps: PathStep[]; expected: CheckValue | CheckValue[] }>;
  pattern?: LinearPattern;
}

const compiled = new Map<string, CompiledCheck>();
const MAX_COMPILED = 512;

/** Throws CheckPathError or PatternError when the check cannot be run (validation reports these first). */
export function compileCheck(check: Check): CompiledCheck {
  const key = JSON.stringify(check);
  let found = compiled.get(key);
  if (!found) {
    const given = parseCheckPath(check.given ?? '$');
    found = {
      check,
      given: given.steps,
      where: Object.entries(check.where ?? {}).map(([path, expected]) => ({ ...parseCheckPath(path), expected })),
      pattern: check.pattern === undefined ? undefined : compilePattern(check.pattern),
    };
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}

/** Why a check's paths or pattern cannot be used, as problems keyed by field; empty when they can. */
export function checkDefinitionProblems(check: CheckDefinition): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const tryPath = (field: string, path: string): void => {
    try {
      parseCheckPath(path);
    } catch (e) {
      if (e instanceof CheckPathError) problems.push({ field, message: e.message });
      else throw e;
    }
  };
  if (check.given !== undefined) tryPath('given', check.given);
  for (const path of Object.keys(check.where ?? {})) tryPath('where', path);
  if (check.pattern !== undefined) {
    try {
      compilePattern(check.pattern);
    } catch (e) {
      if (e instanceof PatternError) problems.push({ field: 'pattern', message: `the pattern ${JSON.stringify(check.pattern)} ${e.message}` });
      else throw e;
    }
  }
  return problems;
}

/**
 * Runs one check over the design's data. `name` turns a data path into the name a
 * message shows (the waiver target of that path).
 */
export function runCheck(check: Check, data: unknown, name: (path: DataPath) => string): CheckFinding[] {
  const { given, where, pattern } = compileCheck(check);
  const findings: CheckFinding[] = [];
  const report = (path: DataPath, at: CheckFinding['at'], detail: string): void => {
    findings.push({ path, at, message: check.message ? `${check.message.trim()} ${detail}` : detail });
  };
  const applies = ({ path, value }: Selected): boolean =>
    where.every((w) => selectPath(w.root ? data : value, w.root ? [] : path, w.steps).some((s) => sameValue(s.value, w.expected)));
  const inPath = (path: DataPath): string => (path.length ? ` in \`${name(path)}\`` : '');

  // `answered` asks about the value at `given` itself, so a missing last key is a finding on its parent.
  if (check.answered) {
    const last = given[given.length - 1];
    const parents = last && 'key' in last ? selectPath(data, [], given.slice(0, -1)) : [];
    const targets = last && 'key' in last
      ? parents.filter((p) => p.value === null || asRecord(p.value)).map((p) => ({ path: [...p.path, last.key], value: asRecord(p.value)?.[last.key], present: Boolean(asRecord(p.value) && own(asRecord(p.value)!, last.key)) }))
      : selectPath(data, [], given).map((s) => ({ ...s, present: true }));
    for (const t of targets) {
      if (!applies(t)) continue;
      if (!t.present) report(t.path, 'missing', `\`${name(t.path)}\` is missing.`);
      else if (!isAnswered(t.value)) report(t.path, 'value', `\`${name(t.path)}\` is not answered yet.`);
    }
  }

  for (const selected of selectPath(data, [], given)) {
    if (!applies(selected)) continue;
    const { path, value } = selected;
    const record = asRecord(value);
    if (check.require && (record || value === null)) {
      for (const key of check.require) {
        const child = [...path, key];
        if (!record || !own(record, key)) report(child, 'missing', `\`${key}\` is missing${inPath(path)}.`);
        else if (!isAnswered(record[key])) report(child, 'value', `\`${name(child)}\` is not answered yet.`);
      }
    }
    if (check.forbid && record) {
      for (const key of check.forbid) if (own(record, key)) report([...path, key], 'key', `\`${name([...path, key])}\` must not be present.`);
    }
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    if (pattern && text !== undefined && !pattern.test(text)) {
      report(path, 'value', `${quoted(text)}${inPath(path)} does not match the pattern \`${check.pattern}\`.`);
    }
    if (check.enum && value !== undefined && !Array.isArray(value) && !record && !check.enum.some((e) => e === value)) {
      report(path, 'value', `${quoted(value)}${inPath(path)} is not one of ${listWords(check.enum.map(quoted), 'or')}.`);
    }
    if (check.min_items !== undefined || check.max_items !== undefined) {
      // A reference written as one id, the format's "one or a list", is one item.
      const count = Array.isArray(value) ? value.length : record ? Object.keys(record).length : value === null ? 0 : 1;
      if (check.min_items !== undefined && count < check.min_items) report(path, 'subject', `\`${name(path)}\` has ${plural(count, 'item')}; at least ${check.min_items} expected.`);
      if (check.max_items !== undefined && count > check.max_items) report(path, 'subject', `\`${name(path)}\` has ${plural(count, 'item')}; at most ${check.max_items} expected.`);
    }
    if (check.max_length !== undefined && typeof value === 'string') {
      const length = [...value].length;
      if (length > check.max_length) report(path, 'value', `\`${name(path)}\` is ${length} characters long; at most ${check.max_length} expected.`);
    }
  }
  return findings;
}

/** A check as the review's runner runs it: a rule like the built-in ones, with its own id and docs. */
export function checkRule(check: Check): Rule<CheckId> {
  return {
    id: check.id,
    severity: check.severity,
    summary: check.message ?? `The team's check \`${check.id}\`.`,
    docs: check.docs,
    check: (ctx): RuleFinding[] => runCheck(check, ctx.data, (path) => ctx.loc.target(path)),
  };
}
