/**
 * Designs for tests, built from data instead of retyped: `design({ framing: [...] })` is
 * the minimal design with that section set (`undefined` removes a key). Written the way
 * people write them by hand: block mappings, lists of plain values on one line
 * (`serves: [faster]`), empty values left blank (`task:`), comparisons quoted
 * (`target: "< 0.1"`), so ranges stay easy to count.
 */
import { Document, isScalar, visit } from 'yaml';

export type DesignData = Readonly<Record<string, unknown>>;

/** Only the keys the format requires: lines 0-4, so what a test adds starts on line 5. */
export const MINIMAL: DesignData = {
  mlsystem: 1,
  name: 't',
  business: { objectives: [{ id: 'faster' }] },
};

/** One measured objective served by one complete framing whose metric moves it. */
export const LINKED: DesignData = {
  mlsystem: 1,
  name: 'routing',
  business: {
    objectives: [{ id: 'faster-routing', statement: 'Route requests two times faster.', metric: 'median time to route', target: '2h' }],
  },
  framing: [{
    id: 'classifier',
    serves: ['faster-routing'],
    task: 'multiclass-classification',
    inputs: 'Request text.',
    outputs: 'A department.',
    classes: ['accounting', 'inventory', 'hr'],
    objective: 'Cross-entropy.',
    metrics: [{ name: 'accuracy', target: '>= 0.9', moves: 'faster-routing' }],
  }],
};

/** `base` with `overrides` applied key by key (an `undefined` override removes the key), as YAML text. */
export function design(overrides: DesignData = {}, base: DesignData = MINIMAL): string {
  const data: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete data[key];
  const doc = new Document(data);
  visit(doc, {
    Seq(_key, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    // Targets such as "< 0.1" are quoted by hand, though YAML would read them plain.
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && /^[<>]/.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, nullStr: '' });
}
