import type { DataPath, RuleFinding } from '../basics';
import { isPlaceholder, quotePlaceholder } from '../placeholder';
import { defineRule } from '../rule';
import { takesText } from '../schema-navigator';

/** Every placeholder in the design, with its path: list items too, never keys, nothing under `x-` keys. */
function placeholders(value: unknown, path: (string | number)[], out: { path: DataPath; text: string }[]): void {
  if (typeof value === 'string') {
    if (isPlaceholder(value)) out.push({ path: [...path], text: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      path.push(i);
      placeholders(item, path, out);
      path.pop();
    });
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key.startsWith('x-')) continue;
      path.push(key);
      placeholders(item, path, out);
      path.pop();
    }
  }
}

export const rule = defineRule({
  id: 'unanswered',
  severity: 'warning',
  summary: 'A placeholder (TODO, TBD, ???, <owner>...) is not an answer: the question it stands for is still open.',
  check({ design, loc }) {
    const found: { path: DataPath; text: string }[] = [];
    placeholders(design.data, [], found);
    const findings: RuleFinding[] = [];
    // A value reached twice through an alias is one placeholder in the text.
    const seen = new Set<string>();
    for (const { path, text } of found) {
      // In an enum, boolean or date field, or under an unknown key, the placeholder is a schema problem only.
      if (!takesText(path, design.data)) continue;
      const range = loc.valueRange(path);
      if (!range) continue;
      const at = `${range.start.line}:${range.start.character}`;
      if (seen.has(at)) continue;
      seen.add(at);
      findings.push({
        message: `\`${loc.target(path)}\` is still a placeholder (${quotePlaceholder(text)}): answer it.`,
        help: 'The design does not answer it yet, and no other check reads it until it does.',
        path,
        at: 'value',
        unplaced: 'skip',
      });
    }
    return findings;
  },
});
