/**
 * The fuzzer's inputs: input `i` of seed `s` is always the same text, so any input can be
 * replayed alone. Mutations of the example designs, of the YAML test suite's cases and of
 * the property tests' structural mutations, plus generated documents built to stress the
 * limits (deep nesting, many keys and aliases, huge scalars).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { mutatedDesign, seeds } from '../property/mutations';

/** mulberry32: small, fast and good enough to drive mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Random, list: readonly T[]): T => list[int(r, list.length)];

/** The YAML test suite beside the clone (CI lays `../shared` there); the fuzzer runs without it too. */
export function corpusCases(root: string): string[] {
  const dir = path.resolve(root, '..', 'shared', 'corpus', 'yaml-test-suite');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name, 'in.yaml'))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'));
}

/** Characters and fragments that have broken parsers, line indexes and editors before. */
const FRAGMENTS = [
  '\t', '\r', '\r\n', '\n', ' ', '  ', '\u00a0', '\ufeff', '\u0000', '\u001b[2J', '\u0007',
  '\u202e', '\u200f', '\u05d0\u05d1', '\u0627\u0644', 'e\u0301', '\u0301', '\u200d', '😀', '𝟘', '\ud800', '\udfff', '\udbff\udfff',
  ':', ': ', '- ', '? ', '#', ' #', ',', '{', '}', '[', ']', '"', "'", '|', '>', '|-', '&a ', '*a', '!!str ', '!!binary ', '!x ',
  '<<: *a', '---\n', '...\n', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', 'toString', '__proto__', 'constructor',
];

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

const MUTATORS: Record<string, (r: Random, text: string) => string> = {
  flipChar: (r, t) => {
    if (!t.length) return t;
    const at = int(r, t.length);
    return t.slice(0, at) + pick(r, FRAGMENTS) + t.slice(at + 1);
  },
  flipBit: (r, t) => {
    if (!t.length) return t;
    const at = int(r, t.length);
    // May make a lone surrogate or a control character: both must be survived.
    return t.slice(0, at) + String.fromCharCode(t.charCodeAt(at) ^ (1 << int(r, 16))) + t.slice(at + 1);
  },
  insert: (r, t) => insertAt(t, int(r, t.length + 1), pick(r, FRAGMENTS)),
  delete: (r, t) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + t.slice(at + 1 + int(r, 20));
  },
  duplicate: (r, t) => {
    const from = int(r, t.length + 1);
    const piece = t.slice(from, from + 1 + int(r, 80));
    return insertAt(t, int(r, t.length + 1), piece);
  },
  truncate: (r, t) => t.slice(0, int(r, t.length + 1)),
  crlf: (_r, t) => t.replace(/\r?\n/g, '\r\n'),
  cr: (_r, t) => t.replace(/\r?\n/g, '\r'),
  mixedEndings: (r, t) => t.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r'])),
  bom: (_r, t) => `\ufeff${t}`,
  tabs: (r, t) => t.replace(/^( {2})+/gm, (m) => (r() < 0.3 ? '\t'.repeat(m.length / 2) : m)),
  indent: (r, t) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    lines[i] = r() < 0.5 ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
    return lines.join('\n');
  },
  swapLines: (r, t) => {
    const lines = t.split('\n');
    const [a, b] = [int(r, lines.length), int(r, lines.length)];
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  unicodeValue: (r, t) => t.replace(/: ([A-Za-z])/, (_m, c: string) => `: ${pick(r, ['\u202e', 'e\u0301', '😀', '\u05d0', '\ud800'])}${c}`),
};
const MUTATOR_NAMES = Object.keys(MUTATORS);

function mutate(r: Random, text: string, count: number): { text: string; steps: string[] } {
  const steps: string[] = [];
  let out = text;
  for (let i = 0; i < count; i++) {
    const name = pick(r, MUTATOR_NAMES);
    steps.push(name);
    out = MUTATORS[name](r, out);
  }
  return { text: out, steps };
}

const HEAD = 'mlsystem: 1\nname: fuzz\nbusiness:\n  objectives:\n    - id: a\n      metric: m\n      target: t\n';

/** Documents built to reach the limits, from a random size. */
const GENERATORS: Record<string, (r: Random) => string> = {
  deepNesting: (r) => {
    const depth = 1 + int(r, 80);
    const block = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    return r() < 0.5 ? `${HEAD}x-deep:\n${block.replace(/^/gm, '  ')} 1\n` : `${HEAD}x-flow: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
  },
  manyKeys: (r) => {
    const n = 1 + int(r, 2000);
    return `${HEAD}lifecycle:\n${Array.from({ length: n }, (_, i) => `  k${i}: {status: done}`).join('\n')}\n`;
  },
  manyAliases: (r) => {
    const n = 1 + int(r, 200);
    return `${HEAD}x-base: &b {status: done}\nlifecycle:\n${Array.from({ length: n }, (_, i) => `  s${i}: *b`).join('\n')}\n`;
  },
  mergeKeys: (r) => `${HEAD}x-defaults: &d {status: done, owner: x}\nlifecycle:\n  deployment:\n    <<: *d\n    status: ${pick(r, ['done', 'planned', 'in-progress'])}\n  monitoring: {}\n`,
  hugeScalar: (r) => {
    const size = 1 + int(r, 300_000);
    return `${HEAD}summary: ${r() < 0.5 ? 'x'.repeat(size) : `"${'é'.repeat(size / 2)}"`}\n`;
  },
  manyItems: (r) => {
    const n = 1 + int(r, 1500);
    const item = pick(r, ['- {}', '- {rule: schema}', '- x', '- {rule: nope, target: a.b}']);
    return `${HEAD}waivers:\n${`  ${item}\n`.repeat(n)}`;
  },
  wideFlow: (r) => `${HEAD}owners: [${Array.from({ length: 1 + int(r, 3000) }, (_, i) => `o${i}`).join(', ')}${r() < 0.5 ? ',' : ''}]\n`,
};
const GENERATOR_NAMES = Object.keys(GENERATORS);

export interface FuzzInput {
  text: string;
  /** How it was made, for the report: `example 3 + crlf, flipChar`. */
  how: string;
}

export class InputSource {
  constructor(private readonly seed: number, private readonly corpus: readonly string[]) {}

  input(index: number): FuzzInput {
    const r = rng((this.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const kind = r();
    let base: string;
    let how: string;
    if (kind < 0.3) {
      const i = int(r, seeds.length);
      base = seeds[i];
      how = `example ${i}`;
    } else if (kind < 0.55 && this.corpus.length) {
      const i = int(r, this.corpus.length);
      base = this.corpus[i];
      how = `yaml-test-suite ${i}`;
    } else if (kind < 0.9) {
      base = fc.sample(mutatedDesign, { seed: (this.seed + index) | 0, numRuns: 1 })[0];
      how = 'structural mutation';
    } else {
      const name = pick(r, GENERATOR_NAMES);
      base = GENERATORS[name](r);
      how = `generated ${name}`;
    }
    const count = int(r, 4);
    if (!count) return { text: base, how };
    const { text, steps } = mutate(r, base, count);
    return { text, how: `${how} + ${steps.join(', ')}` };
  }
}
