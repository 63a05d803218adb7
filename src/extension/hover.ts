/**
 * Hover in design documents and YAML configuration files (src/features/hover.ts): why the
 * findings under the cursor matter, with their rule's page (the diagnostic's own line is
 * VS Code's), then the schema's description of a key or value, a rule's summary for a
 * waiver's rule.
 */
import * as vscode from 'vscode';
import { CONFIG_SCHEMA } from '../engine';
import { designHover } from '../features';
import { isYamlConfigFile } from './bundled-files';
import { toRange } from './convert';
import { findingHoverMarkdown } from '../features/finding-hover';
import type { DesignReviews } from './design-reviews';
import { findingDocsLink, SHOW_RULE_DOCS } from './rule-docs';

export class DesignHover implements vscode.HoverProvider {
  constructor(private readonly reviews: DesignReviews) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const config = isYamlConfigFile(document.uri.path);
    if (!config && !(await this.reviews.isDesign(document))) return undefined;
    const parts: string[] = [];
    // Findings of an older text would point at the wrong place.
    const latest = config ? undefined : this.reviews.latestReview(document);
    const findings = latest?.version === document.version ? latest.result.findings : undefined;
    const why = findings && findingHoverMarkdown(findings, position, (f) => findingDocsLink(f)?.toString());
    if (why) parts.push(why);
    const hover = designHover(document.getText(), position, undefined, config ? CONFIG_SCHEMA : undefined);
    if (hover) parts.push(hover.markdown);
    if (!parts.length) return undefined;
    const markdown = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    markdown.isTrusted = { enabledCommands: [SHOW_RULE_DOCS] };
    return new vscode.Hover(markdown, hover ? toRange(hover.range) : undefined);
  }
}
