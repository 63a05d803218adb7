/**
 * Glob patterns for design files (`files` in the config file, `mlsystem.files`, globs on
 * the command line), matched in time bounded by the pattern's and the path's lengths.
 *
 * Patterns come from repositories a user merely cloned, so a regular-expression engine
 * that backtracks (`*a*a*a*a…b` against a long name takes exponential time) is not used.
 * The subset (docs/configuration.md): `*` (any characters within one path segment), `?`
 * (one character), `[abc]` `[a-z]` `[!a]` `[^a]` (one character of a set), `**` as a whole
 * segment (any number of segments), `{a,b}` (alternatives, nestable), `\` (escape).
 * Dots are not special (`*` matches `.github`), except with `{ dot: false }` (the command
 * line's globs): then a name starting with `.` is matched only by a pattern segment that
 * starts with a literal `.` or a set, and `**` does not enter dot-folders.
 */

/** Longest pattern accepted: real ones are a few dozen characters. */
export const MAX_GLOB_LENGTH = 256;
/** Most alternatives one pattern's braces may expand to. */
export const MAX_GLOB_ALTERNATIVES = 64;

type Token = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'set'; negated: boolean; items: Array<[string, string]> };
/** A path segment pattern, or `**` (any number of whole segments). */
type Segment = Token[] | 'globstar';

const EXTGLOB = /(^|[^\\])[?*+@!]\(/;
const RANGE_BRACE = /(^|[^\\])\{[^{},]*\.\.[^{},]*\}/;

/** Why a pattern cannot be used (a one-line reason), or undefined when it can. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (pattern.startsWith('!')) return 'starts with "!": negated patterns are not supported';
  if (EXTGLOB.test(pattern)) return 'uses an extended glob such as "+(a|b)", which is not supported (use {a,b})';
  if (RANGE_BRACE.test(pattern)) return 'uses a range such as "{1..3}", which is not supported (use {1,2,3})';
  if (expandBraces(pattern) === undefined) return `expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`;
  return undefined;
}

export type GlobMatcher = (relativePath: string) => boolean;

const compiled = new Map<string, GlobMatcher>();
const NEVER: GlobMatcher = () => false;

/** A matcher for one pattern; a pattern with a problem (see globProblem) matches nothing. */
export function compileGlob(pattern: string, options: { dot?: boolean } = {}): GlobMatcher {
  const dot = options.dot ?? true;
  const cacheKey = `${dot ? 'd' : 'n'}${pattern}`;
  let matcher = compiled.get(cacheKey);
  if (matcher) return matcher;
  const alternatives = globProblem(pattern) === undefined ? expandBraces(pattern) : undefined;
  if (!alternatives) {
    matcher = NEVER;
  } else {
    const parsed = alternatives.map(parseSegments);
    matcher = (relativePath) => {
      const segments = relativePath.split('/');
      return parsed.some((p) => matchSegments(p, segments, dot));
    };
  }
  // Bounded: patterns come from a handful of settings and config files.
  if (compiled.size > 1000) compiled.clear();
  compiled.set(cacheKey, matcher);
  return matcher;
}

/** Whether a path (with `/` separators) matches any of the patterns. */
export function matchesAnyGlob(relativePath: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => compileGlob(p)(relativePath));
}

