/**
 * How ready a design is, for the status bar: what the built-in error and warning counters
 * do not show. Pillars answered, lifecycle stages planned, and `TODO` placeholders left
 * (the text fixes and snippets insert for the author to replace). Host-free.
 */
import type { ReviewResult } from '../../engine';

export interface Readiness {
  pillars: { answered: number; of: number };
  stages: { planned: number; of: number };
  placeholders: number;
}

function placeholdersIn(value: unknown): number {
  if (typeof value === 'string') return /^\s*TODO\b/.test(value) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + placeholdersIn(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + placeholdersIn(v), 0);
  return 0;
}

export function readinessOf(result: Pick<ReviewResult, 'lifecycle' | 'design'>): Readiness {
  const { pillars, stages } = result.lifecycle;
  return {
    pillars: { answered: pillars.filter((p) => p.state === 'present').length, of: pillars.length },
    stages: { planned: stages.filter((s) => s.present).length, of: stages.length },
    placeholders: placeholdersIn(result.design),
  };
}
