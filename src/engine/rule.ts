/**
 * What a review rule is: data (id, default severity, summary, waivable) plus a check that
 * returns what it found. The runner (review.ts) adds the rule's id, places the finding in
 * the text, sets its severity and adds the waive fix, so no rule repeats those.
 */
import type { RuleFinding, Severity } from './basics';
export type { Anchor, RuleFinding } from './basics';
import type { Editor } from './edits';
import type { Locator } from './locate';
import type { ParsedDesign } from './parse';
import type { SchemaReport } from './schema';
import type { WaiverState } from './waivers';

export interface RuleContext {
  design: ParsedDesign;
  /** The document's top-level mapping as plain data (design rules run only on a mapping). */
  data: Record<string, unknown>;
  loc: Locator;
  edit: Editor;
  /** Today as YYYY-MM-DD. */
  today: string;
  /** Every rule's id, the team's checks included, for rules that check names of rules (a waiver's `rule`). */
  ruleIds: readonly string[];
  /** The rules no waiver can silence (`waivable: false`). */
  unwaivable: ReadonlySet<string>;
  /**
   * The document's waivers, read before any rule runs. What each waiver silenced is
   * complete only for rules in the `waivers` phase.
   */
  waivers: WaiverState;
  /**
   * The schema's judgement of the data, validated once per review. `schema.rejects(path)`:
   * the schema reports the value at `path` (or one holding it) as wrong, so a rule reads no
   * answer there. The runner drops findings on such values; a rule that reads one to
   * decide about another place asks here.
   */
  schema: SchemaReport;
}

export interface Rule<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** One sentence: what the rule checks (SARIF short description, docs, hover). */
  summary: string;
  /**
   * `design` rules read the document (a mapping: other documents get only `schema`);
   * `waivers` rules run after waivers were applied to every other finding.
   */
  phase?: 'design' | 'waivers';
  /** False for rules whose findings no waiver may silence (about waivers, or unreadable text). */
  waivable?: false;
  /** The documentation link of a team's check (a built-in rule's page is in docs/rules/). */
  docs?: string;
  check(ctx: RuleContext): RuleFinding[];
}

/** A rule with its id kept as a literal type, so the registry can derive `RuleId`. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
