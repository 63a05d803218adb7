import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'empty-pillar',
  severity: 'warning',
  summary: 'A requirement pillar that is present must say something.',
  check: () => [],
};
