/**
 * The `pattern` of a team's check, matched in time linear in the value's length.
 *
 * Patterns come from configuration files a user may merely have cloned, so they never
 * reach a backtracking regular-expression engine: a pattern is compiled here into a
 * Thompson automaton and simulated state set by state set (no state is visited twice per
 * character), so `(a+)+$` against a long value costs the same as `a+$`. The syntax is the
 * common subset of regular expressions; what needs backtracking to mean anything
 * (backreferences, lookahead and lookbehind) is refused with a one-line reason.
 */

/** Longest pattern accepted: real ones are a few dozen characters. */
export const MAX_PATTERN_LENGTH = 512;
/** Most automaton states one pattern may compile to (counted repetitions multiply). */
export const MAX_PATTERN_STATES = 4096;

type CharTest = (code: number) => boolean;

type Ast =
  | { kind: 'empty' }
  | { kind: 'char'; test: CharTest }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'seq'; items: Ast[] }
  | { kind: 'alt'; options: Ast[] }
  | { kind: 'repeat'; item: Ast; min: number; max: number /* Infinity for unbounded */ };

export class PatternError extends Error {}

const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isWord: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace: CharTest = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const not = (t: CharTest): CharTest => (c) => !t(c);
const CLASS_ESCAPES: Record<string, CharTest> = { d: isDigit, D: not(isDigit), w: isWord, W: not(isWord), s: isSpace, S: not(isSpace) };
const CONTROL_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
const isLineBreak: CharTest = (c) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Ast {
    const ast = this.alternation();
    if (this.i < this.src.length) throw new PatternError(`has an unmatched ")" at character ${this.i + 1}`);
    return ast;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Ast {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Ast {
    const items: Ast[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private quantified(): Ast {
    const at = this.i;
    let item = this.atom();
    for (let repeated = false; ; repeated = true) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i))) {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i))!;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) throw new PatternError(`has a repetition {${m[1]},${m[3]}} whose maximum is below its minimum`);
        this.i += m[0].length - 1;
      } else break;
      if (repeated) throw new PatternError(`repeats a repetition at character ${this.i + 1} (write a group: "(a*)*")`);
      this.i++;
      // A lazy (`*?`) or possessive-looking suffix changes nothing for "does it match".
      if (this.peek() === '?') this.i++;
      if (item.kind === 'start' || item.kind === 'end') throw new PatternError(`repeats an anchor at character ${at + 1}`);
      item = { kind: 'repeat', item, min, max };
    }
    return item;
  }

  private atom(): Ast {
    const c = this.src[this.i++];
    switch (c) {
      case '^':
        return { kind: 'start' };
      case '$':
        return { kind: 'end' };
      case '.':
        return { kind: 'char', test: not(isLineBreak) };
      case '[':
        return { kind: 'char', test: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return { kind: 'char', test: this.escape(false) };
      case '*':
      case '+':
      case '?':
        throw new PatternError(`has "${c}" with nothing to repeat at character ${this.i}`);
      case '{':
        if (/^\d+(,\d*)?\}/.test(this.src.slice(this.i))) throw new PatternError(`has a repetition with nothing to repeat at character ${this.i}`);
        return literal(123);
      default:
        return literal(this.codePointBefore(c));
    }
  }

  /** The code point starting at the character just read (a surrogate pair is one). */
  private codePointBefore(c: string): number {
    const code = c.codePointAt(0)!;
    if (code > 0xffff) this.i++;
    return code;
  }

  private group(): Ast {
    if (this.peek() === '?') {
      const rest = this.src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (/^\?<[A-Za-z_$]/.test(rest)) this.i = this.src.indexOf('>', this.i) + 1 || this.src.length;
      else if (/^\?(=|!|<=|<!)/.test(rest)) throw new PatternError('uses a lookahead or lookbehind ("(?=", "(?!", "(?<=", "(?<!"), which cannot be matched in linear time');
      else throw new PatternError(`has an unknown group "(${rest}" at character ${this.i}`);
    }
    const inner = this.alternation();
    if (this.src[this.i++] !== ')') throw new PatternError('has an unclosed "("');
    return inner;
  }

  private escape(inClass: boolean): CharTest {
    const c = this.src[this.i++];
    if (c === undefined) throw new PatternError('ends with a lone "\\"');
    if (/[1-9]/.test(c) || (c === 'k' && this.peek() === '<')) throw new PatternError('uses a backreference ("\\1", "\\k<name>"), which cannot be matched in linear time');
    if (!inClass && (c === 'b' || c === 'B')) throw new PatternError('uses a word boundary ("\\b"), which is not supported');
    if (CLASS_ESCAPES[c]) return CLASS_ESCAPES[c];
    if (c in CONTROL_ESCAPES) return eq(CONTROL_ESCAPES[c]);
    if (c === 'u' && /^[0-9a-fA-F]{4}/.test(this.src.slice(this.i))) {
      this.i += 4;
      return eq(parseInt(this.src.slice(this.i - 4, this.i), 16));
    }
    if (c === 'x' && /^[0-9a-fA-F]{2}/.test(this.src.slice(this.i))) {
      this.i += 2;
      return eq(parseInt(this.src.slice(this.i - 2, this.i), 16));
    }
    if (/[A-Za-z]/.test(c)) throw new PatternError(`uses the escape "\\${c}", which is not supported`);
    return eq(this.codePointBefore(c));
  }

  private charClass(): CharTest {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const tests: CharTest[] = [];
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      if (this.i >= this.src.length) throw new PatternError('has an unclosed "["');
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined && typeof lo === 'number') {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi !== 'number') throw new PatternError('has a range in "[...]" that ends in a class such as \\d');
        if (hi < lo) throw new PatternError('has a range in "[...]" that runs backwards');
        tests.push((c) => c >= lo && c <= hi);
      } else {
        tests.push(typeof lo === 'number' ? eq(lo) : lo);
      }
    }
    this.i++;
    const any: CharTest = (c) => tests.some((t) => t(c));
    return negated ? not(any) : any;
  }

  /** One character of a class: a code point, or a class escape such as \d. */
  private classAtom(): number | CharTest {
    const c = this.src[this.i++];
    if (c !== '\\') return this.codePointBefore(c);
    const next = this.peek();
    if (next && CLASS_ESCAPES[next]) return this.escape(true);
    if (next === 'b') {
      this.i++;
      return 8;
    }
    const test = this.escape(true);
    // Single-character escapes: find the code point they test for.
    const code = next && next in CONTROL_ESCAPES ? CONTROL_ESCAPES[next] : next === 'u' || next === 'x' ? parseInt(this.src.slice(this.i - (next === 'u' ? 4 : 2), this.i), 16) : next!.codePointAt(0)!;
    return test(code) ? code : test;
  }
}

