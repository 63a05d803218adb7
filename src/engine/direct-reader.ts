/**
 * The fastest road from text to a `yaml` Document: one pass over the characters, for the
 * block YAML most designs are written in, building the same nodes, ranges and values
 * `parseDocument` builds, without the `yaml` package's lexer and CST parser.
 *
 * It reads block mappings and lists (a list may sit at its key's indentation, and a list
 * item may hold a mapping on its dash's line), plain scalars on one line, quoted scalars
 * on one line without escapes, and flow lists and mappings on one line. Anything else
 * gives `undefined` and the caller goes on to `composeFast`, then `parseDocument`:
 * comments, tabs, carriage returns, document markers and directives, tags, anchors and
 * aliases, block scalars, multi-line scalars and flow collections, explicit or complex
 * keys, duplicate keys, blank lines where the Composer's placement of `spaceBefore` is
 * subtle, and any error. test/unit/compose.test.ts checks it agrees with `parseDocument`
 * wherever it accepts, over the same texts as the fast composer.
 */
import { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Scalar } from 'yaml';
import { scalarNode, unlessOffPath } from './compose';

type ParsedNode = Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;

class Refused extends Error {}
const refuse = (): never => {
  throw new Refused();
};

const NL = 10;
const SPACE = 32;

/**
 * What sends the whole text to the general parser wherever it stands: comments, escapes,
 * tabs, carriage returns, a byte order mark and other characters YAML treats specially,
 * and lines starting a directive, a document marker or an explicit key. (Tags, anchors,
 * aliases and block scalars are refused where a node starts.)
 */
