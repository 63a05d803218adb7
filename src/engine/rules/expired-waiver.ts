import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'expired-waiver',
  severity: 'warning',
  summary: 'A waiver past its expiry date silences nothing.',
  phase: 'waivers',
  check: () => [],
};
