/** Hover in design documents and YAML configuration files: the schema's description of a key, a rule's summary for a waiver's rule. */
import * as vscode from 'vscode';
import { CONFIG_SCHEMA } from '../engine';
import { isYamlConfigFile } from './bundled-files';
import { hoverMarkdown } from './core/schema-completion';
import { nodeAt } from './core/yaml-cursor';
import type { DesignReviews } from './design-reviews';

export class DesignHover implements vscode.HoverProvider {
  constructor(private readonly reviews: DesignReviews) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const config = isYamlConfigFile(document.uri.path);
    if (!config && !(await this.reviews.isDesign(document))) return undefined;
    const at = nodeAt(document.getText(), document.offsetAt(position));
    if (!at) return undefined;
    const markdown = hoverMarkdown(at.path, at.onKey, at.value, config ? CONFIG_SCHEMA : undefined);
    if (!markdown) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(markdown), new vscode.Range(document.positionAt(at.start), document.positionAt(at.end)));
  }
}
