/**
 * A faster road from text to a `yaml` Document for the common, plain case.
 *
 * The `yaml` package's Composer is general (tags, anchors, directives, many documents,
 * custom schemas); most design documents use none of that. `composeFast` runs the
 * package's own CST Parser and builds the same node classes, ranges, flow flags, scalar
 * values and comments the Composer builds under the default YAML 1.2 core schema, by
 * following its compose/resolve-* steps. Anything off the plain path (any parse error,
 * directives, document markers other than one leading `---`, several documents, tags,
 * anchors, aliases, explicit or non-scalar keys, duplicate keys, tabs in indentation,
 * comments inside flow collections, ...) gives `undefined`, and the caller uses
 * `parseDocument`. test/unit/compose.test.ts checks the two agree wherever this accepts.
 *
 * This follows the Composer's internals, which a minor or patch release of `yaml` may
 * change without notice, so package.json pins `yaml` to one exact version: move it only
 * together with a run of the compose tests (test/unit/dependencies.test.ts holds the pin).
 */
import { CST, Document, Pair, Parser, Scalar, YAMLMap, YAMLSeq } from 'yaml';

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type ParsedNode = Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;
type Range3 = [number, number, number];

/** Thrown to leave the fast path; never escapes `composeFast`. */
class OffPath extends Error {}
const offPath = (): never => {
  throw new OffPath();
};

/** The core schema's scalar tags that plain scalars are tested against, in the Composer's order. */
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}
let coreTags: ScalarTag[] | undefined;
function plainTags(): ScalarTag[] {
  coreTags ??= (new Document().schema.tags as unknown as ScalarTag[]).filter((tag) => tag.default === true && tag.test);
  return coreTags;
}

/** Props before a node: what the Composer's resolveProps gathers, without anchors or tags. */
interface Props {
  found: SourceToken | null;
  comma: SourceToken | null;
  spaceBefore: boolean;
  comment: string;
  hasNewline: boolean;
  end: number;
  start: number;
}

function resolveProps(tokens: readonly SourceToken[], indicator: string, offset: number, startOnNewline: boolean, flow: boolean): Props {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = '';
  let commentSep = '';
  let hasNewline = false;
  let comma: SourceToken | null = null;
  let found: SourceToken | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        // Tabs may or may not be indentation; the Composer decides case by case.
        if (token.source.includes('\t')) offPath();
        hasSpace = true;
        break;
      case 'comment': {
        if (!hasSpace || flow) offPath();
        const text = token.source.substring(1) || ' ';
        comment = comment ? comment + commentSep + text : text;
        commentSep = '';
        atNewline = false;
        break;
      }
      case 'newline':
        if (atNewline) {
          if (comment) comment += token.source;
          else if (!found || indicator !== 'seq-item-ind') spaceBefore = true;
        } else commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) offPath();
        comma = token;
        atNewline = false;
        hasSpace = false;
        break;
      default:
        if (token.type !== indicator || found) offPath();
        found = token;
        atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  return { found, comma, spaceBefore, comment, hasNewline, end, start: end };
}

