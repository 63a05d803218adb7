/**
 * Findings as diagnostics, and the way back: each diagnostic carries the rule id as its
 * code (linked to the rule's page), and the finding behind it, with its fixes, is kept
 * beside it for the document version it was made for. Host-free.
 */
import type { Finding, Range, RuleId, Severity } from '../engine';

export const DIAGNOSTIC_SOURCE = 'mlsystem-review';

/** `Link` is how the host names the rule's page (a URL string, a `vscode.Uri`). */
export interface DiagnosticData<Link = string> {
  range: Range;
  severity: Severity;
  message: string;
  /** The rule id: the diagnostic's `code`. */
  code: RuleId;
  /** The rule's documentation: the code's link. */
  href: Link;
  related: { range: Range; message: string }[];
}

export function designDiagnostic<Link>(finding: Finding, docsHref: (rule: RuleId) => Link): DiagnosticData<Link> {
  return {
    range: finding.range,
    severity: finding.severity,
    message: finding.message,
    code: finding.rule,
    href: docsHref(finding.rule),
    related: (finding.related ?? []).map((r) => ({ range: r.range, message: r.message })),
  };
}

function findingKey(rule: string, range: Range, message: string): string {
  return `${rule}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
}

/** The findings shown for one version of a document, found again by a diagnostic's rule, range and message. */
export class PublishedFindings {
  private readonly byKey = new Map<string, Finding>();

  constructor(
    readonly version: number,
    findings: Iterable<Finding>,
  ) {
    for (const f of findings) this.byKey.set(findingKey(f.rule, f.range, f.message), f);
  }

  /** Undefined for another version: a fix computed for an older text must never be applied to a newer one. */
  findingFor(version: number, rule: string | undefined, range: Range, message: string): Finding | undefined {
    if (version !== this.version || rule === undefined) return undefined;
    return this.byKey.get(findingKey(rule, range, message));
  }
}
