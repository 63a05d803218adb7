/**
 * Text -> YAML document with node ranges. The one parse every rule reuses.
 * Input that parses but cannot be read safely (too large, nested too deep, alias bombs)
 * becomes a `yaml-syntax` finding here, never an exception.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Range, RuleFinding } from './types';
import { LineIndex } from './locate';

/** Documented limits (docs/limits.md); a document past one gets a `yaml-syntax` error. */
export const LIMITS = {
  /** Characters in one design document. */
  maxLength: 4 * 1024 * 1024,
  /** Alias expansions while reading the data (the `yaml` package's own guard). */
  maxAliasCount: 100,
  /** Nesting of collections. */
  maxDepth: 64,
} as const;

export interface ParsedDesign {
  text: string;
  lines: LineIndex;
  /** Undefined only when the text was refused before parsing (too large, too deep). */
  doc: Document.Parsed | undefined;
  /** The design as plain data; undefined while `errors` is not empty. */
  data: unknown;
  /** `yaml-syntax` findings: parser errors and unsafe input. */
  errors: RuleFinding[];
}

function syntaxFinding(lines: LineIndex, start: number, end: number, message: string): RuleFinding {
  const range: Range = lines.range(start, Math.max(end, start));
  return { rule: 'yaml-syntax', message, range, path: [], fixes: [] };
}

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

/** Thrown by toData when the data cannot be read by a plain walk. */
class NeedsAliases extends Error {}
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/**
 * The document's data as plain JS, in one walk that also bounds nesting. Cheaper than the
 * `yaml` package's general toJS; a document with aliases goes through toJS instead, for its
 * alias-expansion guard.
 */
function toData(node: unknown, depth: number): unknown {
  if (isScalar(node)) return node.value;
  if (isMap(node) || isSeq(node)) {
    if (depth >= LIMITS.maxDepth) throw new TooDeep(node.range?.[0] ?? 0);
    if (isSeq(node)) return node.items.map((item) => toData(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : toData(pair.key, depth + 1);
      if (key === '<<' && isAlias(pair.value)) throw new NeedsAliases();
      const name = typeof key === 'object' && key !== null ? JSON.stringify(key) : String(key);
      // defineProperty, so a `__proto__` key is data and never a prototype.
      Object.defineProperty(out, name, { value: toData(pair.value, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (isAlias(node)) throw new NeedsAliases();
  return node ?? null;
}

export function parse(text: string): ParsedDesign {
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

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, keepSourceTokens: false });
  } catch (e) {
    return refuse(0, 0, `The YAML parser could not read this file: ${(e as Error).message}`);
  }
  const errors = doc.errors.map((e) => syntaxFinding(lines, e.pos[0], e.pos[1], firstLine(e.message)));
  if (errors.length) return { text, lines, doc, data: undefined, errors };

  try {
    return { text, lines, doc, data: toData(doc.contents, 0), errors };
  } catch (e) {
    if (e instanceof TooDeep) {
      return { text, lines, doc, data: undefined, errors: [
        syntaxFinding(lines, e.offset, e.offset + 1, `Nesting is too deep to review (more than ${LIMITS.maxDepth} levels).`),
      ] };
    }
    if (!(e instanceof NeedsAliases)) throw e;
  }
  try {
    const data = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    return { text, lines, doc, data, errors };
  } catch (e) {
    let at = 0;
    visit(doc, {
      Alias(_k, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const message = e instanceof ReferenceError && /alias/i.test(e.message)
      ? `Aliases expand too far to review safely (more than ${LIMITS.maxAliasCount} expansions).`
      : `The YAML could not be read: ${firstLine((e as Error).message)}`;
    return { text, lines, doc, data: undefined, errors: [syntaxFinding(lines, at, at + 1, message)] };
  }
}

