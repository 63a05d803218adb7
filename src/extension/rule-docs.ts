/**
 * A rule's page, as ESLint and markdownlint open theirs: rendered, read-only. The page
 * ships with the extension (docs/rules/<id>.md); the built-in Markdown preview shows it, so
 * a click on a rule id never opens the raw file as an editable tab.
 */
import * as vscode from 'vscode';
import { RULE_IDS, RULES_BY_ID } from '../engine';
import type { Finding, RuleId } from '../engine';

export const SHOW_RULE_DOCS = 'mlsystem.showRuleDocs';

function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

/** The link behind a diagnostic's rule id (and the hover's): a command link that opens the rendered page. */
export function ruleDocsLink(rule: RuleId): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/**
 * Where a finding's rule id links: a built-in rule's page (rendered), a team check's own
 * docs (an http(s) link, checked when the config was read), or nothing for a check without.
 */
export function findingDocsLink(f: Pick<Finding, 'rule' | 'docs'>): vscode.Uri | undefined {
  if (f.docs) return vscode.Uri.parse(f.docs, true);
  return isRuleId(f.rule) ? ruleDocsLink(f.rule) : undefined;
}

/** The bundled page of a rule. */
export function ruleDocsUri(extensionUri: vscode.Uri, rule: RuleId): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
}

/** Opens the rule's page in the Markdown preview; with no rule given, asks which. */
export async function showRuleDocs(extensionUri: vscode.Uri, rule?: unknown): Promise<boolean> {
  let id = isRuleId(rule) ? rule : undefined;
  if (id === undefined) {
    const picked = await vscode.window.showQuickPick(
      RULE_IDS.map((r) => ({ label: r, detail: RULES_BY_ID[r].summary })),
      { title: vscode.l10n.t('Rule documentation'), placeHolder: vscode.l10n.t('Which rule?'), matchOnDetail: true },
    );
    if (!picked) return false;
    id = picked.label as RuleId;
  }
  await vscode.commands.executeCommand('markdown.showPreview', ruleDocsUri(extensionUri, id));
  return true;
}
