import { defineRule } from '../rule';

/** Parser errors and unsafe input, found by parse(); while any exist, no other rule runs. */
export const rule = defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  summary: 'The text must be valid YAML that can be read safely.',
  waivable: false,
  check: (ctx) => ctx.design.errors.map(({ message, range }) => ({ message, range, path: [] })),
});
