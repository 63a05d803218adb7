// Driving the VS Code workbench (code-server in Debian's Chromium) as a user would:
// keyboard shortcuts, Quick Open, the command palette, the Problems panel, webviews.
// Every wait is on a selector or a condition with a deadline, never a fixed sleep.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const TIMEOUT_MS = Number(process.env.MLSYSTEM_E2E_STEP_MS) || 30_000;

/** Polls `check` (may be async) until it returns something truthy; throws `what` at the deadline. */
export async function waitUntil(check, what, timeoutMs = TIMEOUT_MS, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export class Workbench {
  /** @param {import('playwright-core').Page} page @param {string} screenshotDir */
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    this.shots = 0;
    mkdirSync(screenshotDir, { recursive: true });
  }

  async screenshot(name) {
    const file = join(this.screenshotDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Waits until the extension host has started (its status shows in no DOM; the Explorer tree stands in). */
  async ready() {
    await this.page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT_MS });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: TIMEOUT_MS });
  }

  async quickInput(shortcut, text) {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await input.fill(text);
    return input;
  }

  /** Opens a file via Quick Open (Ctrl+P) and waits until its editor tab is active. */
  async openFile(relativePath) {
    const input = await this.quickInput('Control+P', relativePath);
    const base = relativePath.split('/').pop();
    const dir = relativePath.includes('/') ? relativePath.split('/').slice(-2, -1)[0] : null;
    // Wait until the picker lists a match for the whole path, then take the focused one. A
    // file written a moment ago may not be in the search index yet: a picker that found
    // nothing searches again when its text is typed again (at most once a second).
    let retyped = Date.now();
    await waitUntil(async () => {
      const rows = await this.page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      if (rows.some((r) => r.includes(base) && (!dir || r.includes(dir)))) return true;
      if (rows.some((r) => r.includes('No matching results')) && Date.now() - retyped > 1000) {
        retyped = Date.now();
        await input.fill('');
        await input.fill(relativePath);
      }
      return false;
    }, `Quick Open to list ${relativePath}`);
    // The first row may be another file of the same name (recently opened): pick the match.
    let match = this.page.locator('.quick-input-list .monaco-list-row', { hasText: base });
    if (dir) match = match.filter({ hasText: dir });
    await match.first().click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    // A tab shows only the base name; the breadcrumbs show the folder too.
    await waitUntil(async () => {
      const group = this.page.locator('.editor-group-container.active');
      const tab = await group.locator('.tabs-container .tab.active').getAttribute('aria-label').catch(() => null);
      // Two open files of one name are told apart by their folder, after the name.
      if (tab !== base && !tab?.startsWith(`${base},`) && !tab?.startsWith(`${base} `)) return false;
      if (!dir) return true;
      const crumbs = await group.locator('.breadcrumbs-control').first().innerText().catch(() => '');
      return crumbs.includes(dir);
    }, `the editor tab for ${relativePath}`);
    await this.focusEditor();
  }

  /** Moves keyboard focus into the active editor (Ctrl+1: focus the first editor group). */
  async focusEditor() {
    const editorHasFocus = () => this.page.evaluate(() => !!document.activeElement?.closest('.editor-group-container .monaco-editor'));
    await waitUntil(async () => {
      if (await editorHasFocus()) return true;
      await this.page.keyboard.press('Control+1');
      return editorHasFocus();
    }, 'the editor to take focus');
  }

  /**
   * Runs a command by its palette title, e.g. "ML Design: Open Lifecycle Preview". A
   * command that asks in a quick input of its own (a simple save dialog) may show it before
   * the palette is seen to close: `opensInput` waits for the palette's text to go instead.
   */
  async runCommand(title, { opensInput = false } = {}) {
    const input = await this.quickInput('Control+Shift+P', `>${title}`); // the palette is Quick Open in command mode
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await row.click();
    if (opensInput) await waitUntil(async () => !(await input.inputValue()).startsWith('>'), `the palette to give way to ${title}'s input`);
    else await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  }

  /** Goes to a 1-based line (Ctrl+G), cursor at its end. */
  async goToLine(line) {
    await this.quickInput('Control+G', `:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await this.page.keyboard.press('End');
  }

  async openProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    return panel;
  }

  /**
   * The markers listed in the Problems panel: severity, the row's text (message, then
   * "source(code)" and the position) and its accessible label ("Warning: <message> at line
   * 40 and character 1. generated by mlsystem-review"). File rows are left out. The tree
   * renders only the rows in view; the panel is tall enough for the fixtures.
   */
  async problems() {
    const panel = await this.openProblems();
    const rows = await panel.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e.textContent ?? '').replace(/\s+/g, ' ').trim() })));
    return rows
      .map((r) => ({ ...r, severity: (r.label.match(/^(Error|Warning|Info)\b/) ?? [])[1]?.toLowerCase() }))
      .filter((r) => r.severity);
  }

  /** Waits until the Problems panel shows markers that satisfy `accept`. */
  async waitForProblems(accept, what, timeoutMs = TIMEOUT_MS) {
    return waitUntil(async () => {
      const rows = await this.problems();
      return accept(rows) ? rows : false;
    }, what, timeoutMs);
  }

  /** The status bar's problem counts. */
  async problemCounts() {
    const label = (await this.page.locator('#status\\.problems').getAttribute('aria-label').catch(() => null)) ?? '';
    const num = (re) => Number((label.match(re) ?? [])[1] ?? 0);
    return { errors: num(/Errors?:\s*(\d+)/i), warnings: num(/Warnings?:\s*(\d+)/i), infos: num(/Infos?:\s*(\d+)/i), label };
  }

  /** Types into the Problems panel's filter box ('' clears it). */
  async filterProblems(text) {
    await this.openProblems();
    const box = this.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    await box.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await box.fill(text);
  }

  /** Opens the first Problems row whose text includes `text`: the editor gets focus, the cursor on the marker. */
  async revealProblem(text) {
    const panel = await this.openProblems();
    const row = panel.locator('.monaco-list-row', { hasText: text }).first();
    await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await row.dblclick();
    await waitUntil(async () => this.page.evaluate(() => !!document.activeElement?.closest('.editor-group-container .monaco-editor')),
      'the editor to take focus');
  }

  /**
   * Opens the light bulb menu (Ctrl+.) at the cursor and picks the first action whose title
   * matches (a substring, a RegExp or a predicate).
   */
  async applyCodeAction(titleMatch) {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const items = widget.locator('.monaco-list-row.action');
    const titles = await waitUntil(async () => {
      const t = await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
      return t.length ? t : false;
    }, 'the code action menu to list actions');
    const matches = (t) => (typeof titleMatch === 'string' ? t.includes(titleMatch) : typeof titleMatch === 'function' ? titleMatch(t) : titleMatch.test(t));
    const wanted = titles.find(matches);
    if (wanted === undefined) throw new Error(`no code action matches ${titleMatch}; offered: ${JSON.stringify(titles)}`);
    // The menu sits under a pointer-blocking layer: choose with the keyboard, as users do.
    for (let i = 0; i <= titles.length; i++) {
      const focused = await widget.locator('.monaco-list-row.action.focused').getAttribute('aria-label').catch(() => null);
      if (focused === wanted) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    return wanted;
  }

  /**
   * Types a snippet prefix, waits for the suggestion and accepts it; `firstPlaceholder`,
   * if given, is typed over the first tab stop, as a user fills it in.
   */
  async insertSnippet(prefix, firstPlaceholder) {
    await this.page.keyboard.type(prefix);
    const widget = this.page.locator('.editor-widget.suggest-widget');
    if (!(await widget.isVisible().catch(() => false))) await this.page.keyboard.press('Control+Space');
    const row = widget.locator('.monaco-list-row', { hasText: prefix }).first();
    await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    if (firstPlaceholder !== undefined) await this.page.keyboard.type(firstPlaceholder);
    await this.page.keyboard.press('Escape'); // leave snippet placeholder mode
  }

  /**
   * Saves the active editor until `check` (e.g. a read of the file on disk) holds. An edit
   * lands asynchronously, and a quick fix's edit may be saved by VS Code itself
   * (files.refactoring.autoSave), so: press Ctrl+S whenever the tab is dirty, until `check`.
   */
  async saveUntil(check, what) {
    const dirty = this.page.locator('.editor-group-container.active .tabs-container .tab.active.dirty');
    return waitUntil(async () => {
      if (await dirty.count()) await this.page.keyboard.press('Control+S');
      return check();
    }, what);
  }

  /**
   * The text of an Output channel, picked by name with "Output: Show Output Channels..."
   * (the Output view shows one channel at a time, in a read-only editor).
   */
  async outputChannelText(name) {
    const input = await this.quickInput('Control+Shift+P', '>Output: Show Output Channels');
    const command = this.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Output Channels' }).first();
    await command.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await command.click();
    await input.fill(name);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    const lines = this.page.locator('.output-view .monaco-editor .view-lines');
    await lines.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    return (await lines.innerText()).replace(/\u00a0/g, ' '); // the editor draws spaces as no-break spaces
  }

  /**
   * The content frame of the active webview panel. VS Code draws a webview as an outer
   * iframe (.webview) holding an inner iframe (#active-frame) with the extension's page.
   */
  async webviewFrame(titleMatch) {
    if (titleMatch) {
      await this.page.locator('.tabs-container .tab.active', { hasText: titleMatch }).waitFor({ timeout: TIMEOUT_MS });
    }
    const outer = this.page.locator('iframe.webview.ready').last();
    await outer.waitFor({ state: 'attached', timeout: TIMEOUT_MS });
    const frame = this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await frame.locator('body').waitFor({ state: 'attached', timeout: TIMEOUT_MS });
    return frame;
  }
}
