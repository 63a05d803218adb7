/**
 * The fast roads to a Document, the direct reader (src/engine/direct-reader.ts) and the
 * fast compose path (src/engine/compose.ts), against the `yaml` package's own
 * `parseDocument`: wherever one accepts a text, the general parser must accept it too,
 * and both must give the same data and the same tree (node kinds, ranges, flow flags,
 * scalar values, types, formats and comments). Texts: the YAML test suite, the examples,
 * the fixtures, generated designs, and mutated designs with YAML-ish noise.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Document, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { composeFast } from '../../src/engine/compose';
import { readDirect } from '../../src/engine/direct-reader';
import { parse } from '../../src/engine/parse';
import { reviewDesign } from '../../src/engine/review';
import type { ReviewResult } from '../../src/engine';
import { generateDesign, generateDraft } from '../../bench/designs';
import { mutatedDesign } from '../property/mutations';

const root = path.resolve(__dirname, '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'yaml-test-suite');

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(file));
    else if (/\.ya?ml$/.test(entry.name)) out.push(file);
  }
  return out;
}

/** The tree as plain data: everything of a node the engine (or a reader of comments) sees. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { pair: true, key: shape(node.key), value: shape(node.value) };
  const common = (n: { range?: unknown; comment?: unknown; commentBefore?: unknown; spaceBefore?: unknown }) => ({
    range: n.range,
    comment: n.comment ?? undefined,
    commentBefore: n.commentBefore ?? undefined,
    spaceBefore: n.spaceBefore ?? undefined,
  });
  if (isScalar(node)) {
    const value = typeof node.value === 'number' && Number.isNaN(node.value) ? 'NaN!' : node.value;
    return {
      kind: node.constructor.name,
      ...common(node),
      value,
      valueType: typeof node.value,
      type: node.type,
      format: node.format,
      source: node.source,
      minFractionDigits: node.minFractionDigits,
    };
  }
  if (isMap(node) || isSeq(node)) {
    return { kind: node.constructor.name, ...common(node), flow: node.flow ?? undefined, items: node.items.map(shape) };
  }
  return { unexpected: String(node) };
}

function docShape(doc: Document): unknown {
  return {
    range: doc.range,
    comment: doc.comment ?? undefined,
    commentBefore: doc.commentBefore ?? undefined,
    docStart: doc.directives?.docStart,
    contents: shape(doc.contents),
  };
}

type Reader = (text: string) => Document.Parsed | undefined;

/** Asserts a fast road agrees with `parseDocument` when it accepts; returns whether it did. */
function agrees(text: string, label: string, read: Reader = composeFast): boolean {
  const fast = read(text);
  if (!fast) return false;
  const slow = parseDocument(text, { prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  assert.deepEqual(slow.errors.map((e) => e.message), [], `${label}: the fast path accepted a text parseDocument rejects:\n${text}`);
  assert.deepEqual(fast.errors, [], label);
  assert.deepEqual(fast.toJS(), slow.toJS(), `${label}: data differs:\n${text}`);
  assert.deepEqual(docShape(fast), docShape(slow), `${label}: tree differs:\n${text}`);
  return true;
}

/** Runs `check` on every case of the YAML test suite: none of its error cases may be accepted, and at least `least` cases must be. */
function agreesOnSuite(check: (text: string, label: string) => boolean, least: number): void {
  const cases = existsSync(corpus) ? readdirSync(corpus).filter((name) => existsSync(path.join(corpus, name, 'in.yaml'))) : [];
  assert.ok(cases.length > 300, `found ${cases.length} cases under ${corpus}`);
  let accepted = 0;
  for (const name of cases) {
    const taken = check(readFileSync(path.join(corpus, name, 'in.yaml'), 'utf8'), `yaml-test-suite/${name}`);
    if (taken) accepted++;
    if (existsSync(path.join(corpus, name, 'error'))) assert.equal(taken, false, `${name} is an error case`);
  }
  assert.ok(accepted >= least, `only ${accepted} cases were accepted`);
}

describe('composeFast, beside parseDocument', () => {
  it('agrees on every case of the YAML test suite it accepts, and refuses every error case', () => {
    // The suite is mostly exotic YAML; enough plain cases must reach the fast path to mean something.
    agreesOnSuite(agrees, 50);
  });

  it('takes the fast path for every example and agrees', () => {
    const files = yamlFilesUnder(path.join(root, 'examples'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      assert.equal(agrees(readFileSync(file, 'utf8'), file), true, `${file} did not take the fast path`);
    }
  });

  it('agrees on every fixture it accepts, and takes the fast path for the format example', () => {
    for (const file of yamlFilesUnder(path.join(root, 'test', 'fixtures'))) agrees(readFileSync(file, 'utf8'), file);
    const example = path.join(root, 'test', 'fixtures', 'format-example.mlsystem.yaml');
    assert.equal(agrees(readFileSync(example, 'utf8'), example), true);
  });

  it('takes the fast path for generated designs of every size and agrees', () => {
    for (const lines of [50, 500, 5000]) {
      assert.equal(agrees(generateDesign(lines), `generated ${lines}`), true, `generated ${lines} lines did not take the fast path`);
    }
  });

  it('agrees on plain values of every core-schema type, in block and flow style', () => {
    const scalars = ['~', 'null', 'Null', 'NULL', '', 'true', 'True', 'FALSE', '0', '-12', '+7', '0o17', '0x1F', '0xff', '1.50', '-.5',
      '1e3', '2.5E-2', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '007', '1_000', '0b1', '12:30', '2020-01-01', 'yes', 'no', 'on',
      "'quoted'", '"dq \\t x"', "'it''s'", 'plain text # comment', 'a:b', '-', '.', '+', 'nan', 'Infinity', '1.', '.5e'];
    for (const value of scalars) {
      const taken = agrees(`key: ${value}\n`, value);
      // `key: -` is a list on the key's line, which YAML forbids.
      if (value !== '-') assert.equal(taken, true, `block value ${JSON.stringify(value)} did not take the fast path`);
      agrees(`list: [${value}]\n`, `[${value}]`);
      agrees(`map: {k: ${value}}\n`, `{k: ${value}}`);
      agrees(`- ${value}\n`, `- ${value}`);
    }
  });

  it('agrees on block scalars, comments, empty values, documents starts and flow layouts', () => {
    const texts = [
      'a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n',
      '# leading comment\n\na: 1 # trailing\n# between\nb:\n  # inside\n  c: 2\n# at the end\n',
      '# touching comment\na: 1\n',
      '---\na: 1\n',
      '--- # comment\n- a\n-\n- c\n',
      'a:\nb: \nc: # comment\nd: [ ]\ne: {}\nf: [a, b,]\n',
      'a: [one,\n  two]\nb: {x: 1,\n  y: 2}\n',
      'a:\n  - b: 1\n    c: 2\n  - - x\n    - y\n',
      'a: 1\n\n\nb: 2\n\n',
      '"quoted key": 1\n\'single\': 2\n',
      'a: "multi\n  line"\nb: plain\n  continued\n',
      'top',
      '[1, 2]\n# after\n',
      'a: 1\r\nb: 2\r\n',
    ];
    for (const text of texts) agrees(text, JSON.stringify(text));
    assert.equal(agrees(texts[0], 'block scalars'), true);
    assert.equal(agrees(texts[1], 'comments'), true);
  });

  it('refuses what it leaves to the general parser', () => {
    const refused = [
      '', '# only a comment\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n',
      '? a\n: 1\n', '[a]: 1\n', 'a: 1\na: 2\n', 'a:\n\t- 1\n', 'a: [1, # c\n 2]\n', 'a: b: c\n', 'a: [x: 1]\n', '\ufeffa: 1\n',
    ];
    for (const text of refused) assert.equal(composeFast(text), undefined, JSON.stringify(text));
  });

  it('agrees on mutated designs and YAML-ish noise', () => {
    const noise = fc.constantFrom(': ', '- ', '#', ' # c', '\n', '\n\n', '  ', '\t', '[', ']', '{', '}', ',', '"', "'", '|', '>', '?', '&a', '*a',
      '!t', '---', '...', '%', '~', 'null', '1.5', '0x1', '.inf', 'key', 'x: [a, b]', '\r\n', '\\');
    const noisy = fc.tuple(mutatedDesign, fc.array(fc.tuple(fc.nat(), noise), { maxLength: 4 }))
      .map(([text, edits]) => edits.reduce((t, [at, token]) => t.slice(0, at % (t.length + 1)) + token + t.slice(at % (t.length + 1)), text));
    let accepted = 0;
    fc.assert(fc.property(noisy, (text) => {
      if (agrees(text, 'mutated')) accepted++;
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
    assert.ok(accepted > 0, 'no mutated design took the fast path');
  });

  it('is what parse() uses: same data, no errors, for an example', () => {
    const text = readFileSync(path.join(root, 'examples', yamlFilesUnder(path.join(root, 'examples'))[0].slice(path.join(root, 'examples').length + 1)), 'utf8');
    const parsed = parse(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.data, parseDocument(text).toJS());
  });
});

/** Everything a host sees of a review, fixes' text included. */
function reviewShape(result: ReviewResult): unknown {
  const finding = (f: ReviewResult['findings'][number]) => ({ ...f, fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ range: e.range, newText: e.newText })) })) });
  return { findings: result.findings.map(finding), waived: result.waived.map(finding), design: result.design, lifecycle: result.lifecycle, outline: result.outline };
}

