/**
 * Placeholders (docs/format.md, "Placeholders"): text that stands where an answer belongs.
 * A placeholder counts as present for every rule, but no rule reads its words, numbers
 * or duration; `unanswered` reports it.
 */
import { excerpt } from './wording';

/** A marker alone, with only punctuation after it, or with `:`, `-` or a space and more text. */
const MARKER = /^(?:todo|tbd|tbc|fixme|xxx)(?:\p{P}*$|[:\- ])/u;
/** Only `?`, or only `.`/`…`. */
const DOTS = /^(?:\?+|[.…]+)$/u;
/** `<owner>`, `<who watches this>`. */
const ANGLED = /^<[^<>]+>$/u;
const LOREM = /^lorem\s+ipsum/u;

/**
 * True when `value` is a string that is a placeholder. Never throws; every pattern is
 * anchored at the start and has no nested repetition, so the check is linear in the text.
 */
export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim().toLowerCase();
  return text.length > 0 && (MARKER.test(text) || DOTS.test(text) || ANGLED.test(text) || LOREM.test(text));
}

/** A placeholder shown in a message: quoted, on one line, and cut when long. */
export function quotePlaceholder(value: string): string {
  return `"${excerpt(value)}"`;
}
