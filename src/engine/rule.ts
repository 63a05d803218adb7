/** What a review rule is: data (id, default severity, summary) plus a check. */
import type { Editor } from './edits';
import type { Locator } from './locate';
import type { ParsedDesign } from './parse';
import type { RuleFinding, RuleId, Severity } from './types';
import type { WaiverState } from './waivers';

export interface RuleContext {
  design: ParsedDesign;
  /** The document's top-level mapping as plain data ({} when it is not a mapping). */
  data: Record<string, unknown>;
  loc: Locator;
  edit: Editor;
  /** Today as YYYY-MM-DD. */
  today: string;
  /** Set for rules in the `waivers` phase: which waivers silenced what. */
  waivers?: WaiverState;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** One sentence: what the rule checks (SARIF short description, docs, hover). */
  summary: string;
  /**
   * `design` rules read the document; `waivers` rules run after waivers were applied to
   * every other finding, and read `ctx.waivers`.
   */
  phase?: 'design' | 'waivers';
  check(ctx: RuleContext): RuleFinding[];
}

/** The plain-data helpers every rule uses to read the design safely. */
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

/** The rules' documentation page, linked from every diagnostic. */
export const DOCS_BASE = 'https://github.com/mlsystem-review/mlsystem-review/blob/main/docs/rules/';
export function ruleDocsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}