const REFUSED_ANYWHERE = /[\t\r#\\\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|^(?:%|---|\.\.\.)|^ *\?/m;

/** Characters a plain scalar may not start with (besides `-`, handled on its own). */
const INDICATOR_START = /[?:,[\]{}#&*!|>'"%@`]/;

class Reader {
  private pos = 0;
  /** Whether the last value read was empty: the line break after it is then no part of the document's range. */
  private lastEmpty = false;

  constructor(private readonly text: string, private readonly options: unknown) {}

  private code(at: number): number {
    return at < this.text.length ? this.text.charCodeAt(at) : -1;
  }

  private lineEnd(from: number): number {
    const nl = this.text.indexOf('\n', from);
    return nl < 0 ? this.text.length : nl;
  }

  /** Offset just past the line break ending the line holding `from` (or the text's end). */
  private nextLine(from: number): number {
    const nl = this.text.indexOf('\n', from);
    return nl < 0 ? this.text.length : nl + 1;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.code(i) === SPACE) i++;
    return i - lineStart;
  }

  private isBlankLine(lineStart: number): boolean {
    const i = lineStart + this.indentAt(lineStart);
    return i >= this.text.length || this.code(i) === NL;
  }

  /** Skips blank lines from the line start `this.pos`; whether there were any. */
  private skipBlankLines(): boolean {
    let skipped = false;
    while (this.pos < this.text.length && this.isBlankLine(this.pos)) {
      this.pos = this.nextLine(this.pos);
      skipped = true;
    }
    return skipped;
  }

  /** After a node on its line, only spaces may follow; returns the offset past them and the line break. */
  private endOfLine(from: number): number {
    let i = from;
    while (this.code(i) === SPACE) i++;
    if (i < this.text.length && this.code(i) !== NL) refuse();
    return i < this.text.length ? i + 1 : i;
  }

  private scalar(value: string, plain: boolean, start: number, end: number, after: number, type: Scalar.Type): Scalar.Parsed {
    const node = scalarNode(value, plain, [start, end, after], this.options);
    node.type = type;
    return node;
  }

  /** A quoted scalar starting at `start`, on one line, without escapes. Returns the node and the offset after the closing quote. */
  private quoted(start: number, inFlow: boolean): { node: Scalar.Parsed; end: number } {
    const quote = this.text[start];
    let i = start + 1;
    let value = '';
    for (;;) {
      const close = this.text.indexOf(quote, i);
      const nl = this.lineEnd(i);
      if (close < 0 || close > nl) refuse();
      value += this.text.slice(i, close);
      if (quote === "'" && this.text[close + 1] === "'") {
        value += "'";
        i = close + 2;
        continue;
      }
      i = close + 1;
      break;
    }
    let after = i;
    while (this.code(after) === SPACE) after++;
    if (!inFlow) after = this.endOfLine(i);
    return { node: this.scalar(value, false, start, i, after, quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'), end: i };
  }

  /**
   * A key at `start` on one line: plain (not starting with an indicator, no `: ` inside,
   * no space before its colon) or quoted. Returns the node and the colon's offset.
   */
  private key(start: number, inFlow: boolean): { node: Scalar.Parsed; colon: number } {
    const c = this.text[start];
    if (c === '"' || c === "'") {
      const { node, end } = this.quoted(start, true);
      node.range = [node.range[0], end, end];
      if (this.text[end] !== ':') refuse();
      return { node, colon: end };
    }
    if (c === undefined || c === ' ' || c === '\n' || c === '-' || INDICATOR_START.test(c)) refuse();
    const lineEnd = this.lineEnd(start);
    let colon = this.text.indexOf(':', start);
    // A colon inside a plain key must be followed by a non-space.
    while (colon >= 0 && colon < lineEnd && !this.endsPlain(colon + 1, inFlow)) colon = this.text.indexOf(':', colon + 1);
    if (colon < 0 || colon >= lineEnd) refuse();
    const source = this.text.slice(start, colon);
    if (source.endsWith(' ') || (inFlow && /[[\]{},]/.test(source)) || colon - start > 1000) refuse();
    return { node: this.scalar(source, true, start, colon, colon, 'PLAIN'), colon };
  }

  /** Whether the character at `at` ends a plain scalar after a colon (space, line break, end; in flow also `,]}`). */
  private endsPlain(at: number, inFlow: boolean): boolean {
    const c = this.code(at);
    return c === -1 || c === SPACE || c === NL || (inFlow && (c === 44 || c === 93 || c === 125));
  }

  /** A plain scalar in a block: the rest of the line, trailing spaces trimmed. */
  private blockPlain(start: number): Scalar.Parsed {
    const lineEnd = this.lineEnd(start);
    let end = lineEnd;
    while (end > start && this.code(end - 1) === SPACE) end--;
    const source = this.text.slice(start, end);
    if (/:( |$)/.test(source)) refuse();
    return this.scalar(source, true, start, end, lineEnd < this.text.length ? lineEnd + 1 : lineEnd, 'PLAIN');
  }

  /** Whether a list item's dash is at `at` (a `-` followed by a space, a line break or the end). */
  private isDash(at: number): boolean {
    return this.text[at] === '-' && this.endsPlain(at + 1, false);
  }

  /**
   * A value on its key's or dash's line, in a block at `column`: what follows it may not
   * continue it on a deeper line. Leaves `this.pos` at the next line.
   */
  private valueOnLine(start: number, column: number): ParsedNode {
    const value = this.inlineValue(start);
    this.lastEmpty = false;
    this.pos = value.range[2];
    if (this.pos < this.text.length && !this.isBlankLine(this.pos) && this.indentAt(this.pos) > column) refuse();
    return value;
  }

  /**
   * Where the next entry of a block at `column` starts, after any blank lines (and whether
   * there were some), or undefined when the block ends there; then `this.pos` stays at the
   * first line after the block, blank lines before a less indented line belonging to what
   * comes next. A deeper line is refused.
   */
  private nextEntry(column: number): { at: number; indent: number; spaceBefore: boolean } | undefined {
    const lineStart = this.pos;
    const spaceBefore = this.skipBlankLines();
    const indent = this.pos < this.text.length ? this.indentAt(this.pos) : -1;
    if (indent < column) {
      this.pos = lineStart;
      return undefined;
    }
    if (indent > column) refuse();
    return { at: this.pos + indent, indent, spaceBefore };
  }

  /** A value that starts on its key's or dash's line, at `start`, in a block. */
  private inlineValue(start: number): ParsedNode {
    const c = this.text[start];
    if (c === '[' || c === '{') {
      const { node, end } = this.flow(start);
      node.range = [start, end, this.endOfLine(end)];
      return node;
    }
    if (c === '"' || c === "'") return this.quoted(start, false).node;
    if (c === '-' && this.endsPlain(start + 1, false)) refuse();
    if (INDICATOR_START.test(c)) refuse();
    return this.blockPlain(start);
  }

  /** A flow list or mapping on one line; returns it and the offset after its closing bracket. */
  private flow(start: number): { node: YAMLMap.Parsed | YAMLSeq.Parsed; end: number } {
    const isMap = this.text[start] === '{';
    const close = isMap ? '}' : ']';
    const coll = (isMap ? new YAMLMap() : new YAMLSeq()) as YAMLMap.Parsed | YAMLSeq.Parsed;
    coll.flow = true;
    const seen = new Set<unknown>();
    let i = start + 1;
    const skipSpaces = (): void => {
      while (this.code(i) === SPACE) i++;
    };
    skipSpaces();
    let first = true;
    for (;;) {
      const c = this.text[i];
      if (c === close) break;
      if (c === undefined || c === '\n') refuse();
      if (c === ',') {
        // `[a, b,]`: a comma before the closing bracket; never a lone or a doubled one.
        if (first) refuse();
        i++;
        skipSpaces();
        if (this.text[i] === close) break;
        if (this.text[i] === ',') refuse();
      } else if (!first) refuse();
      first = false;
      if (isMap) {
        const { node: key, colon } = this.key(i, true);
        if (seen.has(key.value)) refuse();
        seen.add(key.value);
        i = colon + 1;
        if (!this.endsPlain(i, true)) refuse();
        skipSpaces();
        const value = this.flowValue(i);
        (coll as YAMLMap.Parsed).items.push(new Pair(key, value.node) as Pair<Scalar.Parsed, ParsedNode>);
        i = value.end;
      } else {
        const value = this.flowValue(i);
        (coll as YAMLSeq.Parsed).items.push(value.node);
        i = value.end;
      }
      skipSpaces();
    }
    return { node: coll, end: i + 1 };
  }

  /** A value inside a flow collection at `start`; returns it and the offset after it (and its spaces). */
  private flowValue(start: number): { node: ParsedNode; end: number } {
    const c = this.text[start];
    if (c === '[' || c === '{') {
      const { node, end } = this.flow(start);
      let after = end;
      while (this.code(after) === SPACE) after++;
      node.range = [start, end, after];
      return { node, end: after };
    }
    if (c === '"' || c === "'") {
      const { node } = this.quoted(start, true);
      return { node, end: node.range[2] };
    }
    if (c === undefined || c === ',' || c === ']' || c === '}' || c === '\n' || c === '-' || INDICATOR_START.test(c)) refuse();
    let end = start;
    for (;;) {
      const ch = this.code(end);
      if (ch === -1 || ch === NL || ch === 44 || ch === 93 || ch === 125) break;
      // A colon, a bracket or a brace inside a plain scalar in flow: the general parser decides.
      if (ch === 58 || ch === 91 || ch === 123) refuse();
      end++;
    }
    let valueEnd = end;
    while (valueEnd > start && this.code(valueEnd - 1) === SPACE) valueEnd--;
    return { node: this.scalar(this.text.slice(start, valueEnd), true, start, valueEnd, end, 'PLAIN'), end };
  }

  /**
   * The value of a key whose line ends at its colon: a block at a deeper indentation on
   * the next line, a list at the key's own indentation, or nothing (null).
   */
  private valueBelow(afterColon: number, column: number): ParsedNode {
    let emptyAt = afterColon;
    while (this.code(emptyAt) === SPACE) emptyAt++;
    if (emptyAt < this.text.length && this.code(emptyAt) !== NL) refuse();
    this.pos = this.nextLine(afterColon);
    const next = this.pos;
    if (next < this.text.length && !this.isBlankLine(next)) {
      const indent = this.indentAt(next);
      const at = next + indent;
      if (indent > column) return this.block(at, indent);
      if (indent === column && this.isDash(at)) return this.seq(at, indent);
    } else if (next < this.text.length) {
      // A blank line before what follows: where the Composer puts it is left to the Composer.
      refuse();
    }
    this.lastEmpty = true;
    return this.scalar('', true, emptyAt, emptyAt, emptyAt, 'PLAIN');
  }

  /** A block mapping or list whose first line's content starts at `at`, in column `column`. */
  private block(at: number, column: number): YAMLMap.Parsed | YAMLSeq.Parsed {
    if (this.isDash(at)) return this.seq(at, column);
    return this.map(at, column);
  }

  /**
   * A block mapping whose first key starts at `at`, in column `column` (mid-line for a
   * mapping on a list item's line). Leaves `this.pos` at the start of the first line after it.
   */
  private map(at: number, column: number): YAMLMap.Parsed {
    const map = new YAMLMap() as YAMLMap.Parsed;
    const seen = new Set<unknown>();
    let keyAt = at;
    let spaceBefore = false;
    let end = at;
    for (;;) {
      const { node: key, colon } = this.key(keyAt, false);
      if (seen.has(key.value)) refuse();
      seen.add(key.value);
      if (spaceBefore) key.spaceBefore = true;
      let value: ParsedNode;
      let v = colon + 1;
      while (this.code(v) === SPACE) v++;
      if (v > colon + 1 && v < this.text.length && this.code(v) !== NL) value = this.valueOnLine(v, column);
      else value = this.valueBelow(colon + 1, column);
      map.items.push(new Pair(key, value) as Pair<Scalar.Parsed, ParsedNode>);
      end = value.range[2];
      const next = this.nextEntry(column);
      if (!next) break;
      if (this.isDash(next.at)) refuse();
      keyAt = next.at;
      spaceBefore = next.spaceBefore;
    }
    map.range = [at, end, end];
    return map;
  }

  /** A block list whose first dash is at `at`, in column `column`. */
  private seq(at: number, column: number): YAMLSeq.Parsed {
    const seq = new YAMLSeq() as YAMLSeq.Parsed;
    let dash = at;
    let spaceBefore = false;
    let end = at;
    for (;;) {
      let v = dash + 1;
      if (this.code(v) !== SPACE) refuse();
      while (this.code(v) === SPACE) v++;
      if (v >= this.text.length || this.code(v) === NL) refuse();
      if (this.isDash(v)) refuse();
      const item = this.startsKey(v) ? this.map(v, column + (v - dash)) : this.valueOnLine(v, column);
      if (spaceBefore) item.spaceBefore = true;
      seq.items.push(item);
      end = item.range[2];
      const lineStart = this.pos;
      const next = this.nextEntry(column);
      if (!next) break;
      if (!this.isDash(next.at)) {
        // A mapping key at the list's column ends a list written at its key's indentation.
        this.pos = lineStart;
        break;
      }
      dash = next.at;
      spaceBefore = next.spaceBefore;
    }
    seq.range = [at, end, end];
    return seq;
  }

  /** Whether a mapping key starts at `at` on this line (a plain or quoted key and its colon). */
  private startsKey(at: number): boolean {
    const c = this.text[at];
    const lineEnd = this.lineEnd(at);
    if (c === '"' || c === "'") {
      const close = this.text.indexOf(c, at + 1);
      return close >= 0 && close < lineEnd && this.text[close + 1] === ':';
    }
    if (c === '[' || c === '{') return false;
    for (let colon = this.text.indexOf(':', at); colon >= 0 && colon < lineEnd; colon = this.text.indexOf(':', colon + 1)) {
      if (this.endsPlain(colon + 1, false)) return true;
    }
    return false;
  }

  document(doc: Document): Document.Parsed {
    if (this.isBlankLine(0) || this.indentAt(0) !== 0) refuse();
    const contents = this.block(0, 0);
    // Only blank lines may follow the top-level block.
    this.skipBlankLines();
    if (this.pos < this.text.length) refuse();
    doc.contents = contents;
    doc.range = [0, contents.range[2], this.lastEmpty ? contents.range[2] : this.text.length];
    return doc as Document.Parsed;
  }
}

/**
 * The text as a `yaml` Document identical to what `parseDocument` builds, or undefined
 * when it holds anything the direct reader leaves to the `yaml` package.
 */
export function readDirect(text: string): Document.Parsed | undefined {
  if (!text.length || REFUSED_ANYWHERE.test(text)) return undefined;
  const doc = new Document(undefined, { prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  try {
    return unlessOffPath(() => new Reader(text, doc.options).document(doc));
  } catch (e) {
    // Nesting deep enough to exhaust the stack is the general parser's to judge, too.
    if (e instanceof Refused || e instanceof RangeError) return undefined;
    throw e;
  }
}
