/**
 * Placeholders as docs/format.md defines them: the markers, question marks and dots,
 * angle brackets and lorem ipsum are placeholders; answers that say "does not apply" are
 * not; odd values never throw.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPlaceholder } from '../../src/engine/placeholder';

const PLACEHOLDERS = [
  'TODO', 'todo', ' TODO ', 'TBD', 'TBC', 'FIXME', 'XXX', 'Tbd', 'fixme',
  'TODO.', 'TODO!', 'TODO?!', 'TBD…', 'TODO:', 'TODO -', 'TODO_',
  'TODO: who owns this?', 'TBD - after the pilot', 'TODO who owns this', 'TODO-objective-id', 'FIXME: wrong number', 'XXX - check',
  'TODO one sentence on what the system does and for whom', 'TODO:no space',
  '?', '???', '...', '.', '…', '……', '.…', '  ???  ',
  '<owner>', '<who watches this>', '< >', '<a>', ' <team> ',
  'Lorem ipsum', 'lorem ipsum dolor sit amet', 'LOREM IPSUM.',
];

const ANSWERS: unknown[] = [
  // "Does not apply" is an answer.
  'n/a', 'N/A', 'none', 'None', '-', '--',
  // Real text that contains a marker somewhere else, or a marker that is part of a word.
  'TODOS', 'todolist', 'TBDs', 'XXXL', 'TODO,later', 'TODO;x', 'We will decide TBD', 'Weekly (TODO: confirm)',
  'Ask: who?', '?!', '?.', 'Wait...', '1...', 'a.b',
  '<a><b>', '<>', '<<owner>>', '<owner> and more', 'a <owner>', '<owner',
  'lorem', 'ipsum lorem', 'The lorem ipsum generator', '',
  '   ', 'Support leads', 'Weekly, or when audited accuracy drops below 0.88.',
  // Not strings.
  0, 1, 3.5, NaN, true, false, null, undefined, [], ['TODO'], [['TODO']], { TODO: 'x' }, new Date(0),
];

describe('isPlaceholder', () => {
  it('recognizes every form of placeholder', () => {
    for (const text of PLACEHOLDERS) assert.equal(isPlaceholder(text), true, JSON.stringify(text));
  });

  it('takes answers, real text and values that are not strings as answers', () => {
    for (const value of ANSWERS) assert.equal(isPlaceholder(value), false, JSON.stringify(value));
  });

  it('never throws on very long or unusual text', () => {
    const cases: [string, boolean][] = [
      ['TODO ' + 'x'.repeat(1_000_000), true],
      ['x'.repeat(1_000_000), false],
      ['?'.repeat(1_000_000), true],
      ['?'.repeat(1_000_000) + 'x', false],
      ['<' + 'a'.repeat(1_000_000) + '>', true],
      ['<' + 'a'.repeat(1_000_000), false],
      ['<'.repeat(1_000_000), false],
      ['TODO' + '!'.repeat(1_000_000), true],
      ['TODO' + '!'.repeat(1_000_000) + 'x', false],
      ['.'.repeat(500_000) + '…'.repeat(500_000), true],
      [' '.repeat(1_000_000), false],
      ['🙂', false], ['TODO: 🙂 qui s’en occupe ?', true], ['<負責者>', true], ['\u0000', false], ['\uD800', false],
    ];
    for (const [text, expected] of cases) assert.equal(isPlaceholder(text), expected, text.slice(0, 20));
  });
});
