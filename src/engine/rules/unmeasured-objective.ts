import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unmeasured-objective',
  severity: 'warning',
  summary: 'Every business objective needs a business metric and a target.',
  check: () => [],
};
