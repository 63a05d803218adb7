/**
 * Placeholders (docs/format.md): text that stands where an answer should be, such as
 * `TODO: who owns this?`, `TBD`, `???`, `<owner>` or `Lorem ipsum`. `n/a`, `none` and `-`
 * are answers ("does not apply").
 */
const MARKER = /^(todo|tbd|tbc|fixme|xxx)(?:[\p{P}\s]*$|[:\- ])/iu;
const ONLY_MARKS = /^(?:\?+|[.…]+)$/u;
const ANGLE = /^<[^<>]+>$/u;
const LOREM = /^lorem ipsum/iu;

export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return MARKER.test(text) || ONLY_MARKS.test(text) || ANGLE.test(text) || LOREM.test(text);
}
