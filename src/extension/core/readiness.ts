/**
 * How ready a design is, for the status bar: what the built-in error and warning counters
 * do not show. Pillars answered, lifecycle stages planned, and placeholders left (each an
 * `unanswered` finding: `TODO: ...` text that fixes and snippets insert, `TBD`, ...). Host-free.
 */
import type { ReviewResult } from '../../engine';

export interface Readiness {
  pillars: { answered: number; of: number };
  stages: { planned: number; of: number };
  placeholders: number;
}

export function readinessOf(result: Pick<ReviewResult, 'lifecycle' | 'findings'>): Readiness {
  const { pillars, stages } = result.lifecycle;
  return {
    pillars: { answered: pillars.filter((p) => p.state === 'present').length, of: pillars.length },
    stages: { planned: stages.filter((s) => s.present).length, of: stages.length },
    placeholders: result.findings.filter((f) => f.rule === 'unanswered').length,
  };
}
