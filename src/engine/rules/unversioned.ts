import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unversioned',
  severity: 'info',
  summary: 'Maintainability must say how code, data and artifacts are versioned.',
  check: () => [],
};