/** The characters that make a pattern a glob (unescaped), extended globs included (to be refused). */
export function isGlob(pattern: string): boolean {
  return /(^|[^\\])([*?[{]|[+@!]\()/.test(pattern);
}

/** A glob's leading segments that hold no glob characters (where a search can start), and the rest. */
export function splitGlobBase(pattern: string): { base: string; glob: string } {
  const segments = pattern.split('/');
  let i = 0;
  while (i < segments.length - 1 && !isGlob(segments[i])) i++;
  return { base: segments.slice(0, i).join('/'), glob: segments.slice(i).join('/') };
}

/**
 * `{a,b}` alternatives expanded (nested ones too); undefined past MAX_GLOB_ALTERNATIVES.
 * A brace with no comma at its level is literal, as in shells.
 */
function expandBraces(pattern: string): string[] | undefined {
  const open = findBrace(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const out: string[] = [];
  const prefix = pattern.slice(0, start);
  const suffixes = expandBraces(pattern.slice(end + 1));
  if (!suffixes) return undefined;
  for (const part of parts) {
    const inner = expandBraces(part);
    if (!inner) return undefined;
    for (const i of inner) {
      for (const s of suffixes) {
        out.push(prefix + i + s);
        if (out.length > MAX_GLOB_ALTERNATIVES) return undefined;
      }
    }
  }
  return out;
}

/** The first brace group with a top-level comma, its end and its alternatives. */
function findBrace(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < pattern.length; start++) {
    const c = pattern[start];
    if (c === '\\') {
      start++;
      continue;
    }
    if (c === '[') {
      const close = classEnd(pattern, start);
      if (close > 0) start = close;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < pattern.length; i++) {
      const d = pattern[i];
      if (d === '\\') {
        i++;
      } else if (d === '{') {
        depth++;
      } else if (d === ',' && depth === 1) {
        commas.push(i);
      } else if (d === '}' && --depth === 0) {
        if (!commas.length) break;
        const cuts = [start, ...commas, i];
        return { start, end: i, parts: cuts.slice(1).map((cut, k) => pattern.slice(cuts[k] + 1, cut)) };
      }
    }
  }
  return undefined;
}

/** Index of the `]` closing a class that opens at `start`, or -1 (then `[` is literal). */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '/') return -1;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

function parseSegments(pattern: string): Segment[] {
  const body = pattern.replace(/^(\.\/)+/, '');
  const segments: Segment[] = [];
  let tokens: Token[] = [];
  let raw = '';
  const endSegment = (): void => {
    segments.push(raw === '**' ? 'globstar' : tokens);
    tokens = [];
    raw = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '/') {
      endSegment();
      continue;
    }
    raw += c;
    if (c === '\\' && i + 1 < body.length) {
      tokens.push({ kind: 'char', char: body[++i] });
      raw += body[i];
    } else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else if (c === '[' && classEnd(body, i) > 0) {
      const close = classEnd(body, i);
      raw += body.slice(i + 1, close + 1);
      tokens.push(parseSet(body.slice(i + 1, close)));
      i = close;
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  endSegment();
  return segments;
}

function parseSet(inside: string): Token {
  let i = 0;
  const negated = inside[0] === '!' || inside[0] === '^';
  if (negated) i++;
  const chars: string[] = [];
  for (; i < inside.length; i++) chars.push(inside[i] === '\\' && i + 1 < inside.length ? inside[++i] : inside[i]);
  const items: Array<[string, string]> = [];
  for (let k = 0; k < chars.length; k++) {
    if (chars[k + 1] === '-' && k + 2 < chars.length) {
      items.push([chars[k], chars[k + 2]]);
      k += 2;
    } else {
      items.push([chars[k], chars[k]]);
    }
  }
  return { kind: 'set', negated, items };
}

function tokenMatches(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'char': return token.char === c;
    case 'one': return true;
    case 'star': return true;
    case 'set': return token.items.some(([lo, hi]) => c >= lo && c <= hi) !== token.negated;
  }
}

/**
 * One segment: the classic two-pointer match with one remembered star, which needs no
 * more than (name length x pattern length) steps. Names never hold `/`.
 */
function matchName(tokens: Token[], name: string): boolean {
  if (!name.length) return false;
  let t = 0;
  let n = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starAt = t++;
      resumeAt = n;
    } else if (token && tokenMatches(token, name[n])) {
      t++;
      n++;
    } else if (starAt >= 0) {
      t = starAt + 1;
      n = ++resumeAt;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

/** A segment that may match a leading dot on its own: a literal `.`, or a set (`[.]`, `[^a]`). */
function startsWithDot(tokens: Token[]): boolean {
  const first = tokens[0];
  return (first?.kind === 'char' && first.char === '.') || first?.kind === 'set';
}

/** Whole path: a table over (pattern segment, path segment), each cell computed once. */
function matchSegments(pattern: Segment[], path: string[], dot: boolean): boolean {
  const hidden = (name: string): boolean => !dot && name.startsWith('.');
  const width = path.length + 1;
  // can[p * width + s]: pattern segments from p match path segments from s.
  const can = new Uint8Array((pattern.length + 1) * width);
  can[pattern.length * width + path.length] = 1;
  for (let p = pattern.length - 1; p >= 0; p--) {
    const segment = pattern[p];
    for (let s = path.length; s >= 0; s--) {
      let ok: boolean;
      if (segment === 'globstar') ok = can[(p + 1) * width + s] === 1 || (s < path.length && !hidden(path[s]) && can[p * width + s + 1] === 1);
      else ok = s < path.length && can[(p + 1) * width + s + 1] === 1 && (!hidden(path[s]) || startsWithDot(segment)) && matchName(segment, path[s]);
      can[p * width + s] = ok ? 1 : 0;
    }
  }
  return can[0] === 1;
}
