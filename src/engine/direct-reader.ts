/**
 * The fastest road from text to a `yaml` Document: one pass over the characters, for the
 * block YAML most designs are written in, building the same nodes, ranges and values
 * `parseDocument` builds, without the `yaml` package's lexer and CST parser.
 *
 * It reads block mappings and lists (a list may sit at its key's indentation, and a list
 * item may hold a mapping on its dash's line), plain scalars on one line, quoted scalars
 * on one line without escapes, flow lists and mappings on one line, literal and folded
 * block scalars (clipped or stripped, at one indentation), and whole-line and trailing
 * comments where the Composer's placement is plain, attached as it attaches them
 * (`commentBefore`, `comment`, `spaceBefore`, the document's `commentBefore` and
 * `comment`). Anything else gives `undefined` and the caller goes on to `composeFast`,
 * then `parseDocument`: comments at other columns or inside flow collections, tabs,
 * carriage returns, document markers and directives, tags, anchors and aliases, keep
 * chomping or more indented lines in block scalars, multi-line plain and quoted scalars
 * and flow collections, explicit or complex keys, duplicate keys, blank lines where the
 * Composer's placement of `spaceBefore` is subtle, and any error. test/unit/compose.test.ts checks it agrees with `parseDocument`
 * wherever it accepts, over the same texts as the fast composer.
 */
import { Document, Pair, YAMLMap, YAMLSeq, isPair } from 'yaml';
import type { Scalar } from 'yaml';
import { scalarNode, unlessOffPath } from './compose';

type ParsedNode = Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;

class Refused extends Error {}
const refuse = (): never => {
  throw new Refused();
};

const NL = 10;
const SPACE = 32;
const HASH = 35;

/**
 * What sends the whole text to the general parser wherever it stands: escapes,
 * tabs, carriage returns, a byte order mark and other characters YAML treats specially,
 * and lines starting a directive, a document marker or an explicit key. (Tags, anchors,
 * aliases and block scalars are refused where a node starts.)
 */
