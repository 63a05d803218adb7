/**
 * Mutated valid designs for the property tests: start from real designs (the examples and
 * the example of docs/format.md) and break them the ways people do: keys deleted, renamed or
 * retyped, lines moved, text cut anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument, visit } from 'yaml';

const root = path.resolve(__dirname, '..', '..');

function designsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...designsUnder(file));
    else if (/\.ya?ml$/.test(entry.name)) out.push(readFileSync(file, 'utf8'));
  }
  return out;
}

export const seeds: string[] = [
  ...designsUnder(path.join(root, 'examples')),
  readFileSync(path.join(root, 'test', 'fixtures', 'format-example.mlsystem.yaml'), 'utf8'),
];

interface Span {
  start: number;
  end: number;
}

/** Key spans, value spans and whole-pair spans of a design, for targeted mutations. */
function spansOf(text: string): { keys: Span[]; values: Span[]; pairs: Span[] } {
  const keys: Span[] = [];
  const values: Span[] = [];
  const pairs: Span[] = [];
  visit(parseDocument(text), {
    Pair(_k, pair) {
      const key = pair.key as { range?: [number, number, number] } | null;
      const value = pair.value as { range?: [number, number, number] } | null;
      if (key?.range) keys.push({ start: key.range[0], end: key.range[1] });
      if (value?.range) values.push({ start: value.range[0], end: value.range[1] });
      if (key?.range) {
        const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1;
        const end = value?.range ? value.range[2] : key.range[1];
        pairs.push({ start: lineStart, end });
      }
    },
  });
  return { keys, values, pairs };
}

const seedSpans = seeds.map(spansOf);

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; name: string }
  | { op: 'retype'; at: number; value: string }
  | { op: 'move'; from: number; to: number }
  | { op: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), name: fc.constantFrom('id', 'serves', 'moves', 'task', 'requirments', 'reliabilty', 'x-team', 'notes', 'status', '"quoted"', 'business') }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: fc.constantFrom('null', '~', '42', 'true', '[]', '{}', '[a, b]', '{a: 1}', '""', "'2020-01-01'", '2020-01-01', 'multiclass', 'done', '&x 1', '*x', '|\n  text') }),
  fc.record({ op: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);

function apply(text: string, spans: ReturnType<typeof spansOf>, m: Mutation): string {
  const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  switch (m.op) {
    case 'delete': {
      const s = pick(spans.pairs, m.at);
      return s ? text.slice(0, s.start) + text.slice(s.end) : text;
    }
    case 'rename': {
      const s = pick(spans.keys, m.at);
      return s ? text.slice(0, s.start) + m.name + text.slice(s.end) : text;
    }
    case 'retype': {
      const s = pick(spans.values, m.at);
      return s ? text.slice(0, s.start) + m.value + text.slice(s.end) : text;
    }
    case 'move': {
      const lines = text.split('\n');
      const [line] = lines.splice(m.from % lines.length, 1);
      lines.splice(m.to % (lines.length + 1), 0, line);
      return lines.join('\n');
    }
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
  }
}

/** A seed design with one to four mutations. Later mutations use the seed's spans, so some land oddly: that is the point. */
export const mutatedDesign: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([i, mutations]) => mutations.reduce((text, m) => apply(text, seedSpans[i], m), seeds[i]));
