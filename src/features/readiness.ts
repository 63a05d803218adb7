/**
 * How ready a design is, for the status bar: what the built-in error and warning counters
 * do not show. It restates the engine's readiness (the one the preview draws), so the two
 * never disagree: a pillar counts as answered when the engine says every one of its
 * questions is (no placeholder, none missing); placeholders are the engine's count over
 * the design's sections, whatever the `unanswered` rule's severity. Host-free: the review
 * worker counts it beside the review, so the editor host needs no lifecycle model for it.
 */
import type { Readiness as PartReadiness, ReviewResult } from '../engine';

export interface PillarReadiness extends PartReadiness {
  label: string;
}

export interface Readiness {
  pillars: { answered: number; of: number; each: PillarReadiness[] };
  stages: { planned: number; of: number };
  placeholders: number;
}

export function readinessOf(result: Pick<ReviewResult, 'lifecycle'>): Readiness {
  const { pillars, stages, sections } = result.lifecycle;
  return {
    pillars: {
      answered: pillars.filter((p) => p.readiness.state === 'answered').length,
      of: pillars.length,
      each: pillars.map((p) => ({ label: p.label, ...p.readiness })),
    },
    stages: { planned: stages.filter((s) => s.present).length, of: stages.length },
    placeholders: sections.reduce((n, s) => n + s.placeholders, 0),
  };
}
