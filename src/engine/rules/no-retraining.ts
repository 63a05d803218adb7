import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'no-retraining',
  severity: 'info',
  summary: 'Adaptability must say how the system retrains or learns continually.',
  check: () => [],
};
