/**
 * The engine's plain building blocks: positions, ranges, edits, fixes, data paths and
 * severities. They name no rule, so every engine module (rules included) may import them.
 */

export type Severity = 'error' | 'warning' | 'info';
/** A rule's configured level: a severity, or `off` to drop its findings. */
export type SeveritySetting = Severity | 'off';

/** Zero-based line and UTF-16 character, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text in `range` with `newText` (an insertion has an empty range). */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same change as a snippet (tab stops and choices, in the syntax VS Code and the
   * Language Server Protocol share), for an editor that lets the author fill it in place.
   */
  snippet?: string;
}

/**
 * What a fix does, so hosts and tests can tell fixes apart without reading their titles:
 * - `insert`: adds what is missing (a key, a skeleton, a list item, a link);
 * - `replace`: replaces a value with another (a suggested id, an allowed value, a shape);
 * - `rename`: renames a key;
 * - `remove`: removes an entry;
 * - `waive`: the "Waive <rule> here" fix every waivable finding carries.
 */
export type FixKind = 'insert' | 'replace' | 'rename' | 'remove' | 'waive';

/** A quick fix: one or more non-overlapping edits to the same document. */
export interface Fix {
  title: string;
  kind: FixKind;
  edits: TextEdit[];
  /** The fix a user most likely wants; fix-all applies it (or a finding's only fix). */
  isPreferred?: boolean;
}

/** A data path into the design: keys and list indexes, e.g. ['framing', 0, 'serves', 1]. */
export type DataPath = readonly (string | number)[];

export interface RelatedLocation {
  message: string;
  range: Range;
}

/**
 * Where on the node at a finding's `path` the finding is shown (Locator's ranges):
 * - `subject`: a mapping entry's key, or a list item's first line;
 * - `value`: the value;
 * - `key`: the mapping entry's key;
 * - `missing`: where a missing thing at `path` would go (the nearest existing section's key).
 */
export type Anchor = 'subject' | 'value' | 'key' | 'missing';

/** What a rule found: review() adds the rule id, the range, the target and the severity. */
export interface RuleFinding {
  /** What is wrong and what to do, in one short sentence (under about 100 characters). */
  message: string;
  /** Why it matters, for the hover, the rule page's readers and JSON/SARIF; the rule's summary when not said. */
  help?: string;
  /** The data path the finding is about (the missing child's path for a missing thing). */
  path: DataPath;
  /** Where on `path` it is shown; `subject` when not said. */
  at?: Anchor;
  /**
   * When the text has nothing at `path` to show it on (the thing is read through an
   * alias): `skip` drops the finding; otherwise it is shown where `missing` would show it.
   */
  unplaced?: 'skip';
  /** Set instead of `at` when the finding is about text rather than a node (yaml-syntax). */
  range?: Range;
  /** The waiver target, when it is not the one the locator names for `path`. */
  target?: string;
  /**
   * Keys missing under `path` that the finding is about: a waiver naming one of them
   * (`business.objectives.<id>.target`) silences it, as docs/format.md lists such targets.
   */
  missing?: readonly string[];
  /**
   * The fixes, or a function that builds them: the runner calls it only when a host first
   * reads the finding's fixes (the CLI never does), so a costly fix waits until it is asked for.
   */
  fixes?: Fix[] | (() => Fix[]);
  related?: RelatedLocation[];
}
