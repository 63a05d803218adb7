import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'task-mismatch',
  severity: 'warning',
  summary: 'The task and its classes must agree.',
  check: () => [],
};