const REFUSED_ANYWHERE = /[\t\r\\\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|^(?:%|---|\.\.\.)|^ *\?/m;

/** Characters a plain scalar may not start with (besides `-`, handled on its own). */
const INDICATOR_START = /[?:,[\]{}#&*!|>'"%@`]/;

/** A line of a run between entries: blank, or a whole-line comment (its `#` column and text after the `#`). */
type RunLine = { blank: true } | { blank: false; column: number; text: string };

/**
 * The blank and comment lines from a line start up to the next line holding content:
 * the lines, the next content line's start and its indentation (-1 at the text's end).
 */
interface Run {
  lines: RunLine[];
  comments: number;
  next: number;
  indent: number;
}

/** Where the next entry of a block starts, with what the lines before it attach to it. */
interface Entry {
  at: number;
  indent: number;
  spaceBefore: boolean;
  commentBefore: string;
}

/** Whole-line comments joined as the Composer joins a node's leading ones: a blank line between or after them adds a line break. */
function leadingComment(lines: RunLine[]): { comment: string; spaceBefore: boolean } {
  let comment = '';
  let sep = '';
  let spaceBefore = false;
  for (const line of lines) {
    if (line.blank) {
      if (comment) comment += '\n';
      else spaceBefore = true;
    } else {
      comment = comment ? comment + sep + line.text : line.text;
      sep = '\n';
    }
  }
  return { comment, spaceBefore };
}

/** The text after a comment's `#`, as the Composer keeps it (an empty comment is one space). */
const commentText = (text: string, hash: number, lineEnd: number): string => text.slice(hash + 1, lineEnd) || ' ';

class Reader {
  private pos = 0;
  /** The comment ending the line `endOfLine` last passed, or ''. */
  private trailingComment = '';
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

  /**
   * After a node on its line, only spaces and a comment after a space may follow; returns
   * the offset past the line break and keeps the comment in `trailingComment`.
   */
  private endOfLine(from: number): number {
    let i = from;
    while (this.code(i) === SPACE) i++;
    this.trailingComment = '';
    if (this.code(i) === HASH && i > from) {
      const end = this.lineEnd(i);
      this.trailingComment = commentText(this.text, i, end);
      i = end;
    }
    if (i < this.text.length && this.code(i) !== NL) refuse();
    return i < this.text.length ? i + 1 : i;
  }

  /** The offset of the space before a comment (` #`) between `from` and `lineEnd`, or -1. */
  private commentAfter(from: number, lineEnd: number): number {
    for (let i = from + 1; i < lineEnd; i++) if (this.code(i) === HASH && this.code(i - 1) === SPACE) return i - 1;
    return -1;
  }

  /** The blank and whole-line comment lines from the line start `from` (see `Run`). */
  private run(from: number): Run {
    const lines: RunLine[] = [];
    let comments = 0;
    let at = from;
    while (at < this.text.length) {
      const indent = this.indentAt(at);
      const c = this.code(at + indent);
      if (c === NL || c === -1) lines.push({ blank: true });
      else if (c === HASH) {
        lines.push({ blank: false, column: indent, text: commentText(this.text, at + indent, this.lineEnd(at)) });
        comments++;
      } else return { lines, comments, next: at, indent };
      at = this.nextLine(at);
    }
    return { lines, comments, next: at, indent: -1 };
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
    const node = this.scalar(value, false, start, i, after, quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
    if (!inFlow && this.trailingComment) node.comment = this.trailingComment;
    return { node, end: i };
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
    if (source.endsWith(' ') || source.includes(' #') || (inFlow && /[[\]{},]/.test(source)) || colon - start > 1000) refuse();
    return { node: this.scalar(source, true, start, colon, colon, 'PLAIN'), colon };
  }

  /** Whether the character at `at` ends a plain scalar after a colon (space, line break, end; in flow also `,]}`). */
  private endsPlain(at: number, inFlow: boolean): boolean {
    const c = this.code(at);
    return c === -1 || c === SPACE || c === NL || (inFlow && (c === 44 || c === 93 || c === 125));
  }

  /** A plain scalar in a block: the rest of the line up to a comment (a `#` after a space), trailing spaces trimmed. */
  private blockPlain(start: number): Scalar.Parsed {
    const lineEnd = this.lineEnd(start);
    const hash = this.commentAfter(start, lineEnd);
    let end = hash < 0 ? lineEnd : hash;
    while (end > start && this.code(end - 1) === SPACE) end--;
    const source = this.text.slice(start, end);
    if (/:( |$)/.test(source)) refuse();
    const node = this.scalar(source, true, start, end, lineEnd < this.text.length ? lineEnd + 1 : lineEnd, 'PLAIN');
    if (hash >= 0) node.comment = commentText(this.text, hash + 1, lineEnd);
    return node;
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
    const value = this.inlineValue(start, column);
    this.lastEmpty = false;
    this.pos = value.range[2];
    if (this.pos < this.text.length && !this.isBlankLine(this.pos) && this.indentAt(this.pos) > column) refuse();
    return value;
  }

  /**
   * Where the next entry of a block at `column` starts, after blank and comment lines, or
   * how the block ends: undefined when it ends before them (`this.pos` stays there: blank
   * and less indented comment lines belong to what comes next), or the end of its range
   * when comment lines at its own column close it (they become its comment). Comment lines
   * at the next entry's column attach to that entry. A deeper line, or comment lines at
   * mixed or in-between columns, are refused.
   */
  private nextEntry(column: number, block: YAMLMap.Parsed | YAMLSeq.Parsed): Entry | { commentEnd: number } | undefined {
    const lineStart = this.pos;
    const run = this.run(lineStart);
    if (run.indent > column) refuse();
    if (run.indent === column) {
      if (run.comments && !run.lines.every((line) => line.blank || line.column === column)) refuse();
      const { comment, spaceBefore } = leadingComment(run.lines);
      this.pos = run.next;
      return { at: run.next + run.indent, indent: run.indent, spaceBefore, commentBefore: comment };
    }
    if (!run.comments) return undefined;
    const comments = run.lines.filter((line): line is Extract<RunLine, { blank: false }> => !line.blank);
    if (column > 0 && comments.length === run.lines.length && comments.every((line) => line.column === column)) {
      // The Composer gives the block its closing comments and ends its range at the next line's content.
      block.comment = comments.map((line) => line.text).join('\n');
      this.pos = run.next;
      return { commentEnd: run.indent < 0 ? run.next : run.next + run.indent };
    }
    // Comments at the top level's column before the end are the document's.
    if (comments.every((line) => line.column < column || (column === 0 && line.column === 0 && run.indent < 0))) return undefined;
    return refuse();
  }

  /** A value that starts on its key's or dash's line, at `start`, in a block. */
  private inlineValue(start: number, column: number): ParsedNode {
    const c = this.text[start];
    if (c === '|' || c === '>') return this.blockScalar(start, column);
    if (c === '[' || c === '{') {
      const { node, end } = this.flow(start);
      node.range = [start, end, this.endOfLine(end)];
      if (this.trailingComment) node.comment = this.trailingComment;
      return node;
    }
    if (c === '"' || c === "'") return this.quoted(start, false).node;
    if (c === '-' && this.endsPlain(start + 1, false)) refuse();
    // `?` and `:` start a plain scalar when more of it follows (`???`, `:x`).
    if (INDICATOR_START.test(c) && !((c === '?' || c === ':') && !this.endsPlain(start + 1, false))) refuse();
    return this.blockPlain(start);
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `start`, its lines
   * deeper than `column`: clipped or stripped (`-`), its lines at one indentation without
   * trailing spaces, separated by empty lines only. Anything else (keep chomping, an
   * explicit indentation, more indented lines, lines of spaces, leading empty lines) is
   * refused: there the Composer's folding and chomping rules are subtle.
   */
  private blockScalar(start: number, column: number): Scalar.Parsed {
    const folded = this.text[start] === '>';
    let i = start + 1;
    const strip = this.text[i] === '-';
    if (strip) i++;
    const headerEnd = this.endOfLine(i);
    const comment = this.trailingComment;
    let at = headerEnd;
    const indent = at < this.text.length ? this.indentAt(at) : 0;
    if (indent <= column || this.code(at + indent) === NL || at + indent >= this.text.length) refuse();
    let value = '';
    let end = at;
    let empty = 0;
    let lines = 0;
    while (at < this.text.length) {
      const lineEnd = this.lineEnd(at);
      if (lineEnd === at) {
        empty++;
        at = lineEnd + 1;
        continue;
      }
      const lineIndent = this.indentAt(at);
      if (at + lineIndent >= lineEnd) refuse();
      if (lineIndent < indent) break;
      if (lineIndent > indent || this.code(lineEnd - 1) === SPACE) refuse();
      const content = this.text.slice(at + indent, lineEnd);
      if (lines === 0) value = content;
      else if (folded && empty === 0) value += ` ${content}`;
      else value += '\n'.repeat(folded ? empty : empty + 1) + content;
      lines++;
      empty = 0;
      // Clipping keeps the last line break: at the text's end there is none to keep.
      if (lineEnd >= this.text.length && !strip) refuse();
      end = at = lineEnd < this.text.length ? lineEnd + 1 : lineEnd;
    }
    if (!strip) value += '\n';
    const node = this.scalar(value, false, start, end, end, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL');
    if (comment) node.comment = comment;
    return node;
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
      // A bracket or a brace inside a plain scalar in flow, or a colon not followed by more
      // of the scalar (`http://x` is one): the general parser decides.
      if (ch === 91 || ch === 123 || (ch === 58 && (this.endsPlain(end + 1, true) || /[[{#]/.test(this.text[end + 1])))) refuse();
      // A comment inside a flow collection: the general parser places it.
      if (ch === HASH && this.code(end - 1) === SPACE) refuse();
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
    let colonComment = '';
    if (this.code(emptyAt) === HASH && emptyAt > afterColon) colonComment = commentText(this.text, emptyAt, this.lineEnd(emptyAt));
    else if (emptyAt < this.text.length && this.code(emptyAt) !== NL) refuse();
    this.pos = this.nextLine(afterColon);
    const next = this.pos;
    if (colonComment || this.code(next + this.indentAt(next)) === HASH) {
      // A comment after the colon, and comment lines (at any column) above a deeper block:
      // the block's leading comment. A blank line before them, or no deeper block, is refused.
      const run = this.run(next);
      if (run.indent <= column || (!colonComment && run.lines[0].blank)) refuse();
      const lines: RunLine[] = colonComment ? [{ blank: false, column, text: colonComment }, ...run.lines] : run.lines;
      this.pos = run.next;
      const block = this.block(run.next + run.indent, run.indent);
      block.commentBefore = leadingComment(lines).comment;
      return block;
    }
    if (next < this.text.length && !this.isBlankLine(next)) {
      const indent = this.indentAt(next);
      const at = next + indent;
      if (indent > column) return this.block(at, indent);
      if (indent === column && this.isDash(at)) return this.seq(at, indent);
    } else if (next < this.text.length) {
      // Blank lines after an empty value belong to the next key of the same mapping; before
      // a less indented line, to the empty value (its `spaceBefore`); before anything else,
      // where the Composer puts them is left to the Composer.
      const run = this.run(next);
      if (run.indent >= 0 && run.indent < column && !run.comments) {
        this.pos = run.next;
        const empty = this.scalar('', true, emptyAt, emptyAt, emptyAt, 'PLAIN');
        empty.spaceBefore = true;
        this.lastEmpty = true;
        return empty;
      }
      if (run.indent !== column || this.isDash(run.next + run.indent)) refuse();
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
    let commentBefore = '';
    let end = at;
    let commentEnd = -1;
    for (;;) {
      const { node: key, colon } = this.key(keyAt, false);
      if (seen.has(key.value)) refuse();
      seen.add(key.value);
      if (spaceBefore) key.spaceBefore = true;
      if (commentBefore) key.commentBefore = commentBefore;
      let value: ParsedNode;
      let v = colon + 1;
      while (this.code(v) === SPACE) v++;
      if (v > colon + 1 && v < this.text.length && this.code(v) !== NL && this.code(v) !== HASH) value = this.valueOnLine(v, column);
      else value = this.valueBelow(colon + 1, column);
      map.items.push(new Pair(key, value) as Pair<Scalar.Parsed, ParsedNode>);
      end = value.range[2];
      const next = this.nextEntry(column, map);
      if (!next) break;
      if ('commentEnd' in next) {
        commentEnd = next.commentEnd;
        break;
      }
      if (this.isDash(next.at)) refuse();
      keyAt = next.at;
      spaceBefore = next.spaceBefore;
      commentBefore = next.commentBefore;
    }
    map.range = [at, end, commentEnd < 0 ? end : commentEnd];
    return map;
  }

  /** A block list whose first dash is at `at`, in column `column`. */
  private seq(at: number, column: number): YAMLSeq.Parsed {
    const seq = new YAMLSeq() as YAMLSeq.Parsed;
    let dash = at;
    let spaceBefore = false;
    let commentBefore = '';
    let end = at;
    let commentEnd = -1;
    for (;;) {
      let v = dash + 1;
      if (this.code(v) !== SPACE) refuse();
      while (this.code(v) === SPACE) v++;
      if (v >= this.text.length || this.code(v) === NL) refuse();
      if (this.isDash(v)) refuse();
      const item = this.startsKey(v) ? this.map(v, column + (v - dash)) : this.valueOnLine(v, column);
      if (spaceBefore) item.spaceBefore = true;
      if (commentBefore) item.commentBefore = commentBefore;
      seq.items.push(item);
      end = item.range[2];
      const lineStart = this.pos;
      const next = this.nextEntry(column, seq);
      if (!next) break;
      if ('commentEnd' in next) {
        commentEnd = next.commentEnd;
        break;
      }
      if (!this.isDash(next.at)) {
        // A mapping key at the list's column ends a list written at its key's indentation
        // (comments above that key are left to the general parser).
        if (next.commentBefore) refuse();
        this.pos = lineStart;
        break;
      }
      dash = next.at;
      spaceBefore = next.spaceBefore;
      commentBefore = next.commentBefore;
    }
    seq.range = [at, end, commentEnd < 0 ? end : commentEnd];
    return seq;
  }

  /** Whether a mapping key starts at `at` on this line (a plain or quoted key and its colon). */
  private startsKey(at: number): boolean {
    const c = this.text[at];
    let lineEnd = this.lineEnd(at);
    // A colon in a comment does not make a key.
    const hash = this.commentAfter(at, lineEnd);
    if (hash >= 0) lineEnd = hash;
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
    // Blank and comment lines before the content: the Composer's prelude.
    const prelude = this.run(0);
    if (prelude.indent !== 0 || prelude.lines.some((line) => !line.blank && line.column !== 0)) refuse();
    const start = prelude.next;
    const contents = this.block(start, 0);
    // Only blank lines and comments in the first column may follow the top-level block.
    const tail = this.run(this.pos);
    if (tail.indent >= 0) refuse();
    if (tail.comments) {
      if (this.lastEmpty || tail.lines.some((line) => !line.blank && line.column !== 0)) refuse();
      doc.comment = closingComment(tail.lines);
    }
    doc.contents = contents;
    doc.range = [start, contents.range[2], this.lastEmpty ? contents.range[2] : this.text.length];
    const { comment, afterEmptyLine } = preludeComment(prelude.lines);
    if (comment && afterEmptyLine) doc.commentBefore = comment;
    else if (comment) {
      const first = contents.items[0];
      const node = isPair(first) ? (first.key as Scalar.Parsed) : (first as ParsedNode);
      node.commentBefore = node.commentBefore ? `${comment}\n${node.commentBefore}` : comment;
    }
    return doc as Document.Parsed;
  }
}

/** Comment lines as the Composer joins a document's closing ones: every line break between two comments is kept. */
function closingComment(lines: RunLine[]): string {
  let comment = '';
  let sep = '';
  for (const line of lines) {
    if (line.blank) sep += '\n';
    else {
      comment = comment ? comment + sep + line.text : line.text;
      sep = '\n';
    }
  }
  return comment;
}

/**
 * The comment of the lines before a document's content, as the Composer reads them: a
 * blank line between two comments joins them with an empty line; one after the last
 * (`afterEmptyLine`) makes it the document's comment rather than its first node's.
 */
function preludeComment(lines: RunLine[]): { comment: string; afterEmptyLine: boolean } {
  let comment = '';
  let afterEmptyLine = false;
  for (const line of lines) {
    if (line.blank) afterEmptyLine = true;
    else {
      comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + line.text;
      afterEmptyLine = false;
    }
  }
  return { comment, afterEmptyLine };
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
