/**
 * The rule registry: every review rule, in the order the README's rule table lists them. A rule is
 * one file exporting `rule` plus one line here; `RuleId` and `RULE_IDS` derive from it.
 */
import type { Rule } from '../rule';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as schema } from './schema';
import { rule as missingPillar } from './missing-pillar';
import { rule as emptyPillar } from './empty-pillar';
import { rule as unframedObjective } from './unframed-objective';
import { rule as incompleteFraming } from './incomplete-framing';
import { rule as unknownReference } from './unknown-reference';
import { rule as duplicateId } from './duplicate-id';
import { rule as unlinkedMetric } from './unlinked-metric';
import { rule as unmeasuredObjective } from './unmeasured-objective';
import { rule as growthUnplanned } from './growth-unplanned';
import { rule as unversioned } from './unversioned';
import { rule as silentFailure } from './silent-failure';
import { rule as noRetraining } from './no-retraining';
import { rule as missingStage } from './missing-stage';
import { rule as unmonitoredDeployment } from './unmonitored-deployment';
import { rule as taskMismatch } from './task-mismatch';
import { rule as noStakeholders } from './no-stakeholders';
import { rule as expiredWaiver } from './expired-waiver';
import { rule as unusedWaiver } from './unused-waiver';
import { rule as unanswered } from './unanswered';
import { rule as noBaseline } from './no-baseline';
import { rule as unlabelled } from './unlabelled';
import { rule as labelDelay } from './label-delay';
import { rule as manualAtScale } from './manual-at-scale';
import { rule as noRollout } from './no-rollout';
import { rule as unownedStage } from './unowned-stage';
import { rule as unverifiedLink } from './unverified-link';

export const RULES = [
  yamlSyntax,
  schema,
  missingPillar,
  emptyPillar,
  unframedObjective,
  incompleteFraming,
  unknownReference,
  duplicateId,
  unlinkedMetric,
  unmeasuredObjective,
  growthUnplanned,
  unversioned,
  silentFailure,
  noRetraining,
  missingStage,
  unmonitoredDeployment,
  taskMismatch,
  noStakeholders,
  expiredWaiver,
  unusedWaiver,
  unanswered,
  noBaseline,
  unlabelled,
  labelDelay,
  manualAtScale,
  noRollout,
  unownedStage,
  unverifiedLink,
] as const;

export type RuleId = (typeof RULES)[number]['id'];
export type RegisteredRule = Rule<RuleId>;
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);
export const RULES_BY_ID = Object.fromEntries(RULES.map((r) => [r.id, r])) as Readonly<Record<RuleId, RegisteredRule>>;

/** The rule's documentation page, linked from every diagnostic. */
export const DOCS_BASE = 'https://github.com/mlsystem-review/mlsystem-review/blob/main/docs/rules/';
export function ruleDocsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

/** Where a finding's rule is documented: a built-in rule's page, or a team's check's own `docs` link (none when it has none). */
export function findingDocsUrl(finding: { rule: string; docs?: string }): string | undefined {
  if (finding.docs) return finding.docs;
  return Object.prototype.hasOwnProperty.call(RULES_BY_ID, finding.rule) ? ruleDocsUrl(finding.rule as RuleId) : undefined;
}

/** Whether a waiver may silence this finding: not for rules that say no, nor for findings about the waivers themselves. */
export function isWaivable(finding: { rule: string; path: readonly unknown[] }): boolean {
  // A team's check is not in the registry, and is always waivable.
  const rule = (RULES_BY_ID as Readonly<Record<string, RegisteredRule | undefined>>)[finding.rule];
  return rule?.waivable !== false && finding.path[0] !== 'waivers';
}