/** Where the Composer puts an empty scalar: after the last non-blank token before it. */
function emptyScalarPosition(offset: number, before: readonly SourceToken[] | undefined): number {
  if (before) {
    for (let i = before.length - 1; i >= 0; --i) {
      let st: SourceToken | undefined = before[i];
      if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
        offset -= st.source.length;
        continue;
      }
      st = before[++i];
      while (st?.type === 'space') {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

/** The first character of every non-string plain scalar in the core schema. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

/**
 * A scalar node as the Composer makes it from its source text: a plain one is resolved by
 * the core schema's tags (`1.50` a number with two fraction digits, `~` null), a quoted one
 * stays a string. Shared with the direct reader (src/engine/direct-reader.ts).
 */
export function scalarNode(value: string, plain: boolean, range: Range3, options: unknown): Scalar.Parsed {
  let tag: ScalarTag | undefined;
  if (plain && (value === '' || MAYBE_NOT_STRING.test(value))) {
    tag = plainTags().find((t) => t.test!.test(value));
  }
  let scalar: Scalar;
  if (tag) {
    const res = tag.resolve(value, offPath, options);
    scalar = res instanceof Scalar ? res : new Scalar(res);
    if (tag.format) scalar.format = tag.format;
  } else {
    scalar = new Scalar(value);
  }
  scalar.range = range;
  scalar.source = value;
  return scalar as Scalar.Parsed;
}

/** Runs `read`, giving undefined when it leaves the plain path. */
export function unlessOffPath<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (e instanceof OffPath) return undefined;
    throw e;
  }
}

class FastComposer {
  constructor(private readonly options: unknown) {}

  scalar(token: CST.FlowScalar | CST.BlockScalar): Scalar.Parsed {
    if (token.type === 'alias') offPath();
    const resolved = CST.resolveAsScalar(token, true, offPath);
    if (!resolved) return offPath();
    const { value, type, comment, range } = resolved;
    const scalar = scalarNode(value, token.type === 'scalar', range as Range3, this.options);
    if (type) scalar.type = type;
    if (comment) scalar.comment = comment;
    return scalar;
  }

  node(token: Token, props: Props): ParsedNode {
    let node: ParsedNode;
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        node = this.scalar(token);
        break;
      case 'block-map':
        node = this.blockMap(token);
        break;
      case 'block-seq':
        node = this.blockSeq(token);
        break;
      case 'flow-collection':
        node = this.flowCollection(token);
        break;
      default:
        return offPath();
    }
    if (props.spaceBefore) node.spaceBefore = true;
    if (props.comment) {
      if (token.type === 'scalar' && token.source === '') node.comment = props.comment;
      else node.commentBefore = props.comment;
    }
    return node;
  }

  empty(offset: number, before: readonly SourceToken[] | undefined, props: Props): Scalar.Parsed {
    const token: CST.FlowScalar = { type: 'scalar', offset: emptyScalarPosition(offset, before), indent: -1, source: '' };
    const node = this.scalar(token);
    if (props.spaceBefore) node.spaceBefore = true;
    if (props.comment) {
      node.comment = props.comment;
      node.range[2] = props.end;
    }
    return node;
  }

  /** A key: a single-line plain or quoted scalar, unique in its mapping. */
  key(token: Token | null | undefined, props: Props, seen: Set<unknown>): Scalar.Parsed {
    if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar')) {
      return offPath();
    }
    if (token.source.includes('\n') || token.end?.some((t) => t.type === 'newline')) offPath();
    const key = this.node(token, props) as Scalar.Parsed;
    // NaN keys differ under the Composer's === but not in a Set: giving up there is safe.
    if (seen.has(key.value)) offPath();
    seen.add(key.value);
    return key;
  }

  blockMap(bm: CST.BlockMap): YAMLMap.Parsed {
    const map = new YAMLMap();
    const seen = new Set<unknown>();
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const { start, key, sep, value } of bm.items) {
      const keyProps = resolveProps(start, 'explicit-key-ind', offset, true, false);
      if (keyProps.found) offPath();
      if (!sep) {
        if (key) offPath();
        commentEnd = keyProps.end;
        if (keyProps.comment) map.comment = map.comment ? map.comment + '\n' + keyProps.comment : keyProps.comment;
        continue;
      }
      if (!key || !('indent' in key) || key.indent !== bm.indent) offPath();
      const keyNode = this.key(key, keyProps, seen);
      const valueProps = resolveProps(sep, 'map-value-ind', keyNode.range[2], key!.type === 'block-scalar', false);
      offset = valueProps.end;
      const found = valueProps.found;
      if (!found) return offPath();
      if (value?.type === 'block-map' && !valueProps.hasNewline) offPath();
      if (keyProps.start < found.offset - 1024) offPath();
      const valueNode = value ? this.node(value, valueProps) : this.empty(offset, sep, valueProps);
      offset = valueNode.range[2];
      map.items.push(new Pair(keyNode, valueNode));
    }
    if (commentEnd !== null && commentEnd < offset) offPath();
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map as YAMLMap.Parsed;
  }

  blockSeq(bs: CST.BlockSequence): YAMLSeq.Parsed {
    const seq = new YAMLSeq();
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of bs.items) {
      const props = resolveProps(start, 'seq-item-ind', offset, true, false);
      if (!props.found) {
        if (value) offPath();
        commentEnd = props.end;
        if (props.comment) seq.comment = props.comment;
        continue;
      }
      const node = value ? this.node(value, props) : this.empty(props.end, start, props);
      offset = node.range[2];
      seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq as YAMLSeq.Parsed;
  }

  flowCollection(fc: CST.FlowCollection): YAMLMap.Parsed | YAMLSeq.Parsed {
    const isMap = fc.start.source === '{';
    const coll = isMap ? new YAMLMap() : new YAMLSeq();
    coll.flow = true;
    const seen = new Set<unknown>();
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
      const { start, key, sep, value } = fc.items[i];
      const props = resolveProps(start, 'explicit-key-ind', offset, false, true);
      if (props.found) offPath();
      if (!sep && !value) {
        // Only the last item may be empty (`[a, b,]`, `[ ]`), and not as a lone comma.
        if (key || (i === 0 && props.comma) || i < fc.items.length - 1) offPath();
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) offPath();
      if (!isMap) {
        // `[a: b]` makes a one-pair mapping inside the list; leave that to the Composer.
        if (sep || key) offPath();
        if (value!.type === 'block-map' || value!.type === 'block-seq') offPath();
        const node = this.node(value!, props);
        (coll as YAMLSeq).items.push(node);
        offset = node.range[2];
        continue;
      }
      const keyNode = this.key(key, props, seen);
      const valueProps = resolveProps(sep ?? [], 'map-value-ind', keyNode.range[2], false, true);
      if (!valueProps.found) offPath();
      if (value && (value.type === 'block-map' || value.type === 'block-seq')) offPath();
      const valueNode = value ? this.node(value, valueProps) : this.empty(valueProps.end, sep, valueProps);
      (coll as YAMLMap).items.push(new Pair(keyNode, valueNode));
      offset = valueNode.range[2];
    }
    const [close, ...after] = fc.end;
    if (close?.source !== (isMap ? '}' : ']')) offPath();
    const closeEnd = close.offset + close.source.length;
    // After the bracket, as the Composer's resolveEnd reads it: a comment there is the collection's.
    let end = closeEnd;
    let comment = '';
    let commentSep = '';
    let hasSpace = false;
    for (const token of after) {
      if (token.type === 'comment') {
        if (!hasSpace) offPath();
        const text = token.source.substring(1) || ' ';
        comment = comment ? comment + commentSep + text : text;
        commentSep = '';
      } else if (token.type === 'newline') {
        if (comment) commentSep += token.source;
        hasSpace = true;
      } else if (token.type === 'space') {
        hasSpace = true;
      } else {
        offPath();
      }
      end += token.source.length;
    }
    if (comment) coll.comment = comment;
    coll.range = [fc.offset, closeEnd, end];
    return coll as YAMLMap.Parsed | YAMLSeq.Parsed;
  }
}

