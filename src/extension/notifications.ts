/**
 * Every notification the editor host shows goes through here. The VS Code API cannot read
 * the workbench's notifications, so the integration tests read what was shown (message and
 * buttons) from `forTests`, and may answer as a click on a button would; the notification
 * itself is VS Code's, shown as usual.
 */
import * as vscode from 'vscode';
import { printable } from '../render/printable';

export type NotificationSeverity = 'info' | 'warning' | 'error';

export interface ShownNotification {
  severity: NotificationSeverity;
  message: string;
  buttons: string[];
}

/**
 * The message as a notification shows it safely: it quotes untrusted text (file names,
 * settings), so control characters and line breaks are shown as escapes (`\u001b`, `\n`),
 * and no `](` is left for VS Code to draw `[text](command:...)` as a link (a word joiner,
 * invisible, stands between the two).
 */
export function notificationText(message: string): string {
  return printable(message).replace(/\](?=\()/g, ']\u2060');
}

/** How many notifications `forTests` keeps, the latest last. */
const KEPT = 50;

export class Notifications {
  private readonly shown: ShownNotification[] = [];
  private answer: ((notification: ShownNotification) => string | undefined) | undefined;

  /** Shows the message with its buttons; resolves with the button clicked, undefined when dismissed. */
  show(severity: NotificationSeverity, text: string, ...buttons: string[]): Thenable<string | undefined> {
    const message = notificationText(text);
    const notification = { severity, message, buttons };
    this.shown.push(notification);
    if (this.shown.length > KEPT) this.shown.shift();
    const choice = severity === 'error'
      ? vscode.window.showErrorMessage(message, ...buttons)
      : severity === 'warning' ? vscode.window.showWarningMessage(message, ...buttons) : vscode.window.showInformationMessage(message, ...buttons);
    const answered = this.answer?.(notification);
    return answered === undefined ? choice : Promise.resolve(answered);
  }

  /** The only test hooks: what was shown, and a stand-in for a click. */
  readonly forTests = {
    shown: (): readonly ShownNotification[] => [...this.shown],
    /** `answer` picks the button of each notification from now on (undefined: none, the notification stays). */
    answerWith: (answer: ((notification: ShownNotification) => string | undefined) | undefined): void => {
      this.answer = answer;
    },
  };
}

/** The extension's one instance. */
export const notifications = new Notifications();
