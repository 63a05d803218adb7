/**
 * The lifecycle panel's page (browser side, bundled to dist/webview/panel.js). It draws the
 * state it is given and, on each update, patches only the items that changed, keeping
 * scroll, focus, folded sections and expanded lists; clicks and Enter/Space on an element
 * ask the host to reveal its source. The diagram is drawn for the panel's width at the
 * page's text size (a ring when wide, upright when narrow). It sees the DOM and the
 * webview API only: it draws with src/render/ and talks to the host through the protocol.
 */
import { rangeOfKey } from '../render/elements';
import { isHostMessage, pageTitle } from '../protocol/panel-messages';
import type { HostMessage, PageMessage, PageStrings, PanelState, PersistedState } from '../protocol/panel-messages';
import { LIST_IDS, renderCounts, sectionLists, sectionsMarkup } from '../render/sections-html';
import type { Part } from '../render/sections-html';
import { renderLifecycleSvg } from '../render/svg';

const vscode = acquireVsCodeApi<PersistedState>();
/** The page's words, translated by the host. */
const strings = JSON.parse(document.body.dataset.strings ?? '{}') as PageStrings;
let current: PanelState | undefined;
let highlighted: string[] = [];
const saved = vscode.getState();
/** Sections folded away and long lists shown whole, kept across updates and reloads. */
const folded = new Set(saved?.folded ?? []);
const expanded = new Set(saved?.expanded ?? []);
/** Wider than this, the diagram is drawn no wider (its text would only spread out). */
const MAX_DIAGRAM_WIDTH = 1000;

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

function withAttribute(name: string, value: string): HTMLElement | undefined {
  return Array.from(document.querySelectorAll<HTMLElement>(`[${name}]`)).find((el) => el.getAttribute(name) === value);
}

function findKey(key: string): Element | undefined {
  return withAttribute('data-key', key);
}

/** The markup each patched element was drawn from, and the key of each list item. */
const rendered = new WeakMap<Element, string>();
const partKeys = new WeakMap<Element, string>();

/** Replace only what changed, so typing elsewhere in the document leaves the page still. */
function replaceIfChanged(el: Element, html: string): void {
  if (rendered.get(el) === html) return;
  el.innerHTML = html;
  rendered.set(el, html);
}

function elementFrom(part: Part): Element {
  const template = document.createElement('template');
  template.innerHTML = part.html;
  const el = template.content.firstElementChild;
  if (!el) throw new Error(`empty markup for ${part.key}`);
  rendered.set(el, part.html);
  partKeys.set(el, part.key);
  return el;
}

/**
 * Makes `list`'s children the parts, in order: an item whose markup is unchanged stays the
 * same element (its focus, its state); only new or changed items are drawn.
 */
function patchList(list: Element, parts: readonly Part[]): void {
  const byKey = new Map<string, Element>();
  for (const child of Array.from(list.children)) {
    const key = partKeys.get(child);
    if (key === undefined) child.remove();
    else byKey.set(key, child);
  }
  parts.forEach((part, i) => {
    let el = byKey.get(part.key);
    byKey.delete(part.key);
    if (!el || rendered.get(el) !== part.html) {
      const fresh = elementFrom(part);
      el?.replaceWith(fresh);
      el = fresh;
    }
    const at = list.children[i];
    if (at !== el) list.insertBefore(el, at ?? null);
  });
  for (const el of byKey.values()) el.remove();
}

function persist(): void {
  if (current) vscode.setState({ uri: current.uri, locked: current.locked, folded: [...folded], expanded: [...expanded] });
}

/** The diagram, drawn 1:1 for the width it has and the text size the page gives it. */
function drawDiagram(model: PanelState['model']): void {
  const figure = byId('diagram');
  const width = Math.min(figure.clientWidth, MAX_DIAGRAM_WIDTH);
  if (width <= 0) return; // not laid out (hidden): drawn when it is
  const fontSize = parseFloat(getComputedStyle(figure).fontSize) || 13;
  replaceIfChanged(byId('cycle'), renderLifecycleSvg(model, { theme: 'vscode', interactive: true, idPrefix: 'panel', width, fontSize }));
}

/** Whether the sections draw a list item past its first part only because it holds the cursor. */
let drawnForCursor = false;

