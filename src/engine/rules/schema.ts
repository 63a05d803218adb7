import { defineRule } from '../rule';
import { schemaFindings } from '../schema';

/** The document's structure: types, allowed values, required and unknown keys (schemas/mlsystem.schema.json). */
export const rule = defineRule({
  id: 'schema',
  severity: 'error',
  summary: 'A value must satisfy the JSON Schema for mlsystem.yaml: right type, allowed value, required keys present, no unknown keys.',
  check: ({ design, loc, edit, schema }) => schemaFindings({ data: design.data, loc, edit, report: schema }),
});
