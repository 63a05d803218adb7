import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unmonitored-deployment',
  severity: 'warning',
  summary: 'A deployment in progress or done needs monitoring in progress or done.',
  check: () => [],
};
