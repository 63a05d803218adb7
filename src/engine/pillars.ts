/**
 * How the pillar rules read `requirements`, in one place so they agree with each other
 * and with the lifecycle panel: missing, empty (null, blank, or only `notes`), prose, or
 * a mapping the detail rules inspect.
 */
import type { RuleFinding } from './basics';
import { fillKeys } from './fill';
import { isPlaceholder } from './placeholder';
import { asRecord, isFilled } from './read';
import type { RuleContext } from './rule';
import { PILLAR_SKELETONS } from './skeletons';
import type { PillarId } from './vocabulary';

export type PillarShape =
  | { kind: 'missing' }
  | { kind: 'empty'; value: unknown }
  | { kind: 'prose'; value: unknown }
  | { kind: 'mapping'; value: Record<string, unknown> };

/** `requirements` as a mapping; undefined when absent, null or not a mapping. */
export function requirementsOf(data: Record<string, unknown>): Record<string, unknown> | undefined {
  return asRecord(data.requirements);
}

/** Something is written besides `notes` (the same test the lifecycle panel uses). */
export function hasSubstance(value: unknown): boolean {
  const record = asRecord(value);
  return record ? Object.keys(record).some((k) => k !== 'notes' && isFilled(record[k])) : isFilled(value);
}

export function pillarShape(data: Record<string, unknown>, id: PillarId): PillarShape {
  const requirements = requirementsOf(data);
  if (!requirements || !Object.hasOwn(requirements, id)) return { kind: 'missing' };
  const value = requirements[id];
  if (!hasSubstance(value)) return { kind: 'empty', value };
  const record = asRecord(value);
  return record ? { kind: 'mapping', value: record } : { kind: 'prose', value };
}

/** The pillar as a mapping the detail rules inspect: present, a mapping, not empty. */
export function inspectablePillar(data: Record<string, unknown>, id: PillarId): Record<string, unknown> | undefined {
  const shape = pillarShape(data, id);
  return shape.kind === 'mapping' ? shape.value : undefined;
}

/** Every string in a value (keys of mappings included), for rules that accept prose; placeholders say nothing yet. */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return isPlaceholder(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  const record = asRecord(value);
  return record ? Object.entries(record).flatMap(([k, v]) => [k, ...textsOf(v)]) : [];
}

/**
 * A finding that a pillar written as a mapping lacks `key`, on that key (or where it would
 * go), with the fix that fills it from the pillar's skeleton.
 */
export function missingPillarKey(
  { loc, edit }: RuleContext, pillar: PillarId, current: Record<string, unknown>, key: string, message: string, help: string,
): RuleFinding {
  const pillarPath = ['requirements', pillar];
  const edits = fillKeys(edit, loc, current, pillarPath, { [key]: PILLAR_SKELETONS[pillar][key] });
  return { message, help, path: [...pillarPath, key], fixes: edits.length ? [{ title: `Add ${key} to ${pillar}`, kind: 'insert', edits }] : [] };
}
