import type { Rule } from '../rule';

/** Parser errors and unsafe input, found by parse(); while any exist, no other rule runs. */
export const rule: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  summary: 'The text must be valid YAML that can be read safely.',
  check: (ctx) => ctx.design.errors,
};