function eq(code: number): CharTest {
  return (c) => c === code;
}

function literal(code: number): Ast {
  return { kind: 'char', test: eq(code) };
}

/** Automaton states: character tests, splits (epsilon to two states), anchors, and the match. */
type State =
  | { op: 'char'; test: CharTest; next: number }
  | { op: 'split'; next: number; alt: number }
  | { op: 'jump'; next: number }
  | { op: 'start'; next: number }
  | { op: 'end'; next: number }
  | { op: 'match' };

class Compiler {
  readonly states: State[] = [];

  private add(state: State): number {
    if (this.states.length >= MAX_PATTERN_STATES) throw new PatternError(`is too large (more than ${MAX_PATTERN_STATES} states; lower its repetition counts)`);
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Compiles `ast` so that it continues at `next`; returns its entry state. */
  build(ast: Ast, next: number): number {
    switch (ast.kind) {
      case 'empty':
        return next;
      case 'char':
        return this.add({ op: 'char', test: ast.test, next });
      case 'start':
        return this.add({ op: 'start', next });
      case 'end':
        return this.add({ op: 'end', next });
      case 'seq':
        return ast.items.reduceRight((to, item) => this.build(item, to), next);
      case 'alt': {
        const entries = ast.options.map((o) => this.build(o, next));
        return entries.reduceRight((alt, entry) => this.add({ op: 'split', next: entry, alt }));
      }
      case 'repeat': {
        let entry = next;
        if (ast.max === Infinity) {
          // A loop: split into the item (which jumps back) or onwards.
          const loop = this.add({ op: 'split', next: -1, alt: next });
          const body = this.build(ast.item, loop);
          (this.states[loop] as { next: number }).next = body;
          entry = loop;
        } else {
          for (let k = ast.max; k > ast.min; k--) entry = this.add({ op: 'split', next: this.build(ast.item, entry), alt: next });
        }
        for (let k = 0; k < ast.min; k++) entry = this.build(ast.item, entry);
        return entry;
      }
    }
  }
}

export interface LinearPattern {
  /** Whether the pattern matches somewhere in `text` (as RegExp.test does, without flags). */
  test(text: string): boolean;
}

/** Compiles a pattern; throws PatternError with a one-line reason when it cannot be used. */
export function compilePattern(source: string): LinearPattern {
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(`is longer than ${MAX_PATTERN_LENGTH} characters`);
  const ast = new Parser(source).parse();
  const compiler = new Compiler();
  const match = compiler.states.length;
  compiler.states.push({ op: 'match' });
  const start = compiler.build(ast, match);
  const states = compiler.states;
  return {
    test(text: string): boolean {
      const codes = Array.from(text, (ch) => ch.codePointAt(0)!);
      let current: number[] = [];
      let seen = new Uint32Array(states.length);
      let generation = 0;
      // Follows epsilon moves from `s` at position `pos`; returns true on reaching the match.
      const addState = (list: number[], s: number, pos: number): boolean => {
        const stack = [s];
        while (stack.length) {
          const id = stack.pop()!;
          if (seen[id] === generation) continue;
          seen[id] = generation;
          const st = states[id];
          if (st.op === 'match') return true;
          if (st.op === 'char') list.push(id);
          else if (st.op === 'split') stack.push(st.alt, st.next);
          else if (st.op === 'jump') stack.push(st.next);
          else if (st.op === 'start' && pos === 0) stack.push(st.next);
          else if (st.op === 'end' && pos === codes.length) stack.push(st.next);
        }
        return false;
      };
      generation++;
      if (addState(current, start, 0)) return true;
      for (let pos = 0; pos < codes.length; pos++) {
        const next: number[] = [];
        generation++;
        if (generation === 0xffffffff) {
          seen = new Uint32Array(states.length);
          generation = 1;
        }
        for (const id of current) {
          const st = states[id] as { op: 'char'; test: CharTest; next: number };
          if (st.test(codes[pos]) && addState(next, st.next, pos + 1)) return true;
        }
        // Unanchored search: a match may also start after this character.
        if (addState(next, start, pos + 1)) return true;
        current = next;
      }
      return false;
    },
  };
}

/** Why a pattern cannot be used (one line), or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
}
