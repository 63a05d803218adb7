import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'schema',
  severity: 'error',
  summary: 'A value must satisfy the JSON Schema for mlsystem.yaml.',
  check: () => [],
};
