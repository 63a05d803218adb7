import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unlinked-metric',
  severity: 'warning',
  summary: 'Every ML metric must name the business objective it moves.',
  check: () => [],
};
