/**
 * Durations as docs/format.md names them: every form parses to its number of days, prose
 * never parses, and odd values never throw.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { durationDays } from '../../src/engine/duration';

const MONTH = 30.4375;

const DURATIONS: [string, number][] = [
  // A number and a unit, with or without a space, any case, singular or plural.
  ['12h', 0.5], ['12 h', 0.5], ['1 hour', 1 / 24], ['36 hours', 1.5], ['12H', 0.5],
  ['3d', 3], ['3 d', 3], ['1 day', 1], ['3 days', 3], ['3 Days', 3], ['3DAYS', 3],
  ['2w', 14], ['2 weeks', 14], ['1 week', 7],
  ['1mo', MONTH], ['1.5 months', 1.5 * MONTH], ['2 MO', 2 * MONTH], ['1 month', MONTH],
  ['1q', 3 * MONTH], ['2 quarters', 6 * MONTH], ['1 quarter', 3 * MONTH],
  ['1y', 12 * MONTH], ['2 years', 24 * MONTH], ['0.5 year', 6 * MONTH],
  ['0d', 0], ['  3d  ', 3],
  // ISO 8601, components combined.
  ['P3D', 3], ['PT12H', 0.5], ['P1M2D', MONTH + 2], ['P2W', 14], ['P1Y', 12 * MONTH],
  ['P1DT12H', 1.5], ['PT30M', 30 / 1440], ['PT36H', 1.5], ['P0.5D', 0.5], ['p3d', 3], ['P1Y2M3W4DT5H6M7S', 12 * MONTH + 2 * MONTH + 21 + 4 + 5 / 24 + 6 / 1440 + 7 / 86400],
  // The adverbs: one of their unit.
  ['hourly', 1 / 24], ['daily', 1], ['weekly', 7], ['monthly', MONTH], ['quarterly', 3 * MONTH], ['yearly', 12 * MONTH], ['Weekly', 7], [' DAILY ', 1],
];

const PROSE: unknown[] = [
  // `m` alone is not a unit, nor are minutes and seconds outside ISO 8601.
  '3m', '3 m', '30 min', '30 minutes', '10s',
  // Prose around a duration, ranges, vague words.
  'about 3 days', '3 days or when accuracy drops', 'weekly, or when audited accuracy drops below 0.88', '2-3 weeks', 'a week', 'every week',
  'biweekly', 'fortnightly', 'never', 'on demand', 'manual', 'n/a', '', '   ', 'TODO: how long?', 'TBD',
  // Malformed numbers and ISO.
  '.5d', '1.d', '-3d', '+3d', '3.5.1d', '3  days', '3 dayss', 'P', 'PT', 'P3DT', 'P1H', 'PT1D', 'P1D2M', '3 mos', '1e3d', '３d',
  // Not strings.
  3, 0, 7.5, true, false, null, undefined, [], ['3d'], { d: 3 }, new Date(0),
  // Very long and unicode text.
  '3'.repeat(100_000) + 'd', 'P' + '1D'.repeat(50_000), 'd'.repeat(100_000), '三日', '3 días', '🙂', '3 d\u00e4ys',
];

describe('durationDays', () => {
  for (const [text, days] of DURATIONS) {
    it(`${JSON.stringify(text)} is ${days} days`, () => {
      const parsed = durationDays(text);
      assert.ok(parsed !== undefined, `${text} did not parse`);
      assert.ok(Math.abs(parsed - days) < 1e-9, `${text}: ${parsed}`);
    });
  }

  it('prose, malformed durations and values that are not strings are not durations, and never throw', () => {
    for (const value of PROSE) assert.equal(durationDays(value), undefined, JSON.stringify(value)?.slice(0, 40));
  });
});
