/**
 * How far each part of a design is answered, for the preview: per section and per pillar,
 * the values answered, the placeholders left and the expected questions missing.
 */
import { isPlaceholder } from './placeholder';
import { asRecord, isFilled } from './read';
import type { Readiness } from './types';
import { PILLAR_IDS, STAGE_IDS } from './vocabulary';
import type { PillarId, SectionId } from './vocabulary';

/** The questions each pillar asks (its keys in the format, the additions included). */
export const PILLAR_QUESTIONS: Readonly<Record<PillarId, readonly string[]>> = {
  reliability: ['failure_modes', 'silent_failures', 'fallback', 'slo'],
  scalability: ['traffic', 'model_complexity', 'model_count', 'resources', 'artifact_management', 'cost'],
  maintainability: ['versioning', 'reproducibility', 'documentation', 'ownership', 'on_call'],
  adaptability: ['monitoring', 'retraining', 'rollout', 'rollback'],
};

/** The top-level keys each section covers, and the questions it is expected to answer. */
export const SECTION_QUESTIONS: Readonly<Record<SectionId, { keys: readonly string[]; expected: readonly string[] }>> = {
  identity: { keys: ['name', 'summary', 'owners'], expected: ['name', 'summary', 'owners'] },
  stakeholders: { keys: ['stakeholders'], expected: [] },
  business: { keys: ['business'], expected: ['problem', 'objectives'] },
  framing: { keys: ['framing'], expected: [] },
  data: { keys: ['data'], expected: ['sources', 'labels', 'privacy'] },
  evaluation: { keys: ['evaluation'], expected: ['offline', 'online'] },
  requirements: { keys: ['requirements'], expected: PILLAR_IDS },
  lifecycle: { keys: ['lifecycle'], expected: STAGE_IDS },
};

interface Tally {
  answered: number;
  placeholders: number;
  missing: number;
}

/** Counts every value under `value`: a filled scalar is answered, a placeholder is one, null, blank and empty are missing. */
function tally(value: unknown, into: Tally, depth = 0): void {
  if (depth > 64) return;
  if (value === null || value === undefined) into.missing++;
  else if (typeof value === 'string') {
    if (!value.trim()) into.missing++;
    else if (isPlaceholder(value)) into.placeholders++;
    else into.answered++;
  } else if (Array.isArray(value)) {
    if (!value.length) into.missing++;
    for (const item of value) tally(item, into, depth + 1);
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !k.startsWith('x-'));
    if (!entries.length) into.missing++;
    for (const [, item] of entries) tally(item, into, depth + 1);
  } else into.answered++;
}

/** Open questions first: any placeholder, then anything missing, else answered. */
function finish(t: Tally): Readiness {
  const state = t.placeholders > 0 ? 'placeholder' : t.missing > 0 || t.answered === 0 ? 'missing' : 'answered';
  return { state, ...t };
}

/** A mapping's readiness: its values, plus each expected key that is absent. */
function mappingReadiness(value: unknown, expected: readonly string[]): Readiness {
  const t: Tally = { answered: 0, placeholders: 0, missing: 0 };
  const record = asRecord(value);
  if (!record) {
    // Null or empty: every expected question is missing; prose is trusted as one answer.
    if (isFilled(value)) tally(value, t);
    else t.missing += Math.max(1, expected.length);
    return finish(t);
  }
  for (const key of expected) if (!(key in record)) t.missing++;
  for (const [key, item] of Object.entries(record)) if (!key.startsWith('x-')) tally(item, t);
  return finish(t);
}

export function pillarReadiness(requirements: Record<string, unknown> | undefined, id: PillarId): Readiness {
  if (!requirements || !(id in requirements)) return { state: 'missing', answered: 0, placeholders: 0, missing: PILLAR_QUESTIONS[id].length };
  return mappingReadiness(requirements[id], PILLAR_QUESTIONS[id]);
}

export function sectionReadiness(data: Record<string, unknown>, id: SectionId): Readiness {
  const { keys, expected } = SECTION_QUESTIONS[id];
  if (id === 'identity') return mappingReadiness(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])), expected);
  const value = data[keys[0]];
  if (value === undefined) return { state: 'missing', answered: 0, placeholders: 0, missing: Math.max(1, expected.length) };
  if (id === 'requirements') {
    // The pillars' own questions, so a pillar left out counts each of its questions as missing.
    const requirements = asRecord(value);
    const t: Tally = { answered: 0, placeholders: 0, missing: 0 };
    for (const pillar of PILLAR_IDS) {
      const r = pillarReadiness(requirements, pillar);
      t.answered += r.answered;
      t.placeholders += r.placeholders;
      t.missing += r.missing;
    }
    return finish(t);
  }
  return mappingReadiness(value, expected);
}
