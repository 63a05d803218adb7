/**
 * The lifecycle panel's messages, both ways, as tagged unions: the one module the host
 * (src/panel/) and the page (src/page/) share. Messages from the page are checked with
 * `isPageMessage` before the host acts on them.
 */
import type { LifecycleModel, Range } from '../engine/types';

export const VIEW_TYPE = 'mlsystem.lifecycle';

/** What the page shows: one design's lifecycle model. */
export interface PanelState {
  /** The design document's uri, as a string. */
  uri: string;
  /** The file name, for the heading. */
  fileName: string;
  model: LifecycleModel;
  /** Locked on this design, or following the active design editor. */
  locked: boolean;
}

/**
 * The page's own words (its toolbar and title), translated by the host (`vscode.l10n`) and
 * given to the page in `data-strings`: the page itself has no translations.
 */
export interface PageStrings {
  exportLabel: string;
  exportTooltip: string;
  reportLabel: string;
  reportTooltip: string;
  followLabel: string;
  lockedLabel: string;
  lockTooltip: string;
  /** The page's title, `{0}` standing for the file name. */
  title: string;
}

/** The page's title for a design file (a function replacement: `$` in a file name stays as written). */
export function pageTitle(strings: PageStrings, fileName: string): string {
  return strings.title.replace('{0}', () => fileName);
}

/** What the page keeps across a window reload (vscode.setState), for the serializer. */
export interface PersistedState {
  uri: string;
  locked: boolean;
  /** Sections the reader folded away (`data-section` ids). */
  folded?: string[];
  /** Long lists the reader asked to see whole (`data-show-all` ids). */
  expanded?: string[];
}

export type HostMessage =
  /**
   * A new review of the design (or another design, when the panel follows the editor): the
   * `PanelState` as JSON (`updateMessage`). A string crosses the webview's frames as one
   * copy, where the state of a large design as objects is cloned field by field at each.
   */
  | { type: 'update'; state: string }
  /** The elements whose entries hold the editor's cursor (empty: none). */
  | { type: 'highlight'; keys: string[] }
  /** The lock changed from the host (command or title button). */
  | { type: 'locked'; locked: boolean };

export type PageMessage =
  /** The page has drawn its initial state, every resource it loads (fonts too) has arrived, and it listens. */
  | { type: 'ready' }
  /** Show this element's source in the editor. */
  | { type: 'reveal'; key: string; range: Range }
  | { type: 'export' }
  /** Export the review report (HTML), as the command does. */
  | { type: 'exportReport' }
  | { type: 'toggleLock' };

function isPosition(value: unknown): boolean {
  const p = value as { line?: unknown; character?: unknown } | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
}

function isRange(value: unknown): value is Range {
  const r = value as { start?: unknown; end?: unknown } | null;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

/** The page runs document-derived content: never trust a message's shape. */
export function isPageMessage(value: unknown): value is PageMessage {
  const m = value as { type?: unknown; key?: unknown; range?: unknown } | null;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready':
    case 'export':
    case 'exportReport':
    case 'toggleLock':
      return true;
    case 'reveal':
      return typeof m.key === 'string' && isRange(m.range);
    default:
      return false;
  }
}

export function updateMessage(state: PanelState): HostMessage {
  return { type: 'update', state: JSON.stringify(state) };
}

export function isHostMessage(value: unknown): value is HostMessage {
  const m = value as { type?: unknown; state?: unknown; keys?: unknown; locked?: unknown } | null;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'update':
      return typeof m.state === 'string';
    case 'highlight':
      return Array.isArray(m.keys) && m.keys.every((k) => typeof k === 'string');
    case 'locked':
      return typeof m.locked === 'boolean';
    default:
      return false;
  }
}