function drawSections(model: PanelState['model']): void {
  const root = byId('sections');
  if (!root.firstElementChild) {
    root.innerHTML = sectionsMarkup();
    for (const section of Array.from(root.querySelectorAll<HTMLDetailsElement>('details[data-section]'))) {
      section.open = !folded.has(section.dataset.section ?? '');
    }
  }
  const lists = sectionLists(model, { expanded, cursor: highlighted });
  drawnForCursor = LIST_IDS.some((id) => lists[id].held > 0);
  for (const id of LIST_IDS) {
    const list = root.querySelector(`[data-list="${id}"]`);
    if (list) patchList(list, lists[id].items);
    const more = root.querySelector(`[data-more="${id}"]`);
    if (more) replaceIfChanged(more, lists[id].more);
  }
  root.querySelector<HTMLElement>('[data-empty="objectives"]')?.toggleAttribute('hidden', lists.objectives.total > 0);
  root.querySelector<HTMLElement>('[data-block="unlinked"]')?.toggleAttribute('hidden', lists.unlinked.total === 0);
}

function renderLock(locked: boolean): void {
  const button = byId('lock');
  button.setAttribute('aria-pressed', String(locked));
  button.querySelector('.codicon')?.setAttribute('class', `codicon codicon-${locked ? 'lock' : 'unlock'}`);
  const label = button.querySelector('.action-label');
  if (label) label.textContent = locked ? strings.lockedLabel : strings.followLabel;
}

function render(state: PanelState): void {
  const keepFocus = focusedKey();
  const { scrollX, scrollY } = window;
  const { model } = state;
  current = state;
  byId('design-name').textContent = model.name ?? state.fileName;
  byId('file-name').textContent = model.name ? state.fileName : '';
  replaceIfChanged(byId('counts'), renderCounts(model));
  drawDiagram(model);
  drawSections(model);
  renderLock(state.locked);
  applyHighlight(highlighted);
  if (keepFocus && focusedKey() !== keepFocus) (findKey(keepFocus) as HTMLElement | SVGElement | undefined)?.focus({ preventScroll: true });
  window.scrollTo(scrollX, scrollY);
  document.title = pageTitle(strings, state.fileName);
  persist();
}

/** Shows a long list whole, or its first part again; the button keeps the focus. */
function toggleList(list: string): void {
  if (!current) return;
  if (!expanded.delete(list)) expanded.add(list);
  const { scrollX, scrollY } = window;
  drawSections(current.model);
  applyHighlight(highlighted);
  withAttribute('data-show-all', list)?.focus({ preventScroll: true });
  window.scrollTo(scrollX, scrollY);
  persist();
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
  const showAll = event.target instanceof Element ? event.target.closest('[data-show-all]') : null;
  if (showAll) {
    toggleList(showAll.getAttribute('data-show-all') ?? '');
    return;
  }
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

// `toggle` does not bubble: listen while it goes down.
document.addEventListener(
  'toggle',
  (event) => {
    const section = event.target instanceof HTMLDetailsElement ? event.target.dataset.section : undefined;
    if (!section) return;
    if (event.target instanceof HTMLDetailsElement && event.target.open) folded.delete(section);
    else folded.add(section);
    persist();
  },
  true,
);

// Drawn again for a new width (the ring turns upright when the panel narrows).
new ResizeObserver(() => {
  if (current) {
    drawDiagram(current.model);
    applyHighlight(highlighted);
  }
}).observe(byId('diagram'));

byId('export').addEventListener('click', () => post({ type: 'export' }));
byId('export-report').addEventListener('click', () => post({ type: 'exportReport' }));
byId('lock').addEventListener('click', () => post({ type: 'toggleLock' }));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  const message: HostMessage = event.data;
  switch (message.type) {
    case 'update':
      render(JSON.parse(message.state) as PanelState);
      break;
    case 'highlight':
      highlighted = message.keys;
      // The cursor's objective may lie past a long list's first part: draw it too (and
      // drop the one drawn for the cursor before).
      if (current && (drawnForCursor || message.keys.some((key) => !findKey(key)))) drawSections(current.model);
      applyHighlight(message.keys);
      break;
    case 'locked':
      if (current) current = { ...current, locked: message.locked };
      renderLock(message.locked);
      persist();
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
