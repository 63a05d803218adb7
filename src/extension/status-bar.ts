/**
 * A status bar item for the active design: its readiness (pillars answered, placeholders
 * left), which the built-in error and warning counters do not show; a click opens Problems.
 */
import * as vscode from 'vscode';
import type { DesignReviews } from './design-reviews';
import type { DesignDiagnostics } from './diagnostics';

/** What the item shows. */
export interface StatusBarState {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string | undefined;
}

export class DesignStatusBar implements vscode.Disposable {
  private visible = false;
  private readonly item = vscode.window.createStatusBarItem('mlsystem.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly reviews: DesignReviews,
    private readonly diagnostics: DesignDiagnostics,
  ) {
    this.item.name = vscode.l10n.t('ML Design Review');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      reviews.onDidReview(() => this.update()),
      // Diagnostics republished without a new review (Red Hat YAML's yaml.validate switched).
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      reviews.onDidForget(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && this.reviews.get(document);
    if (!document || !result) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const { pillars, stages, placeholders } = result.readiness;
    const { error, warning, info } = this.diagnostics.counts(document.uri);
    this.item.text = vscode.l10n.t('$(checklist) {0}/{1} pillars · {2} TODO', pillars.answered, pillars.of, placeholders);
    this.item.tooltip = [
      vscode.l10n.t('Design readiness: {0} of {1} pillars fully answered.', pillars.answered, pillars.of),
      ...pillars.each.map((p) => vscode.l10n.t('{0}: {1} answered, {2} placeholder(s), {3} missing', p.label, p.answered, p.placeholders, p.missing)),
      vscode.l10n.t('{0} of {1} lifecycle stages planned; {2} placeholder(s) left to answer.', stages.planned, stages.of, placeholders),
      vscode.l10n.t('Problems: {0} error(s), {1} warning(s), {2} info. Click to open the Problems panel.', error, warning, info),
    ].join('\n');
    this.item.show();
    this.visible = true;
  }

  /** The only test hook: what the item shows (the API cannot read another extension's items). */
  get forTests(): StatusBarState {
    const command = this.item.command;
    return { visible: this.visible, text: this.item.text, tooltip: String(this.item.tooltip ?? ''), command: typeof command === 'string' ? command : command?.command };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
