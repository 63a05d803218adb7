import type { Rule } from '../rule';

// PLACEHOLDER: being written; replace the check.
export const rule: Rule = {
  id: 'incomplete-framing',
  severity: 'warning',
  summary: 'A framing must define its task, inputs, outputs and objective function.',
  check: () => [],
};