/** Comments before (or after) the document, joined as the Composer's parsePrelude joins them. */
function preludeComment(prelude: readonly string[]): { comment: string; afterEmptyLine: boolean } {
  let comment = '';
  let atComment = false;
  let afterEmptyLine = false;
  for (const source of prelude) {
    if (source[0] === '#') {
      comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + (source.substring(1) || ' ');
      atComment = true;
      afterEmptyLine = false;
    } else {
      if (!atComment) afterEmptyLine = true;
      atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}

/** Where the Composer hangs the comment before the document. */
function decorateBefore(doc: Document, contents: ParsedNode, { comment, afterEmptyLine }: { comment: string; afterEmptyLine: boolean }): void {
  if (!comment) return;
  if (afterEmptyLine || doc.directives?.docStart) {
    doc.commentBefore = comment;
    return;
  }
  let first: { commentBefore?: string | null } = contents;
  if ((contents instanceof YAMLMap || contents instanceof YAMLSeq) && !contents.flow && contents.items.length > 0) {
    const item = contents.items[0];
    first = (item instanceof Pair ? item.key : item) as Scalar;
  }
  first.commentBefore = first.commentBefore ? `${comment}\n${first.commentBefore}` : comment;
}

/**
 * The text as a `yaml` Document identical in contents and ranges to what `parseDocument`
 * builds, or undefined when the text is off the plain path (the caller then parses it
 * the general way).
 */
export function composeFast(text: string): Document.Parsed | undefined {
  let document: CST.Document | undefined;
  const before: string[] = [];
  const after: string[] = [];
  for (const token of new Parser().parse(text)) {
    switch (token.type) {
      case 'document':
        if (document) return undefined;
        document = token;
        break;
      case 'comment':
      case 'newline':
        (document ? after : before).push(token.source);
        break;
      case 'space':
        break;
      default:
        return undefined;
    }
  }
  if (!document?.value) return undefined;
  const { offset, start, value, end } = document;
  try {
    const props = resolveProps(start, 'doc-start', offset, true, false);
    if (props.found && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) return undefined;
    const doc = new Document(undefined, { prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
    if (props.found) doc.directives!.docStart = true;
    const composer = new FastComposer(doc.options);
    const contents = composer.node(value, props);
    const contentEnd = contents.range[2];
    let docEnd = contentEnd;
    let endComment = '';
    let endSep = '';
    for (const token of end ?? []) {
      if (token.type === 'comment') {
        const text = token.source.substring(1) || ' ';
        endComment = endComment ? endComment + endSep + text : text;
        endSep = '';
      } else if (token.type === 'newline') {
        if (endComment) endSep += token.source;
      } else if (token.type !== 'space') {
        return undefined;
      }
      docEnd += token.source.length;
    }
    doc.contents = contents;
    doc.range = [offset, contentEnd, docEnd];
    if (endComment) doc.comment = endComment;
    decorateBefore(doc, contents, preludeComment(before));
    const afterComment = preludeComment(after).comment;
    if (afterComment) doc.comment = doc.comment ? `${doc.comment}\n${afterComment}` : afterComment;
    return doc as Document.Parsed;
  } catch (e) {
    if (e instanceof OffPath) return undefined;
    throw e;
  }
}
