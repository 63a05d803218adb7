/** Types of generate-rule-registry.mjs, for the drift test. */
export interface RuleEntry {
  id: string;
  severity: string;
  summary: string;
  waivable: boolean;
}
export const RULE_REGISTRY_FILES: readonly string[];
export function ruleEntries(rules: readonly { id: string; severity: string; summary: string; waivable?: false }[]): RuleEntry[];
export function renderRuleRegistryFiles(rules: readonly RuleEntry[], current: Readonly<Record<string, string>>): Record<string, string>;
export function generate(root: string): Promise<void>;
