/**
 * Text -> YAML document with node ranges. The one parse every rule reuses.
 * Input that parses but cannot be read safely (too large, nested too deep, alias bombs)
 * becomes a `yaml-syntax` finding here, never an exception.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { Range } from './basics';
import { isMergeKey, LineIndex, mergeSources } from './locate';
import { composeFast } from './compose';
import { readDirect } from './direct-reader';

/** Documented limits (docs/limits.md); a document past one gets a `yaml-syntax` error. */
export const LIMITS = {
  /** Characters in one design document. */
  maxLength: 4 * 1024 * 1024,
  /** Alias expansions while reading the data (the `yaml` package's own guard). */
  maxAliasCount: 100,
  /** Nesting of collections. */
  maxDepth: 64,
  /** `schema` findings listed per document; one more finding counts the rest. */
  maxSchemaFindings: 100,
} as const;

export interface ParsedDesign {
  text: string;
  lines: LineIndex;
  /** Undefined only when the text was refused before parsing (too large, too deep). */
  doc: Document.Parsed | undefined;
  /** The design as plain data; undefined while `errors` is not empty. */
  data: unknown;
  /** What makes the text unreadable (parser errors, unsafe input): the `yaml-syntax` findings. */
  errors: SyntaxProblem[];
}

export interface SyntaxProblem {
  message: string;
  range: Range;
}

function syntaxFinding(lines: LineIndex, start: number, end: number, message: string): SyntaxProblem {
  return { message, range: lines.range(start, Math.max(end, start)) };
}

/**
 * Where the first key repeated in its mapping starts, as the `yaml` package reports it
 * (scalar keys with equal values), found with one set per mapping instead of its
 * comparison of every pair.
 */
function duplicateKey(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  let first: number | undefined;
  while (stack.length) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isMergeKey(key)) {
          // Merge keys may repeat (`<<: *a` and `<<: *b`), as under the `yaml` package's `merge` option.
        } else if (isScalar(key)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? 0;
            if (first === undefined || at < first) first = at;
          }
          seen.add(key.value);
        } else {
          stack.push(key);
        }
        stack.push(pair.value);
      }
    }
  }
  return first;
}

/** For a design author, not the library's advice to call parseAllDocuments(). */
const MULTIPLE_DOCUMENTS = 'A design file holds one YAML document: this `---` starts a second one. Remove it and what follows, or move that to a file of its own.';

/** The parser's message without its multi-line excerpt of the source. */
function firstLine(message: string): string {
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}

/**
 * The deepest nesting of flow brackets, counted before parsing so a hostile
 * `[[[[...` is refused cheaply. Quoted strings and comments are skipped.
 */
function flowDepthExceeds(text: string, limit: number): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (quote === '"' && c === 92 /* \ */) i++;
      else if (text[i] === quote) quote = '';
      else if (c === 10) quote = quote === "'" || quote === '"' ? quote : '';
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if ((c === 34 || c === 39) && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) {
      quote = text[i];
    } else if (c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    }
  }
  return -1;
}

/** Why the data cannot be read safely, and where. */
class Unreadable extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const MERGE_SOURCES = 'A merge key (`<<`) takes a mapping, an alias of one, or a list of them.';

/**
 * The document's data as plain JS, in one walk that also bounds nesting and alias
 * expansion (an alias is expanded where it stands, counted against the limit, so a
 * billion-laughs document stops early). A merge key (`<<: *defaults`) merges as in
 * YAML 1.1, as the `yaml` package's `merge` option does: a mapping's own keys win over
 * merged ones, and earlier sources over later ones.
 */
function toData(doc: Document.Parsed): unknown {
  let expansions = 0;
  const define = (out: Record<string, unknown>, name: string, value: unknown): void => {
    // defineProperty, so a `__proto__` key is data and never a prototype.
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  };
  const walk = (node: unknown, depth: number): unknown => {
    if (isScalar(node)) return node.value;
    if (isAlias(node)) {
      if (++expansions > LIMITS.maxAliasCount) {
        throw new Unreadable(node.range?.[0] ?? 0, `Aliases expand too far to review safely (more than ${LIMITS.maxAliasCount} expansions).`);
      }
      return walk(node.resolve(doc), depth);
    }
    if (isMap(node) || isSeq(node)) {
      if (depth >= LIMITS.maxDepth) throw new Unreadable(node.range?.[0] ?? 0, `Nesting is too deep to review (more than ${LIMITS.maxDepth} levels).`);
      if (isSeq(node)) return node.items.map((item) => walk(item, depth + 1));
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (isMergeKey(pair.key)) {
          const value = pair.value as Node | null;
          const sources = mergeSources(value, doc);
          if (!sources) throw new Unreadable(value?.range?.[0] ?? (pair.key as Node).range?.[0] ?? 0, MERGE_SOURCES);
          for (const source of sources) {
            const merged = walk(source.through ?? source.map, depth) as Record<string, unknown>;
            for (const name of Object.keys(merged)) if (!Object.hasOwn(out, name)) define(out, name, merged[name]);
          }
          continue;
        }
        const key = isScalar(pair.key) ? pair.key.value : walk(pair.key, depth + 1);
        const name = typeof key === 'object' && key !== null ? JSON.stringify(key) : String(key);
        define(out, name, walk(pair.value, depth + 1));
      }
      return out;
    }
    return node ?? null;
  };
  return walk(doc.contents, 0);
}

