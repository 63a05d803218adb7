import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'unframed-objective',
  severity: 'warning',
  summary: 'Every business objective must be served by at least one ML framing.',
  check: () => [],
};
