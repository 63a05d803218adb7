/**
 * Findings -> the Problems panel. Each diagnostic carries the rule id as its `code`,
 * linked to the rule's page shipped with the extension, opened rendered and read-only
 * (`ruleDocsLink`), and related
 * information where a finding names a second place. The finding itself is kept beside the
 * diagnostic, keyed by document version, for the code actions, which ask the review for
 * its fixes.
 */
import * as vscode from 'vscode';
import type { Fix } from '../engine';
import type { EditorReview, HostFinding } from '../node/review-backend';
import { designDiagnostic, DIAGNOSTIC_SOURCE, PublishedFindings } from '../features';
import type { DocsLinks } from '../features';
import { ruleDocsLink } from './rule-docs';
import { toRange, toSeverity } from './convert';
import type { DesignReview, DesignReviews } from './design-reviews';

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export class DesignDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly published = new Map<string, { findings: PublishedFindings<HostFinding>; review: EditorReview }>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Each rule's link made once (a draft may have a thousand findings of a few rules). */
  private readonly linkCache = new Map<string, vscode.Uri>();
  private readonly links: DocsLinks<vscode.Uri> = {
    builtIn: (rule) => this.cachedLink(`rule:${rule}`, () => ruleDocsLink(rule)),
    team: (url) => this.cachedLink(`url:${url}`, () => vscode.Uri.parse(url, true)),
  };

  /**
   * @param hideFinding drops findings another extension already reports (see red-hat-yaml.ts).
   */
  constructor(
    private readonly reviews: DesignReviews,
    private readonly hideFinding: (uri: vscode.Uri, finding: HostFinding) => boolean = () => false,
  ) {
    this.disposables.push(
      reviews.onDidReview((r) => this.publish(r)),
      reviews.onDidForget((uri) => this.clear(uri)),
    );
  }

  private publish({ uri, version, result }: DesignReview): void {
    const shown = result.findings.filter((f) => !this.hideFinding(uri, f));
    this.published.set(uri.toString(), { findings: new PublishedFindings(version, shown), review: result });
    this.collection.set(uri, shown.map((f) => this.toDiagnostic(uri, f)));
  }

  private toDiagnostic(uri: vscode.Uri, f: HostFinding): vscode.Diagnostic {
    const data = designDiagnostic(f, this.links);
    const d = new vscode.Diagnostic(toRange(data.range), data.message, toSeverity(data.severity));
    d.source = DIAGNOSTIC_SOURCE;
    // A team's check links to its own docs (an http(s) link, checked when the config was read), or to nothing.
    d.code = data.href ? { value: data.code, target: data.href } : data.code;
    if (data.related.length) {
      d.relatedInformation = data.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
    }
    return d;
  }

  private cachedLink(key: string, make: () => vscode.Uri): vscode.Uri {
    let link = this.linkCache.get(key);
    if (!link) this.linkCache.set(key, (link = make()));
    return link;
  }

  /** Publish every latest review again: what `hideFinding` hides has changed (settings, extensions). */
  refresh(): void {
    for (const uri of this.reviews.uris()) {
      const review = this.reviews.latestReview(uri);
      if (review) this.publish(review);
    }
  }

  clear(uri: vscode.Uri): void {
    this.published.delete(uri.toString());
    this.collection.delete(uri);
  }

  /**
   * The fixes of the finding behind one of our diagnostics, built by the review that found
   * it, if it was made for this very version of the document (a fix computed for an older
   * text must never be applied to a newer one).
   */
  async fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<Fix[]> {
    const published = this.published.get(document.uri.toString());
    const finding = published?.findings.findingFor(document.version, ruleOf(diagnostic), diagnostic.range, diagnostic.message);
    return finding && published ? published.review.fixesOf(finding) : [];
  }

  /** Counts by severity of the diagnostics shown for a document. */
  counts(uri: vscode.Uri): { error: number; warning: number; info: number } {
    const out = { error: 0, warning: 0, info: 0 };
    for (const d of this.collection.get(uri) ?? []) {
      if (d.severity === vscode.DiagnosticSeverity.Error) out.error++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) out.warning++;
      else out.info++;
    }
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
