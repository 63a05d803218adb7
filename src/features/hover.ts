/**
 * Hover in design documents, host-free: the schema's description of a key, a rule's
 * summary on a waiver's rule, and (for editors that do not show diagnostics on hover)
 * what the findings under the cursor mean.
 */
import { LineIndex, RULES_BY_ID } from '../engine';
import type { Finding, Position, Range, RuleId } from '../engine';
import { hoverMarkdown } from './schema-completion';
import { nodeAt } from './yaml-cursor';

export interface HoverData {
  /** Markdown. */
  markdown: string;
  range: Range;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const within = (p: Position, r: Range): boolean => !before(p, r.start) && !before(r.end, p);

/** What a finding means: its rule, what the rule checks, the fixes on offer and the rule's page. */
export function findingExplanation(finding: Finding, docsHref: (rule: RuleId) => string): string {
  const rule = RULES_BY_ID[finding.rule];
  const fixes = finding.fixes.map((f) => f.title);
  return [
    `**${finding.rule}** (${finding.severity}): ${finding.message}`,
    rule.summary,
    fixes.length ? `Quick fixes: ${fixes.join('; ')}.` : '',
    `[About ${finding.rule}](${docsHref(finding.rule)})`,
  ].filter(Boolean).join('\n\n');
}

/**
 * `explain` adds the findings whose range holds the cursor, with their rule's docs link;
 * VS Code shows diagnostics on hover itself, so it passes none.
 */
export function designHover(text: string, position: Position, explain?: { findings: readonly Finding[]; docsHref: (rule: RuleId) => string }): HoverData | undefined {
  const lines = new LineIndex(text);
  const at = nodeAt(text, lines.offsetAt(position));
  const schemaText = at && hoverMarkdown(at.path, at.onKey, at.value);
  const hits = explain ? explain.findings.filter((f) => within(position, f.range)) : [];
  const explanations = explain ? hits.map((f) => findingExplanation(f, explain.docsHref)) : [];
  const parts = [...explanations, schemaText].filter((p): p is string => Boolean(p));
  if (!parts.length) return undefined;
  const range = at && schemaText ? lines.range(at.start, at.end) : hits[0].range;
  return { markdown: parts.join('\n\n---\n\n'), range };
}
