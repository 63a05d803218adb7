import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  summary: 'serves, moves and waiver rule/target must name things that exist.',
  check: () => [],
};
