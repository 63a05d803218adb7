/** Which snippets completion offers where, as an author meets them while writing a design. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoverMarkdown } from '../../src/features/schema-completion';
import { snippetEntries, snippetHome } from '../../src/features/snippet-completion';
import { parseSnippetFile } from '../../src/features/snippets';
import { cursorContext } from '../../src/features/yaml-cursor';

const snippets = parseSnippetFile(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'snippets', 'mlsystem.json'), 'utf8')));

const DESIGN = [
  'mlsystem: 1',
  'name: routing',
  'business:',
  '  objectives:',
  '    - id: faster-routing',
  '      statement: Route twice as fast.',
  '    - id: fewer-bounces',
  '      statement: Fewer bounces.',
  'framing:',
  '  - id: classifier',
  '    serves: [faster-routing]',
  '@',
  'requirements:',
  '  reliability: Prose.',
  '',
].join('\n');

function offered(textWithCursor: string): Map<string, { insertText: string; preview: string }> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const cursor = cursorContext(text, offset);
  assert.ok(cursor, 'a completion context');
  return new Map(snippetEntries(snippets, text, offset, cursor).map((e) => [e.label, e]));
}

describe('snippet completion', () => {
  it('knows where every snippet goes', () => {
    for (const s of snippets) assert.ok(snippetHome(s), s.prefix);
  });

  it('while the prefix is typed on a new line above an item, offers the list\'s snippets (the text is not YAML then)', () => {
    const typing = DESIGN.replace('framing:\n', 'framing:\n  mlsystem-framing-multi|\n').replace('@\n', '');
    assert.ok(offered(typing).has('mlsystem-framing-multiclass-classification'));
  });

  it('inside a framing item, offers no snippet: neither a design nor a new list item', () => {
    assert.deepEqual([...offered(DESIGN.replace('@', '    |')).keys()], []);
  });

  it('where a new framing goes, offers the framing snippets, and only those', () => {
    const labels = [...offered(DESIGN.replace('@', '  |')).keys()];
    assert.ok(labels.length > 5);
    assert.ok(labels.every((l) => l.startsWith('mlsystem-framing-')), labels.join(', '));
  });

  it('after a typed `- `, the snippet does not write a second dash', () => {
    const framing = offered(DESIGN.replace('@', '  - |')).get('mlsystem-framing-regression');
    assert.ok(framing);
    assert.match(framing.insertText, /^id: /);
  });

  it('a framing snippet offers the document\'s objective ids as a choice, not a placeholder id', () => {
    const framing = offered(DESIGN.replace('@', '  |')).get('mlsystem-framing-anomaly-detection');
    assert.ok(framing);
    assert.match(framing.insertText, /serves: \[\$\{2\|faster-routing,fewer-bounces\|\}\]/);
    assert.ok(!framing.insertText.includes('TODO-objective-id'));
  });

  it('shows the text it inserts, without tab-stop syntax', () => {
    const framing = offered(DESIGN.replace('@', '  |')).get('mlsystem-framing-anomaly-detection');
    assert.ok(framing);
    assert.ok(!/\$\{?\d/.test(framing.preview), framing.preview);
    assert.match(framing.preview, /^- id: new-anomaly-model\n {2}serves: \[faster-routing\]\n/);
    assert.match(framing.preview, /\n {6}moves: faster-routing\n/, 'a mirrored tab stop shows its value');
  });

  it('at the top level, offers the sections not written yet; the pillars under requirements', () => {
    const top = [...offered(`${DESIGN.replace('@\n', '')}|`).keys()];
    assert.ok(top.includes('mlsystem-lifecycle'));
    assert.ok(!top.includes('mlsystem-design') && !top.some((l) => l.startsWith('mlsystem-pillar-')), top.join(', '));
    const pillars = [...offered(DESIGN.replace('@\n', '').replace('  reliability: Prose.\n', '  reliability: Prose.\n  |\n')).keys()];
    assert.deepEqual(pillars.sort(), ['mlsystem-pillar-adaptability', 'mlsystem-pillar-maintainability', 'mlsystem-pillar-scalability']);
  });

  it('offers the whole design in an empty document only', () => {
    assert.ok(offered('|').has('mlsystem-design'));
    assert.ok(!offered('mlsystem: 1\n|').has('mlsystem-design'));
  });

  it('describes every snippet with the right article', () => {
    for (const s of snippets) assert.ok(!/\ba [aeiou]/i.test(s.description), s.description);
  });
});

describe('hover on a value', () => {
  it('describes an allowed value as completion does', () => {
    assert.match(hoverMarkdown(['framing', 0, 'task'], false, 'anomaly-detection') ?? '', /^\*\*anomaly-detection\*\*\n\nUnusual items or events/);
    assert.match(hoverMarkdown(['lifecycle', 'deployment', 'status'], false, 'blocked') ?? '', /Cannot progress/);
  });
});
