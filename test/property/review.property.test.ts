/**
 * Property tests: no input breaks the review, and no fix loses a user's text.
 * Runs: PROPERTY_RUNS (default 1000 per property in CI, fewer locally with --quick).
 * On failure fast-check prints the seed and the shrunk counterexample; rerun one with
 * PROPERTY_SEED=<seed>.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkFixAll, checkFixes, checkReview } from './checks';
import { mutatedDesign, seeds } from './mutations';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seed === undefined ? {} : { seed }), verbose: 1 });

describe('review under arbitrary input', () => {
  it('never throws, finishes, and keeps every range inside the document (arbitrary text)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkReview), params(RUNS));
  });

  it('never throws on YAML-shaped noise', () => {
    const token = fc.constantFrom('mlsystem: 1\n', 'name: x\n', 'business:\n', '  objectives:\n', '    - id: a\n', 'framing:\n', '  - serves: [a]\n',
      'requirements:\n', '  reliability:\n', 'lifecycle: {', '}', '[', ']', '- ', ': ', '&a ', '*a ', '!!str ', '"', "'", '#', '\t', '\n', '  ', '---\n', '|\n', '? ', '%YAML 1.2\n');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }).map((t) => t.join('')), checkReview), params(RUNS));
  });

  it('never throws on mutated valid designs (keys deleted, renamed, retyped, lines moved, text cut)', () => {
    fc.assert(fc.property(mutatedDesign, checkReview), params(RUNS));
  });
});

describe('fixes under arbitrary designs', () => {
  it('every offered fix yields YAML that parses, keeps every line outside it, and removes its finding', () => {
    fc.assert(fc.property(mutatedDesign, (text) => checkFixes(text)), params(Math.max(50, Math.round(RUNS / 2))));
  });

  it('fix-all is idempotent: applied twice, the second changes nothing', () => {
    fc.assert(fc.property(mutatedDesign, checkFixAll), params(Math.max(50, Math.round(RUNS / 2))));
  });

  it('the seed designs themselves pass every fix check', () => {
    for (const text of seeds) checkFixes(text);
  });
});
