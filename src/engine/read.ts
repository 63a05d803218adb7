/**
 * Reading the design as plain data, safely: every value may be anything the author wrote.
 * Rules, waivers, the lifecycle model and the pillar readers share these, so they agree.
 */
import { isMap, isSeq } from 'yaml';
import type { DataPath } from './basics';
import { isPlaceholder } from './placeholder';

/**
 * `record[key]` for a key the document chose: only the record's own entries, so keys named
 * like Object.prototype members (`toString`, `constructor`, `__proto__`) read as absent
 * instead of as the prototype's functions.
 */
export function own<T>(record: Readonly<Record<string | number, T>> | undefined, key: string | number): T | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A value that says something: not null, not blank, not an empty list or mapping. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The ids of the business objectives, in order (repeats and blanks included). */
export function objectiveIds(data: Record<string, unknown>): string[] {
  return asArray(asRecord(data.business)?.objectives)
    .map((o) => asString(asRecord(o)?.id))
    .filter((id): id is string => id !== undefined);
}

/** The ids a framing's `serves` names: a single id or a list of them. */
export function servedIds(framing: unknown): string[] {
  return referencesAt([], asRecord(framing)?.serves).map((ref) => ref.id);
}

/** A framing as messages name it: "Framing `churn-model`", or "Framing 2" when it has no id. */
export function framingName(framing: Record<string, unknown>, index: number): string {
  const id = asString(framing.id);
  return id === undefined ? `Framing ${index + 1}` : `Framing \`${id}\``;
}

/** A list or mapping written in flow style (`[...]`, `{...}`), where comments cannot go. */
export function isFlowCollection(node: unknown): boolean {
  return (isSeq(node) || isMap(node)) && Boolean(node.flow);
}

/** A name one value refers to (`serves`, `moves`, `measures`), at its own path. */
export interface Reference {
  id: string;
  path: DataPath;
  /** A placeholder stands where the id belongs: `unanswered` reports it, and no rule reads it. */
  placeholder: boolean;
}

/** The ids a reference field names: one id or a list of them (docs/format.md, "Reference lists"). */
export function referencesAt(path: DataPath, value: unknown): Reference[] {
  const items = Array.isArray(value) ? value.map((v, i) => [v, [...path, i]] as const) : [[value, path] as const];
  const out: Reference[] = [];
  for (const [v, p] of items) {
    const id = asString(v);
    if (id !== undefined) out.push({ id, path: p, placeholder: isPlaceholder(id) });
  }
  return out;
}

/** The ids of the business objectives a reference can name, once each: blank ids and placeholders name nothing. */
export function nameableObjectiveIds(data: Record<string, unknown>): string[] {
  return [...new Set(objectiveIds(data).filter((id) => id.trim() !== '' && !isPlaceholder(id)))];
}
