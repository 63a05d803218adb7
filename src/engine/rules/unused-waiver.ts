import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unused-waiver',
  severity: 'info',
  summary: 'A waiver that silences nothing should be removed.',
  phase: 'waivers',
  check: () => [],
};
