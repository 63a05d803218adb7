/**
 * Hover in design documents, host-free: the schema's description of a key, a rule's
 * summary on a waiver's rule, and (for editors that do not show diagnostics on hover)
 * what the findings under the cursor mean.
 */
import { LineIndex, RULES_BY_ID } from '../engine';
import type { Finding, JsonSchema, Position, Range } from '../engine';
import { docsLinkOf, isBuiltInRule } from './diagnostics';
import type { DocsLinks } from './diagnostics';
import { hoverMarkdown } from './schema-completion';
import { nodeAt } from './yaml-cursor';

export interface HoverData {
  /** Markdown. */
  markdown: string;
  range: Range;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const within = (p: Position, r: Range): boolean => !before(p, r.start) && !before(r.end, p);

/** What a finding means: its rule (or the team's check), what it checks, the fixes on offer and its page. */
export function findingExplanation(finding: Finding, links: DocsLinks<string>): string {
  const fixes = finding.fixes.map((f) => f.title);
  const href = docsLinkOf(finding, links);
  return [
    `**${finding.rule}** (${finding.severity}): ${finding.message}`,
    isBuiltInRule(finding.rule) ? RULES_BY_ID[finding.rule].summary : 'A check of this project\'s configuration.',
    fixes.length ? `Quick fixes: ${fixes.join('; ')}.` : '',
    href ? `[About ${finding.rule}](${href})` : '',
  ].filter(Boolean).join('\n\n');
}

/** The findings whose range holds the position. */
export function findingsAt<F extends Pick<Finding, 'range'>>(findings: readonly F[], position: Position): F[] {
  return findings.filter((f) => within(position, f.range));
}

/**
 * `explain` adds the findings whose range holds the cursor, with their rule's docs link;
 * VS Code shows diagnostics on hover itself, so it passes none.
 */
export function designHover(text: string, position: Position, explain?: { findings: readonly Finding[]; links: DocsLinks<string> }, schema?: JsonSchema): HoverData | undefined {
  const lines = new LineIndex(text);
  const at = nodeAt(text, lines.offsetAt(position));
  const schemaText = at && hoverMarkdown(at.path, at.onKey, at.value, schema);
  const hits = explain ? findingsAt(explain.findings, position) : [];
  const explanations = explain ? hits.map((f) => findingExplanation(f, explain.links)) : [];
  const parts = [...explanations, schemaText].filter((p): p is string => Boolean(p));
  if (!parts.length) return undefined;
  const range = at && schemaText ? lines.range(at.start, at.end) : hits[0].range;
  return { markdown: parts.join('\n\n---\n\n'), range };
}
