import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'no-stakeholders',
  severity: 'info',
  summary: 'A design should list its stakeholders.',
  check: () => [],
};
