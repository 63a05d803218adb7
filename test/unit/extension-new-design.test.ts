/** "ML Design: New Design File" without a host: the name check, the skeleton's text, the refusal message. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { review } from '../../src/engine';
import { invalidFileName, notCreatedMessage, skeletonText } from '../../src/extension/core/new-design';
import { parseSnippetFile } from '../../src/features/snippets';

const skeleton = parseSnippetFile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'mlsystem.json'), 'utf8'))).find((s) => s.prefix === 'mlsystem-design')!;

describe('new design file', () => {
  it('accepts design names only, and no paths', () => {
    assert.equal(invalidFileName('mlsystem.yaml'), undefined);
    assert.equal(invalidFileName('routing.mlsystem.yml'), undefined);
    assert.match(invalidFileName('routing.yaml') ?? '', /mlsystem\.yaml or <name>\.mlsystem\.yaml/);
    assert.match(invalidFileName('sub/mlsystem.yaml') ?? '', /not a path/);
    assert.match(invalidFileName('  ') ?? '', /Enter a file name/);
  });

  it('names the skeleton after the file, and its only findings are its placeholders', () => {
    const text = skeletonText(skeleton.body, 'routing.mlsystem.yaml');
    assert.match(text, /^mlsystem: 1\nname: routing\n/);
    const rules = review(text, { today: '2026-11-26' }).findings.map((f) => f.rule);
    assert.deepEqual([...new Set(rules)], ['unanswered']);
    assert.equal(rules.length, text.match(/\bTODO\b/g)?.length);
    assert.match(skeletonText(skeleton.body, 'mlsystem.yaml'), /^name: my-ml-system$/m);
  });

  it('says a file that exists was left as it is, and what to do', () => {
    const message = notCreatedMessage('designs/mlsystem.yaml', true);
    assert.match(message, /^designs\/mlsystem\.yaml already exists; it was left as it is\./);
    assert.match(message, /another name/);
    assert.match(notCreatedMessage('designs/mlsystem.yaml', false), /could not be created/);
  });
});
