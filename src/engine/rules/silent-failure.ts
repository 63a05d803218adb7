import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'silent-failure',
  severity: 'warning',
  summary: 'Something must detect silent failures.',
  check: () => [],
};
