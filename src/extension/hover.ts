/**
 * Hover in design documents and YAML configuration files (src/features/hover.ts): the
 * schema's description of a key, a rule's summary for a waiver's rule. VS Code shows the
 * diagnostics under the cursor in the same hover itself, so findings are not explained
 * again here.
 */
import * as vscode from 'vscode';
import { CONFIG_SCHEMA } from '../engine';
import { designHover } from '../features';
import { isYamlConfigFile } from './bundled-files';
import { toRange } from './convert';
import type { DesignReviews } from './design-reviews';

export class DesignHover implements vscode.HoverProvider {
  constructor(private readonly reviews: DesignReviews) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const config = isYamlConfigFile(document.uri.path);
    if (!config && !(await this.reviews.isDesign(document))) return undefined;
    const hover = designHover(document.getText(), position, undefined, config ? CONFIG_SCHEMA : undefined);
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
  }
}