/** A second `%YAML` directive for one document, which the parser lets pass. */
function repeatedYamlDirective(text: string): number {
  const directives = /^%YAML\b/gm;
  let seen = false;
  for (let m = directives.exec(text); m; m = directives.exec(text)) {
    const between = text.slice(0, m.index);
    if (seen && !/^---/m.test(between.slice(between.lastIndexOf('%YAML')))) return m.index;
    seen = true;
  }
  return -1;
}

/** Text that cannot be read at all (not UTF-8): one `yaml-syntax` problem at `range`. */
export function unreadable(text: string, range: Range, message: string): ParsedDesign {
  return { text, lines: new LineIndex(text), doc: undefined, data: undefined, errors: [{ message, range }] };
}

export interface ParseOptions {
  /** False: take the `yaml` package's road even where the direct reader would read the text (for the differential tests). */
  directReader?: boolean;
}

export function parse(text: string, options: ParseOptions = {}): ParsedDesign {
  const lines = new LineIndex(text);
  const refuse = (start: number, end: number, message: string): ParsedDesign => ({
    text,
    lines,
    doc: undefined,
    data: undefined,
    errors: [syntaxFinding(lines, start, end, message)],
  });

  if (text.length > LIMITS.maxLength) {
    const end = text.indexOf('\n');
    return refuse(0, end < 0 ? Math.min(text.length, 200) : end,
      `The file is too large to review (${text.length} characters; the limit is ${LIMITS.maxLength}).`);
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return refuse(nul, nul + 1, 'The file contains a NUL character: it is not a YAML text file.');
  }
  const deepAt = flowDepthExceeds(text, LIMITS.maxDepth);
  if (deepAt >= 0) {
    return refuse(deepAt, deepAt + 1, `Nesting is too deep to review (more than ${LIMITS.maxDepth} levels).`);
  }

  const directiveAt = repeatedYamlDirective(text);
  if (directiveAt >= 0) {
    return refuse(directiveAt, directiveAt + 5, 'The %YAML directive is repeated: a document may declare its YAML version only once.');
  }

  let doc: Document.Parsed;
  try {
    // The fast roads build the same Document: the direct reader for the block YAML designs
    // are written in (src/engine/direct-reader.ts), the fast composer for other plain YAML
    // (src/engine/compose.ts); the general parser takes the rest. logLevel 'error': its
    // warnings must not reach a terminal. uniqueKeys off: the package compares each key
    // with every earlier one (quadratic: 20,000 keys took 25 s); duplicateKey() finds the
    // same duplicates in one pass.
    doc = (options.directReader === false ? undefined : readDirect(text))
      ?? composeFast(text)
      ?? parseDocument(text, { prettyErrors: false, keepSourceTokens: false, logLevel: 'error', uniqueKeys: false });
  } catch (e) {
    return refuse(0, 0, `The YAML parser could not read this file: ${(e as Error).message}`);
  }
  // The first error the parser meets is the mistake; the ones after it mostly follow from
  // it (one tab gave five findings, some on correct lines), so only the first is reported.
  const first = doc.errors[0];
  if (first) {
    const message = first.code === 'MULTIPLE_DOCS' ? MULTIPLE_DOCUMENTS : firstLine(first.message);
    return { text, lines, doc, data: undefined, errors: [syntaxFinding(lines, first.pos[0], first.pos[1], message)] };
  }
  const duplicate = duplicateKey(doc.contents);
  if (duplicate !== undefined) {
    return { text, lines, doc, data: undefined, errors: [syntaxFinding(lines, duplicate, duplicate + 1, 'Map keys must be unique')] };
  }
  const errors: SyntaxProblem[] = [];

  try {
    return { text, lines, doc, data: toData(doc), errors };
  } catch (e) {
    if (!(e instanceof Unreadable) && !(e instanceof RangeError)) throw e;
    const at = e instanceof Unreadable ? e.offset : 0;
    const message = e instanceof Unreadable ? e.message : `Nesting is too deep to review (more than ${LIMITS.maxDepth} levels).`;
    return { text, lines, doc, data: undefined, errors: [syntaxFinding(lines, at, at + 1, message)] };
  }
}

