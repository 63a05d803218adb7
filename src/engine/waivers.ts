/**
 * Waivers: accepted risks written in the document. A valid, unexpired waiver silences
 * findings of its rule at or under its target (everywhere when it has no target).
 */
import type { DataPath } from './basics';
import { isAlias, isMap, isScalar, isSeq, itemTargetName } from './locate';
import type { Locator } from './locate';
import { isPlaceholder } from './placeholder';
import { asArray, asRecord, asString } from './read';
import { knownKeyNames } from './schema-navigator';

export interface Waiver {
  /** Index in the document's `waivers` list. */
  index: number;
  rule?: string;
  target?: string;
  /** The target resolved to a data path; undefined when it names nothing. */
  targetPath?: DataPath;
  expires?: string;
  /** Why this waiver silences nothing by construction (bad rule or target, expired). */
  problem?: 'placeholder' | 'unknown-rule' | 'unknown-target' | 'expired';
}

export interface WaiverState {
  waivers: Waiver[];
  /** How many findings each waiver silenced, by waiver index. */
  silenced: Map<number, number>;
  /** Rules turned off by this review's settings: their waivers are not reported as unused. */
  off?: ReadonlySet<string>;
}

/** An ISO date as written in YAML: a string, or the Date the parser may make of it. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const s = asString(value);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}


/** How much of a dotted target exists: its longest existing prefix as a data path. */
export function existingPrefix(loc: Locator, parts: readonly string[]): { path: DataPath; length: number } {
  for (let n = parts.length; n > 0; n--) {
    const path = loc.resolveTarget(parts.slice(0, n).join('.'));
    if (path) return { path, length: n };
  }
  return { path: [], length: 0 };
}

/**
 * A waiver `target` as a data path. It may name a missing child of an existing mapping
 * (or of a missing section) when every missing segment is a key name the format knows:
 * `requirements.reliability` waives a missing pillar. Undefined when it names nothing.
 */
export function resolveWaiverTarget(loc: Locator, target: string): DataPath | undefined {
  const parts = target.split('.');
  const { path, length } = existingPrefix(loc, parts);
  if (length === parts.length) return path;
  const found = loc.node(path);
  // A section written as an alias (`lifecycle: *defaults`) holds what the alias names.
  const parent = isAlias(found) && loc.doc ? found.resolve(loc.doc) : found;
  // A mapping, nothing yet, or an empty placeholder (`[]`, `''`) where the section will go.
  const empty = (isSeq(parent) && parent.items.length === 0) || (isScalar(parent) && (parent.value === null || parent.value === ''));
  const canHoldKeys = isMap(parent) || parent === null || empty;
  const rest = parts.slice(length);
  const known = knownKeyNames();
  return canHoldKeys && rest.every((key) => known.has(key)) ? [...path, ...rest] : undefined;
}

/** The document's waivers, each with its problem if it can silence nothing; `ruleIds` are the rules a waiver may name. */
export function readWaivers(data: Record<string, unknown>, loc: Locator, today: string, ruleIds: readonly string[]): Waiver[] {
  return asArray(data.waivers).map((raw, index) => {
    const entry = asRecord(raw) ?? {};
    const waiver: Waiver = { index, rule: asString(entry.rule), target: asString(entry.target), expires: isoDate(entry.expires) };
    if (waiver.target !== undefined) waiver.targetPath = resolveWaiverTarget(loc, waiver.target);
    // A target that is not text (a list, a mapping) is a schema error; it must not widen the waiver to the whole file.
    const badTarget = waiver.target === undefined && entry.target !== undefined && entry.target !== null;
    // A placeholder rule or target is `unanswered` only: the waiver silences nothing meanwhile.
    if (isPlaceholder(waiver.rule) || isPlaceholder(waiver.target)) waiver.problem = 'placeholder';
    else if (!waiver.rule || !ruleIds.includes(waiver.rule)) waiver.problem = 'unknown-rule';
    else if (badTarget || (waiver.target !== undefined && !waiver.targetPath)) waiver.problem = 'unknown-target';
    else if (waiver.expires && waiver.expires < today) waiver.problem = 'expired';
    return waiver;
  });
}

/**
 * A target the waive fix may write: dotted segments of letters, digits, `-` and `_` (keys
 * and ids as people write them). A piece of a value cut by a comma (`auto) by 2028`) is
 * no name to write down; such a finding is waived through its parent.
 */
export function isWritableTarget(target: string): boolean {
  return target.split('.').every((segment) => /^[\p{L}\p{N}_-]+$/u.test(segment));
}

/** What a waiver compares: the finding's rule and data path. */
interface Silenceable {
  rule: string;
  path: DataPath;
  /** Missing keys under `path` the finding is about; a waiver may name one of them. */
  missing?: readonly string[];
}

/** Usable waivers by rule and target path: a finding looks up its path's prefixes, not every waiver. */
const indexes = new WeakMap<WaiverState, Map<string, Waiver>>();
const indexKey = (rule: string, path: DataPath): string => JSON.stringify([rule, ...path]);

function waiverIndex(state: WaiverState): Map<string, Waiver> {
  let index = indexes.get(state);
  if (!index) {
    index = new Map();
    for (const w of state.waivers) {
      if (w.problem || !w.rule) continue;
      const key = indexKey(w.rule, w.targetPath ?? []);
      // The first waiver in the list wins, as a scan in order would find it.
      if (!index.has(key)) index.set(key, w);
    }
    indexes.set(state, index);
  }
  return index;
}

/** The first waiver that silences `finding` (a waivable one: see isWaivable), counting it as used. */
export function waiverFor(state: WaiverState, finding: Silenceable): Waiver | undefined {
  // Time bounded by the finding's path, however many waivers the document holds.
  const index = waiverIndex(state);
  let waiver: Waiver | undefined;
  const consider = (path: DataPath): void => {
    const candidate = index.get(indexKey(finding.rule, path));
    if (candidate && (!waiver || candidate.index < waiver.index)) waiver = candidate;
  };
  for (let n = 0; n <= finding.path.length; n++) consider(finding.path.slice(0, n));
  for (const key of finding.missing ?? []) consider([...finding.path, key]);
  if (waiver) state.silenced.set(waiver.index, (state.silenced.get(waiver.index) ?? 0) + 1);
  return waiver;
}

/**
 * Every place a waiver `target` can name in the design (plain data), dotted and with list
 * items named as `Locator.target` names them; at most `limit`, five levels deep.
 */
export function waiverTargets(data: unknown, limit = 500): string[] {
  const out: string[] = [];
  const walk = (value: unknown, prefix: string, depth: number): void => {
    if (out.length >= limit || depth > 5) return;
    if (Array.isArray(value)) {
      const ids = value.map((item) => asString(asRecord(item)?.id));
      value.forEach((item, i) => {
        const id = ids[i];
        const target = `${prefix}.${itemTargetName(id, ids.filter((other) => other === id).length, i)}`;
        out.push(target);
        walk(item, target, depth + 1);
      });
    } else if (asRecord(value)) {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (!prefix && (key === 'waivers' || key === 'mlsystem')) continue;
        const target = prefix ? `${prefix}.${key}` : key;
        out.push(target);
        walk(child, target, depth + 1);
      }
    }
  };
  walk(data, '', 0);
  return out.slice(0, limit);
}
