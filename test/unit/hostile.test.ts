/**
 * Hostile input: each gets one clear `yaml-syntax` error, in bounded time, and never a
 * crash. (The bound is generous: it catches a hang, not a slow machine.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS, review } from '../../src/engine';

const HANG_BOUND_MS = 5000;

function reviewOnce(text: string, bound = HANG_BOUND_MS): { rules: string[]; messages: string[]; line: number } {
  const start = performance.now();
  const result = review(text, { today: '2026-11-26' });
  assert.ok(performance.now() - start < bound, 'the review finished');
  return {
    rules: result.findings.map((f) => f.rule),
    messages: result.findings.map((f) => f.message),
    line: result.findings[0]?.range.start.line ?? -1,
  };
}

const laughs = [
  'mlsystem: 1',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  '',
].join('\n');

describe('hostile input', () => {
  it('billion laughs: aliases that expand past the limit', () => {
    const r = reviewOnce(laughs);
    assert.deepEqual(r.rules, ['yaml-syntax']);
    assert.match(r.messages[0], /Aliases expand too far .*100/);
    assert.equal(r.line, 3, 'on the first alias that goes past the limit');
  });

  it('10,000 nested brackets', () => {
    const r = reviewOnce('mlsystem: 1\nx: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    assert.deepEqual(r.rules, ['yaml-syntax']);
    assert.match(r.messages[0], new RegExp(`Nesting is too deep .*${LIMITS.maxDepth}`));
  });

  it('10,000 unclosed brackets', () => {
    const r = reviewOnce('['.repeat(10_000));
    assert.deepEqual(r.rules, ['yaml-syntax']);
  });

  it('block nesting past the limit, reached through an alias', () => {
    let text = 'mlsystem: 1\nanchor: &deep\n';
    for (let i = 1; i <= LIMITS.maxDepth + 5; i++) text += '  '.repeat(i) + 'k:\n';
    text += '  '.repeat(LIMITS.maxDepth + 6) + 'v: 1\nuse: *deep\n';
    const r = reviewOnce(text);
    assert.deepEqual(r.rules, ['yaml-syntax']);
    assert.match(r.messages[0], /Nesting is too deep/);
  });

  it('an alias that contains itself', () => {
    const r = reviewOnce('mlsystem: 1\nloop: &x [1, *x]\n');
    assert.deepEqual(r.rules, ['yaml-syntax']);
  });

  it('NUL bytes', () => {
    const r = reviewOnce('mlsystem: 1\nname: a\0b\n');
    assert.deepEqual(r.rules, ['yaml-syntax']);
    assert.match(r.messages[0], /NUL/);
    assert.equal(r.line, 1);
  });

  it('text decoded from invalid UTF-8 (replacement characters) is reviewed like any text', () => {
    const text = new TextDecoder('utf-8').decode(new Uint8Array([...Buffer.from('mlsystem: 1\nname: '), 0xff, 0xfe, 0x0a]));
    const r = reviewOnce(text);
    assert.ok(!r.rules.includes('yaml-syntax'));
  });

  it('a 5 MB file', () => {
    const line = 'x-filler: "' + 'a'.repeat(90) + '"\n';
    const text = 'mlsystem: 1\n' + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    assert.ok(text.length > LIMITS.maxLength);
    const r = reviewOnce(text);
    assert.deepEqual(r.rules, ['yaml-syntax']);
    assert.match(r.messages[0], /too large/);
    assert.equal(r.line, 0);
  });

  it('a key named __proto__ is data, never a prototype', () => {
    const result = review('mlsystem: 1\nname: x\n__proto__: {polluted: true}\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(result.findings.some((f) => f.rule === 'schema' && /__proto__/.test(f.message)));
  });

  it('a mapping of many keys off the fast path (tagged values): duplicates found in one pass', () => {
    // The parser's own duplicate-key check compares every pair: 20,000 keys took 25 s on a
    // quiet machine; now under a second. The bound is four times the usual: a loaded
    // machine must not fail it, a quadratic check still does.
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: !!str v`).join('\n');
    const bound = 4 * HANG_BOUND_MS;
    assert.deepEqual(reviewOnce(`mlsystem: 1\nname: x\nx-many:\n${keys}\n`, bound).rules.filter((r) => r === 'yaml-syntax'), []);
    const dup = reviewOnce(`mlsystem: 1\nname: x\nx-many:\n${keys}\n  k7: !!str again\n`, bound);
    assert.deepEqual([dup.rules, dup.messages, dup.line], [['yaml-syntax'], ['Map keys must be unique'], 20_003]);
  });
});

