/**
 * The hover's part about findings: for each finding under the cursor, why it matters (its
 * `help`, which the one-line diagnostic leaves out) and a link to the rule's page. Host-free:
 * the host says how a rule's page is linked.
 */
import type { Finding, Position, Range } from '../engine';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(range: Range, at: Position): boolean {
  return !before(at, range.start) && !before(range.end, at);
}

/** Markdown for the findings whose range holds `at`, or undefined when none does. */
export function findingHoverMarkdown<F extends Pick<Finding, 'rule' | 'help' | 'range'>>(findings: readonly F[], at: Position, ruleLink: (finding: F) => string | undefined): string | undefined {
  const here = findings.filter((f) => contains(f.range, at));
  if (!here.length) return undefined;
  return here.map((f) => {
    const link = ruleLink(f);
    return `**${f.rule}**: ${f.help}${link ? ` [Rule page](${link})` : ''}`;
  }).join('\n\n');
}
