import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'growth-unplanned',
  severity: 'info',
  summary: 'Scalability must address traffic, model complexity and model count.',
  check: () => [],
};
