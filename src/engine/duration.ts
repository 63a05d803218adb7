/**
 * Durations as the format writes them (docs/format.md, "Durations"), parsed in one place.
 * Anything that is not exactly one of these forms is prose: shown as written, never compared.
 */

/** Days per unit: 1 w = 7 d, 1 mo = 30.4375 d, 1 q = 3 mo, 1 y = 12 mo. */
const MONTH = 30.4375;
const DAYS: Readonly<Record<string, number>> = {
  h: 1 / 24,
  hour: 1 / 24,
  d: 1,
  day: 1,
  w: 7,
  week: 7,
  mo: MONTH,
  month: MONTH,
  q: 3 * MONTH,
  quarter: 3 * MONTH,
  y: 12 * MONTH,
  year: 12 * MONTH,
};

const ADVERBS: Readonly<Record<string, number>> = {
  hourly: DAYS.hour,
  daily: DAYS.day,
  weekly: DAYS.week,
  monthly: DAYS.month,
  quarterly: DAYS.quarter,
  yearly: DAYS.year,
};

/** Longer than any duration anyone writes: such text is prose without looking further. */
const MAX_LENGTH = 64;

/** `12h`, `3 days`, `1.5 months`: a number, an optional space, a unit (words may be plural). */
const WITH_UNIT = /^(\d+(?:\.\d+)?) ?(h|d|w|mo|q|y|(?:hour|day|week|month|quarter|year)s?)$/;

/** ISO 8601: P, then years, months, weeks, days, then T and hours, minutes, seconds. */
const ISO = /^p(?:(\d+(?:[.,]\d+)?)y)?(?:(\d+(?:[.,]\d+)?)m)?(?:(\d+(?:[.,]\d+)?)w)?(?:(\d+(?:[.,]\d+)?)d)?(?:t(?:(\d+(?:[.,]\d+)?)h)?(?:(\d+(?:[.,]\d+)?)m)?(?:(\d+(?:[.,]\d+)?)s)?)?$/;
const ISO_DAYS = [DAYS.year, DAYS.month, DAYS.week, DAYS.day, DAYS.hour, 1 / 1440, 1 / 86400];

/**
 * The value as a number of days, or undefined when it is not a duration (prose, a bare
 * number, anything that is not a string). Never throws.
 */
export function durationDays(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return undefined;
  const text = value.trim().toLowerCase();
  if (text in ADVERBS) return ADVERBS[text];
  const unit = WITH_UNIT.exec(text);
  if (unit) return Number(unit[1]) * DAYS[unit[2].replace(/s$/, '')];
  const iso = ISO.exec(text);
  // `P` alone and a `T` with nothing after it name no duration.
  if (!iso || !iso.slice(1).some((part) => part !== undefined) || text.endsWith('t')) return undefined;
  return iso.slice(1).reduce((days, part, i) => days + (part === undefined ? 0 : Number(part.replace(',', '.')) * ISO_DAYS[i]), 0);
}

/** A number of days in words for messages: "3 days", "12 hours", "1.5 days". */
export function daysInWords(days: number): string {
  if (days < 1) {
    const hours = Math.round(days * 24 * 10) / 10;
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}
