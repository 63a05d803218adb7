/**
 * The lifecycle panel's page (browser side, bundled to dist/webview/panel.js). It draws the
 * state it is given and redraws in place on each update, keeping scroll and focus; clicks
 * and Enter/Space on an element ask the host to reveal its source. It sees the DOM and the
 * webview API only: it draws with src/render/ and talks to the host through the protocol.
 */
import { rangeOfKey } from '../render/elements';
import { isHostMessage } from '../protocol/panel-messages';
import type { HostMessage, PageMessage, PanelState, PersistedState } from '../protocol/panel-messages';
import { renderCounts, renderSections } from '../render/sections-html';
import { renderLifecycleSvg } from '../render/svg';

const vscode = acquireVsCodeApi<PersistedState>();
let current: PanelState | undefined;
let highlighted: string[] = [];

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

function post(message: PageMessage): void {
  vscode.postMessage(message);
}

function focusedKey(): string | undefined {
  const active = document.activeElement;
  return active instanceof Element ? (active.closest('[data-key]')?.getAttribute('data-key') ?? undefined) : undefined;
}

function findKey(key: string): Element | undefined {
  return Array.from(document.querySelectorAll('[data-key]')).find((el) => el.getAttribute('data-key') === key);
}

const rendered = new WeakMap<HTMLElement, string>();

/** Replace only what changed, so typing elsewhere in the document leaves the page still. */
function replaceIfChanged(el: HTMLElement, html: string): void {
  if (rendered.get(el) === html) return;
  el.innerHTML = html;
  rendered.set(el, html);
}

function renderLock(locked: boolean): void {
  const button = byId('lock');
  button.setAttribute('aria-pressed', String(locked));
  button.querySelector('.codicon')?.setAttribute('class', `codicon codicon-${locked ? 'lock' : 'unlock'}`);
  const label = button.querySelector('.action-label');
  if (label) label.textContent = locked ? 'Locked' : 'Follow editor';
}

function render(state: PanelState): void {
  const keepFocus = focusedKey();
  const { scrollX, scrollY } = window;
  const { model } = state;
  current = state;
  byId('design-name').textContent = model.name ?? state.fileName;
  byId('file-name').textContent = model.name ? state.fileName : '';
  replaceIfChanged(byId('counts'), renderCounts(model));
  replaceIfChanged(byId('diagram'), renderLifecycleSvg(model, { theme: 'vscode', interactive: true, idPrefix: 'panel' }));
  replaceIfChanged(byId('sections'), renderSections(model));
  renderLock(state.locked);
  applyHighlight(highlighted);
  if (keepFocus && focusedKey() !== keepFocus) (findKey(keepFocus) as HTMLElement | SVGElement | undefined)?.focus({ preventScroll: true });
  window.scrollTo(scrollX, scrollY);
  document.title = `Lifecycle: ${state.fileName}`;
  vscode.setState({ uri: state.uri, locked: state.locked });
}

/** Marks the diagram's elements and the section cards for `keys` (and unmarks the rest). */
function applyHighlight(keys: string[]): void {
  highlighted = keys;
  const wanted = new Set(keys);
  const marked = [...Array.from(document.querySelectorAll('#diagram [data-key]')), ...Array.from(document.querySelectorAll('#sections [data-card]'))];
  for (const el of marked) {
    el.classList.toggle('highlighted', wanted.has(el.getAttribute('data-card') ?? el.getAttribute('data-key') ?? ''));
  }
}

function reveal(target: Element): void {
  const key = target.getAttribute('data-key');
  if (!key || !current) return;
  const range = rangeOfKey(current.model, key);
  if (range) post({ type: 'reveal', key, range });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-key]') : null;
  if (target) {
    event.preventDefault();
    reveal(target);
  }
});

// <button>s activate on Enter/Space by themselves; the diagram's SVG groups need this.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof Element ? event.target : null;
  if (target && target.closest('svg') && target.hasAttribute('data-key')) {
    event.preventDefault();
    reveal(target);
  }
});

byId('export').addEventListener('click', () => post({ type: 'export' }));
byId('export-report').addEventListener('click', () => post({ type: 'exportReport' }));
byId('lock').addEventListener('click', () => post({ type: 'toggleLock' }));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  const message: HostMessage = event.data;
  switch (message.type) {
    case 'update':
      render(message.state);
      break;
    case 'highlight':
      applyHighlight(message.keys);
      break;
    case 'locked':
      if (current) current = { ...current, locked: message.locked };
      renderLock(message.locked);
      if (current) vscode.setState({ uri: current.uri, locked: message.locked });
      break;
  }
});

/**
 * Resolves once everything the page loads has arrived, the icon font included (it is
 * requested only at the first layout, after this script has run). In VS Code for the web
 * every webview resource passes through one shared service worker that waits up to 30 s
 * for an answer; a panel closed while a request is on its way leaves that worker busy,
 * and the next webview's worker cannot take over until it times out, so the next page
 * hangs (microsoft/vscode#131407). Saying ready only now lets the host, and tests, know
 * when closing the panel leaves nothing behind.
 */
async function resourcesLoaded(): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  await document.fonts.ready; // waits for pending layout and the font loads it starts
}

const initial = document.body.dataset.state;
if (initial) render(JSON.parse(initial) as PanelState);
void resourcesLoaded().then(() => post({ type: 'ready' }));