describe('readDirect, beside parseDocument', () => {
  const TODAY = '2026-11-26';
  /** Also asserts the review is the same down either road. */
  const direct = (text: string, label: string): boolean => {
    if (!agrees(text, label, readDirect)) return false;
    const fast = reviewDesign(parse(text), { today: TODAY });
    const slow = reviewDesign(parse(text, { directReader: false }), { today: TODAY });
    assert.deepEqual(reviewShape(fast), reviewShape(slow), `${label}: the review differs:\n${text}`);
    return true;
  };

  it('agrees on every case of the YAML test suite it accepts, and refuses every error case', () => {
    agreesOnSuite(direct, 10);
  });

  it('takes the direct reader for every example (comments, block scalars and all) and the format example, and agrees', () => {
    const examples = yamlFilesUnder(path.join(root, 'examples'));
    assert.ok(examples.length >= 5);
    for (const file of [...examples, path.join(root, 'test', 'fixtures', 'format-example.mlsystem.yaml')]) {
      assert.equal(direct(readFileSync(file, 'utf8'), file), true, `${file} did not take the direct reader`);
    }
  });

  it('agrees on every fixture and every YAML block of the docs it accepts', () => {
    for (const file of yamlFilesUnder(path.join(root, 'test', 'fixtures'))) direct(readFileSync(file, 'utf8'), file);
    const docs = readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    let taken = 0;
    for (const name of docs) {
      const text = readFileSync(path.join(root, 'docs', name), 'utf8');
      for (const [i, m] of [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].entries()) if (direct(m[1], `docs/${name}#${i}`)) taken++;
    }
    assert.ok(taken >= 10, `only ${taken} YAML blocks of the docs took the direct reader`);
  });

  it('takes the direct reader for generated designs and drafts of every size, and agrees', () => {
    for (const lines of [50, 500, 5000]) {
      assert.equal(direct(generateDesign(lines), `generated ${lines}`), true, `generated ${lines} lines did not take the direct reader`);
      assert.equal(direct(generateDraft(lines), `draft ${lines}`), true, `draft ${lines} lines did not take the direct reader`);
    }
  });

  it('agrees on plain and quoted values of every core-schema type, in block and flow style', () => {
    const scalars = ['~', 'null', 'Null', 'NULL', '', 'true', 'True', 'FALSE', '0', '-12', '+7', '0o17', '0x1F', '0xff', '1.50', '-.5',
      '1e3', '2.5E-2', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '007', '1_000', '0b1', '12:30', '2020-01-01', 'yes', 'no', 'on',
      "'quoted'", '"dq x"', "'it''s'", 'a:b', '-', '.', '+', 'nan', 'Infinity', '1.', '.5e', 'x [y] {z}', 'a, b', "it's", '"a"b',
      '>= 0.9', '"> 1"', '@x', '`x`', '&a x', '*a', '!t x', '| x', '-x', ': x', '? x', 'x:', 'x: y', '[a', '{a', '"open', "'a' b"];
    let taken = 0;
    for (const value of scalars) {
      if (direct(`key: ${value}\n`, value)) taken++;
      direct(`list: [${value}]\n`, `[${value}]`);
      direct(`map: {k: ${value}}\n`, `{k: ${value}}`);
      direct(`- ${value}\n`, `- ${value}`);
      direct(`${value}: 1\n`, `${value}: 1`);
    }
    assert.ok(taken > 40, `only ${taken} block values took the direct reader`);
  });

  it('agrees on block layouts, blank lines, empty values and flow collections', () => {
    const texts = [
      'a: 1\n\nb:\n  c: x\n\n  d: y\n\ne:\n  - 1\n\n  - [a]\n\nf: z\n\n',
      'a:\n- x\n- y\nb: 2\n',
      'a:\n  - b: 1\n    c: 2\n  -   d: 3\n      e: [4]\n  - plain\n',
      'a:\nb: \nc:  \nd: [ ]\ne: {}\nf: [a, b,]\ng:\n',
      'a: [ p , q ]  \nb: {x: 1, y: [2], z: {w: v}}\nc: []\nd: {}\n',
      '"quoted key": 1\n\'single\': 2\n\'it\'\'s\': 3\n',
      'a: 1\nb: 2',
      'a:\n  b:\n    c:\n      d: deep\n  e: 1\nf: 2\n',
      '- a\n- b: 1\n  c: 2\n-   d\n',
      'a: b c  d\nb: x:y\nc: http://x.y/z\n',
      'a: 1\n\n\n',
      'a:\n  b: 1\n\n\nc: 2\n',
      '1: one\ntrue: yes\nnull: nothing\n~: tilde\n',
      'a: "x" \nb: \'y\'  \n',
      'a: 1\n b: 2\n',
      'a:\n  b: 1\n c: 2\n',
      'a: x\n  y\n',
      'a:\n\n  b: 1\n',
      '- a\n  - b\n',
      'a: [x,\n  y]\n',
      'a: {x: 1,, y: 2}\n',
      'a: [, x]\n',
      'a: [x] y\n',
      'a: "x" y\n',
      'k: v\n- x\n',
      '- x\nk: v\n',
    ];
    let taken = 0;
    for (const text of texts) if (direct(text, JSON.stringify(text))) taken++;
    assert.equal(direct(texts[0], 'blank lines'), true);
    assert.equal(direct(texts[2], 'lists of mappings'), true);
    assert.ok(taken >= 12, `only ${taken} layouts took the direct reader`);
  });

  it('leaves to the yaml package what it does not read', () => {
    const refused = [
      '', '\n', '# only a comment\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: 1\n...\n',
      '? a\n: 1\n', '[a]: 1\n', 'a: 1\na: 2\n', 'a:\n\t- 1\n', 'a: b: c\n', 'a: [x: 1]\n', '\ufeffa: 1\n', 'a: |+\n  x\n', 'a: >2\n   x\n',
      'a: 1\r\n', 'a: "x\\ty"\n', 'a: "multi\n  line"\n', 'top\n', '[1, 2]\n', '- - x\n', '-\n  a: 1\n', ' a: 1\n',
      // Comments whose place the Composer decides in ways the direct reader leaves to it.
      'a: 1\n  # deeper\nb: 2\n', 'a:\n  b: 1\n # between\n  c: 2\n', 'a: [x, # in flow\n  y]\n', 'a: [x #c]\n', 
      'a:\n# c\nb: 1\n', 'a:\n- x\n# c\nb: 1\n', '  # indented\na: 1\n', 'a: "x"# no space\n', '- # c\n  x\n',
    ];
    for (const text of refused) assert.equal(readDirect(text), undefined, JSON.stringify(text));
  });

  it('reads comments where the Composer puts them: before entries, after values, closing blocks, around the document', () => {
    const texts = [
      '# a\n# b\nk: 1\n', '# a\n\nk: 1\n', '# a\n\n# b\nk: 1\n', '\n# a\nk: 1\n', '\n\nk: 1\n',
      'k: 1 # t\nj: 2\n', 'k: 1 # t\n', 'k: 1  #  spaced  \n', 'k: 1 #\n', 'k: "q" # t\n', "k: 'q' # t\n", 'k: [a, b] # t\n', 'k: {a: 1} # t\n',
      'k: 1\n# c\nj: 2\n', 'k: 1\n\n# c\nj: 2\n', 'k: 1\n# c\n\nj: 2\n', 'k: 1\n\n# c\n\n# d\n\nj: 2\n', 'k: 1\n#\nj: 2\n',
      'k: 1\n# end\n', 'k: 1\n\n# end\n', 'k: 1\n# one\n\n# two\n', 'k: 1\n# one\n\n\n# two\n\n\n', 'a:\n  b: 1\n# one\n\n# two\n', 'k: 1\n# end\n\n', 'k: 1\n# end\n# more\n', 'k: 1\n# end', 'k: 1 # t\n# end\n',
      'a:\n  b: 1\n# c\nd: 2\n', 'a:\n  b: 1\n  # c\nd: 2\n', 'a:\n  b: 1\n\n# c\nd: 2\n', 'a:\n  b: 1\n  # c\n  # c2\nd: 2\n',
      '- a\n# c\n- b\n', 'l:\n  - a\n  # c\n  - b\n', 'l:\n  - a\n\n  # c\n  - b\n', 'l:\n  - a # t\n  - b\n',
      'a: # c\n  b: 1\n', 'a: # c\n  - b\n', 'a:\n  # c\n  b: 1\n', 'a:\n  # c\n  # d\n  b: 1\n', 'a:\n  # c\n  - b\n',
      'a:\n  - x: 1\n    # c\n  - y: 2\n', 'a:\n  - x: 1\n  # c\n  - y: 2\n', 'a:\n  - x: 1 # t\n    z: 3\n', '- x: 1\n  # c\n- y: 2\n',
      'a:\n  b: 1\n# end\n', 'a:\n  b: 1\n  # end\n', 'a:\n  - b\n  # end\n', 'a:\n  b:\n    c: 1\n  # mid\n', 'a:\n  b:\n    c: 1\n  # mid\nd: 1\n',
      'a:\n- x\n# c\n- y\n', 'a:\n- x\n# end\n', 'a:\n  b: 1\n    # c\n  e: 2\n', 'a:\n  b: 1\n # c\n  e: 2\n',
      'a: x#y\nb: "# not a comment"\nc: \'#\'\nd: [a#b, "#"]\ne#f: 1\n"#g": 2\nh: {i: j#k}\n', 'url: http://x.y/z#frag # t\n',
      'a: # c\n      # d\n  - b: 1\n', 'a: # c\n  # d\n  b: 1\n', 'a: # c\n# d\n  b: 1\n', 'a: # c\n\n  b: 1\n', 'a:\n      # d\n  b: 1\n', 'a:\n  # d\n\n  b: 1\n',
      'a: # c\n  # d\n\n  # e\n\n  b: 1\n', 'a:\n\n  # d\n  b: 1\n',
      'a:\n\nb: 1\n', 'x:\n  a:\n\nb: 1\n', 'x:\n  a:\n\n  b: 1\n', 'x:\n  a:\n\n\n  b: 1\nc: 2\n', '- a:\n\n  b: 1\n', 'a:\n\n# c\nb: 1\n', 'a:\n\n- x\n', 'a:\n\n', 'x:\n  a:\n\n\nb: 1\n', 'x:\n  y:\n    a:\n\nb: 1\n', 'x:\n  - a:\n\nb: 1\n', 'x:\n  a:\n\n# c\nb: 1\n', 'x:\n  a:\n\n', 'x:\n  y:\n    a:\n\n  b: 1\n',
      'a: ???\nb: ?x\nc: :x\nd: ? x\ne: : x\nf: ?\n', '- ?x\n- :y\n- ???\n', 'k: [?x, :y]\n',
      'a:\nb: 1 # c\n', 'a: # c\nb: 1\n', 'a: [http://x.y/z, a:b, "c":d, e::f, g:]\n', 'a: {k: http://x.y, l: m:n, o: p:}\n', 'a: [x:[y]]\n', 'a: [x:{y}]\n', 'a: # c\n', 'a:\n# end\n', 'a:\n  b: # c\n  c: 1\n',
    ];
    let taken = 0;
    for (const text of texts) if (direct(text, JSON.stringify(text))) taken++;
    assert.ok(taken >= 45, `only ${taken} commented layouts took the direct reader`);
  });

  it('reads literal and folded block scalars, clipped or stripped, and agrees', () => {
    const texts = [
      'a: >-\n  x y\n  z\nb: 1\n', 'a: |\n  x\n  z\nb: 1\n', 'a: >-\n  x\n\n  z\nb: 1\n', 'a: >-\n  x\n  z\n\nb: 1\n', 'a: > # c\n  x\nb: 1\n',
      'a: >-\n  x\n  z', 'a: |-\n  x\n  z\n', 'a: >\n  x\n  z\n', '- >-\n  x\n  y\n- b\n', 'a: |\n  x\n\n', 'a: >\n  x\n\n\n  y\n\nb: 1\n',
      'a: |-\n  x\n  # not a comment\n  y\n', 'a:\n  b: |\n    deep\n    text\n  c: 1\n# end\n', 'a:\n  - k: >-\n      folded\n      item\n    l: 2\n',
      'a: |\n  x', 'a: |+\n  x\n\n', 'a: |2\n   x\n', 'a: >\n  x\n    more\n  y\n', 'a: |\n\n  x\n', 'a: |\n  x \n', 'a: |\n  x\n  \n  y\n',
      'a: >\n x\nb: 1\n', 'a: |\nb: 1\n', 'a: >-\n  x\n y\n', '- |\n x\n', 'a: >#c\n  x\n', 'a: > c\n  x\n', 'a: |-\n  x\n   y\n',
    ];
    let taken = 0;
    for (const text of texts) if (direct(text, JSON.stringify(text))) taken++;
    assert.ok(taken >= 14, `only ${taken} block scalars took the direct reader`);
  });

  it('takes the direct reader for generated designs and drafts with comments at every position, and agrees', () => {
    const column = (line: string) => line.length - line.trimStart().length;
    /** Every line that can carry one gets a comment: above it at its own column, after its value, or closing its block. */
    const variants: Record<string, (text: string) => string> = {
      above: (text) => text.split('\n').map((line) => (line.trim() ? `${' '.repeat(column(line))}# about ${line.trim().slice(0, 12)}\n${line}` : line)).join('\n'),
      after: (text) => text.split('\n').map((line) => (line.trim() ? `${line} # note: ${line.length}` : line)).join('\n'),
      closing: (text) => {
        const lines = text.split('\n');
        return lines.map((line, i) => {
          const next = lines.slice(i + 1).find((l) => l.trim());
          // A list item holding a mapping closes the mapping, two columns in.
          const own = column(line) + (/^- [\w-]+:/.test(line.trimStart()) ? 2 : 0);
          return line.trim() && next !== undefined && column(next) < column(line) && !line.trimEnd().endsWith(':') ? `${line}\n${' '.repeat(own)}# end of the block` : line;
        }).join('\n');
      },
      around: (text) => `# A design.\n# Second line.\n\n# Touching the first key.\n${text}\n# The end.\n\n# Really.\n`,
      hashes: (text) => text.replace(/statement: ([^\n]*)/g, 'statement: $1 see#1').replace(/target: "/g, 'target: "# '),
      'block scalars': (text) => text.replace(/^( *)(statement|description|silent_failures): ([^\n]*)/gm, '$1$2: >-\n$1  $3\n$1  # more, not a comment'),
    };
    for (const lines of [50, 500, 5000]) {
      for (const [name, write] of Object.entries(variants)) {
        for (const [kind, text] of [['design', generateDesign(lines)], ['draft', generateDraft(lines)]]) {
          const commented = write(text);
          assert.equal(direct(commented, `${kind} ${lines}, comments ${name}`), true, `${kind} of ${lines} lines with comments ${name} did not take the direct reader`);
          assert.equal(readDirect(commented)!.toString(), parseDocument(commented).toString(), `${kind} ${lines}, comments ${name}: written back differently`);
        }
      }
    }
  });

  it('agrees on designs with comments at random places, columns and blank lines', () => {
    const comment = fc.tuple(fc.nat({ max: 10 }), fc.constantFrom('# c', '#', '# a: b', '# - x', '#  spaced ', '# "q"'), fc.boolean(), fc.boolean())
      .map(([indent, body, blankBefore, blankAfter]) => `${blankBefore ? '\n' : ''}${' '.repeat(indent)}${body}\n${blankAfter ? '\n' : ''}`);
    const placed = fc.tuple(fc.oneof(mutatedDesign, fc.nat({ max: 200 }).map((n) => generateDesign(n + 20)), fc.nat({ max: 200 }).map((n) => generateDraft(n + 20))),
      fc.array(fc.tuple(fc.nat(), comment, fc.boolean()), { maxLength: 6 }))
      .map(([text, edits]) => edits.reduce((t, [at, c, trailing]) => {
        const lineStarts = [0, ...[...t.matchAll(/\n/g)].map((m) => m.index! + 1)].filter((i) => i < t.length);
        const start = lineStarts[at % lineStarts.length] ?? 0;
        if (!trailing) return t.slice(0, start) + c + t.slice(start);
        const end = t.indexOf('\n', start);
        return end < 0 ? `${t} ${c.trim()}` : `${t.slice(0, end)} ${c.trim()}${t.slice(end)}`;
      }, text));
    let accepted = 0;
    const runs = Number(process.env.PROPERTY_RUNS ?? 600);
    fc.assert(fc.property(placed, (text) => {
      if (direct(text, 'commented')) accepted++;
    }), { numRuns: runs });
    // About a quarter are read directly; the rest put comments where the general parser decides.
    assert.ok(accepted >= runs / 10, `only ${accepted} of ${runs} commented designs took the direct reader`);
  });

  it('agrees on mutated designs and YAML-ish noise', () => {
    const noise = fc.constantFrom(': ', '- ', '-', '#', '\n', '\n\n', '  ', ' ', '\t', '[', ']', '{', '}', ',', '"', "'", "''", '|', '>', '?', '&a', '*a',
      '!t', '---', '...', '%', '~', 'null', '1.5', '0x1', '.inf', 'key', 'x: [a, b]', '{k: v}', '\r\n', '\\', ':', 'a:', '\n  - ', '\n- ', '\n  ', ' #', ' # c', '\n# c\n', '\n  # c\n', '#x', 'a#b');
    const noisy = fc.tuple(fc.oneof(mutatedDesign, fc.nat({ max: 200 }).map((n) => generateDraft(n + 20))), fc.array(fc.tuple(fc.nat(), noise), { maxLength: 4 }))
      .map(([text, edits]) => edits.reduce((t, [at, token]) => t.slice(0, at % (t.length + 1)) + token + t.slice(at % (t.length + 1)), text));
    let accepted = 0;
    fc.assert(fc.property(noisy, (text) => {
      if (direct(text, 'mutated')) accepted++;
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 600) });
    assert.ok(accepted > 0, 'no mutated design took the direct reader');
  });
});
