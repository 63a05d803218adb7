/**
 * The design-file glob matcher: the same answers as picomatch (the reference) on the
 * subset it supports, and time bounded by the lengths of the pattern and the path on the
 * patterns that make a backtracking matcher hang.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, globProblem, matchesPatterns, MAX_GLOB_LENGTH, parseConfigText, splitGlobBase } from '../../src/engine';

const reference = (pattern: string, path: string, dot = true): boolean => picomatch(pattern, { dot, windows: false })(path);

const char = fc.constantFrom('a', 'b', '.', '-', '_');
const name = fc.array(char, { minLength: 1, maxLength: 5 }).map((c) => c.join('')).filter((n) => n !== '.' && n !== '..');
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

// No literal dot in patterns: picomatch treats `*.*` specially (`a.` does not match it),
// a quirk the docs do not promise; here a dot is an ordinary character.
const patternChar = fc.constantFrom('a', 'b', '-', '_');
const piece: fc.Arbitrary<string> = fc.letrec((tie) => ({
  piece: fc.oneof(
    { weight: 4, arbitrary: patternChar },
    { weight: 2, arbitrary: fc.constant('*') },
    { weight: 1, arbitrary: fc.constant('?') },
    { weight: 1, arbitrary: fc.constantFrom('[ab]', '[a-b]', '[^a]', '[-a]') },
    { weight: 1, arbitrary: fc.tuple(tie('segment'), tie('segment')).map(([x, y]) => `{${x},${y}}`) },
  ),
  segment: fc.array(tie('piece'), { minLength: 1, maxLength: 3 }).map((p) => (p as string[]).join('')),
})).piece as fc.Arbitrary<string>;
const segmentPattern = fc.oneof({ weight: 1, arbitrary: fc.constant('**') }, { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) });
const pattern = fc.array(segmentPattern, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

describe('glob patterns', () => {
  it('agree with picomatch on the supported subset', () => {
    fc.assert(
      fc.property(pattern, path, (p, s) => {
        // picomatch lets a final `/**` match nothing after a literal segment (`a/**` matches
        // `a`) but not after a wildcard one (`*/**` does not match `a`); here it always can.
        fc.pre(!p.endsWith('/**'));
        // A star beside a brace can expand into `**` (`{a,*}*`): a globstar here, `*` there.
        fc.pre(!/[*][{},]|[{},][*]/.test(p));
        assert.equal(compileGlob(p)(s), reference(p, s), `${p} against ${s}`);
      }),
      { numRuns: 5000, seed: 20261201 },
    );
  });

  it('agree with picomatch without dot (command-line globs): dot-names only for a literal dot', () => {
    fc.assert(
      fc.property(pattern, path, (p, s) => {
        fc.pre(!p.endsWith('/**'));
        fc.pre(!/[*][{},]|[{},][*]/.test(p));
        assert.equal(compileGlob(p, { dot: false })(s), reference(p, s, false), `${p} against ${s}`);
      }),
      { numRuns: 5000, seed: 20261202 },
    );
    for (const [p, s] of [['**/*.yaml', '.designs/a.yaml'], ['.designs/**/*.yaml', '.designs/x/a.yaml'], ['*', '.x'], ['.*', '.x'], ['a/*', 'a/.b']] as const) {
      assert.equal(compileGlob(p, { dot: false })(s), reference(p, s, false), `${p} against ${s}`);
    }
  });

  it('agree with picomatch on the forms the docs show', () => {
    const cases: Array<[string, string]> = [
      ['designs/**/*.yaml', 'designs/a/b/fraud.yaml'],
      ['designs/**/*.yaml', 'designs/fraud.yaml'],
      ['designs/**/*.yaml', 'other/fraud.yaml'],
      ['**/*.design.yml', 'x/y.design.yml'],
      ['**/*.design.yml', 'y.design.yml'],
      ['*.yaml', 'x/y.yaml'],
      ['./designs/*.yaml', 'designs/a.yaml'],
      ['*/ci.yaml', '.github/ci.yaml'],
      ['a/**', 'a'],
      ['a\\*', 'a*'],
      ['{a,{b,c}}.yaml', 'c.yaml'],
      ['{,x}a.yaml', 'a.yaml'],
      ['{a}.yaml', '{a}.yaml'],
      ['[]a].yaml', '].yaml'],
    ];
    for (const [p, s] of cases) assert.equal(compileGlob(p)(s), reference(p, s), `${p} against ${s}`);
  });

  // A backtracking matcher takes far more than 30 s here; the timeout turns a hang into a failure.
  it('match in time bounded by the pattern and the path, where backtracking hangs', { timeout: 20_000 }, () => {
    const hostile = `${'*a'.repeat(12)}b`;
    assert.equal(compileGlob(hostile)('a'.repeat(40)), false);
    const long = `${'*a'.repeat(60)}*b`;
    assert.equal(globProblem(long), undefined, 'a long but legal pattern is accepted');
    assert.equal(matchesPatterns(`${'a'.repeat(250)}/${'a'.repeat(250)}`, [long, '**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b']), false);
  });

  it('refuse the forms they do not support, in the config file, with a one-line reason', () => {
    assert.match(globProblem('x'.repeat(MAX_GLOB_LENGTH + 1)) ?? '', /longer than 256 characters/);
    assert.match(globProblem('!designs/*.yaml') ?? '', /negated patterns are not supported/);
    assert.match(globProblem('+(a|b).yaml') ?? '', /extended glob/);
    assert.match(globProblem('{1..3}.yaml') ?? '', /range/);
    assert.match(globProblem('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.yaml') ?? '', /more than 64 alternatives/);
    const parsed = parseConfigText('{"files": ["!x", "designs/*.yaml"]}', '.mlsystem-review.json');
    assert.deepEqual(parsed.problems.map((p) => [p.file, p.message, p.severity]), [['.mlsystem-review.json', 'the pattern "!x" in "files" starts with "!": negated patterns are not supported', 'error']]);
    assert.deepEqual(parsed.config.files, ['designs/*.yaml']);
    assert.equal(compileGlob('!x')('y'), false, 'a refused pattern matches nothing');
  });

  it('split a command-line glob into the folder to search and the rest', () => {
    assert.deepEqual(splitGlobBase('designs/**/*.yaml'), { base: 'designs', glob: '**/*.yaml' });
    assert.deepEqual(splitGlobBase('*.yaml'), { base: '', glob: '*.yaml' });
    assert.deepEqual(splitGlobBase('a/b/c.yaml'), { base: 'a/b', glob: 'c.yaml' });
  });
});

