import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'missing-pillar',
  severity: 'warning',
  summary: 'requirements must cover reliability, scalability, maintainability and adaptability.',
  check: () => [],
};
