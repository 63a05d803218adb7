/**
 * Findings as diagnostics, and the way back: each diagnostic carries the rule id as its
 * code (linked to the rule's page), and the finding behind it, with its fixes, is kept
 * beside it for the document version it was made for. Host-free.
 */
import { RULES_BY_ID } from '../engine';
import type { Finding, FindingRule, Range, RuleId, Severity } from '../engine';

export const DIAGNOSTIC_SOURCE = 'mlsystem-review';
/** Where config file problems come from: apart from the review's findings (no quick fixes). */
export const CONFIG_DIAGNOSTIC_SOURCE = 'mlsystem-review config';

/** `Link` is how the host names a documentation page (a URL string, a `vscode.Uri`). */
export interface DiagnosticData<Link = string> {
  range: Range;
  severity: Severity;
  message: string;
  /** The rule or check id: the diagnostic's `code`. */
  code: FindingRule;
  /** The rule's documentation, or the team check's own link: the code's link. Absent for a check without docs. */
  href?: Link;
  related: { range: Range; message: string }[];
}

/** Where rules and checks are documented: a built-in rule's page, a team check's own (http(s)) link. */
export interface DocsLinks<Link> {
  builtIn(rule: RuleId): Link;
  team(url: string): Link;
}

/** A built-in rule's id (a team's check is not in the registry). */
export function isBuiltInRule(rule: FindingRule): rule is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES_BY_ID, rule);
}

/** As the engine's `findingDocsUrl`, with the host's own link for a built-in rule (VS Code opens the page shipped with it). */
export function docsLinkOf<Link>(finding: Pick<Finding, 'rule' | 'docs'>, links: DocsLinks<Link>): Link | undefined {
  if (finding.docs) return links.team(finding.docs);
  return isBuiltInRule(finding.rule) ? links.builtIn(finding.rule) : undefined;
}

export function designDiagnostic<Link>(finding: Omit<Finding, 'fixes'>, links: DocsLinks<Link>): DiagnosticData<Link> {
  const data: DiagnosticData<Link> = {
    range: finding.range,
    severity: finding.severity,
    message: finding.message,
    code: finding.rule,
    related: (finding.related ?? []).map((r) => ({ range: r.range, message: r.message })),
  };
  const href = docsLinkOf(finding, links);
  if (href !== undefined) data.href = href;
  return data;
}

function findingKey(rule: string, range: Range, message: string): string {
  return `${rule}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
}

/** The findings shown for one version of a document, found again by a diagnostic's rule, range and message. */
export class PublishedFindings<F extends Pick<Finding, 'rule' | 'range' | 'message'> = Finding> {
  private readonly byKey = new Map<string, F>();

  constructor(
    readonly version: number,
    findings: Iterable<F>,
  ) {
    for (const f of findings) this.byKey.set(findingKey(f.rule, f.range, f.message), f);
  }

  /** Undefined for another version: a fix computed for an older text must never be applied to a newer one. */
  findingFor(version: number, rule: string | undefined, range: Range, message: string): F | undefined {
    if (version !== this.version || rule === undefined) return undefined;
    return this.byKey.get(findingKey(rule, range, message));
  }
}
