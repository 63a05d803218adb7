import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'missing-stage',
  severity: 'info',
  summary: 'Every lifecycle stage should appear in lifecycle.',
  check: () => [],
};
