/** Hover in design documents: the schema's description of a key, a rule's summary for a waiver's rule. */
import * as vscode from 'vscode';
import { hoverMarkdown } from './core/schema-completion';
import { nodeAt } from './core/yaml-cursor';
import type { DesignReviews } from './design-reviews';

export class DesignHover implements vscode.HoverProvider {
  constructor(private readonly reviews: DesignReviews) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!(await this.reviews.isDesign(document))) return undefined;
    const at = nodeAt(document.getText(), document.offsetAt(position));
    if (!at) return undefined;
    const markdown = hoverMarkdown(at.path, at.onKey, at.value);
    if (!markdown) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(markdown), new vscode.Range(document.positionAt(at.start), document.positionAt(at.end)));
  }
}
