/** How messages and labels put words together, so every host says lists and counts the same way. */
import type { Severity } from './basics';

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listWords(words: readonly string[], last: 'and' | 'or' = 'and'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** "a" before "scalability", "an" before "adaptability", by the first letter (the format's words have no silent h). */
export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** "1 finding", "2 findings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How many findings (or anything with a severity) there are of each severity. */
export function countBySeverity(items: Iterable<{ severity: Severity }>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const item of items) counts[item.severity]++;
  return counts;
}

/** A value quoted in a message, on one line and cut to `max` characters, so a long value cannot swamp the message. */
export function excerpt(value: string, max = 60): string {
  const text = value.trim().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
