import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Objective ids and framing ids must be unique.',
  check: () => [],
};
