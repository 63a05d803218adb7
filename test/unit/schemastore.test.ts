/** The schema is ready for the JSON Schema Store: a stable `$id` and `title`, and the catalog entry in the docs agrees with it and with the extension. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'mlsystem.schema.json'), 'utf8')) as Record<string, string>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[] }[] } };
const page = readFileSync(join(root, 'docs', 'schemastore.md'), 'utf8');
const entries = new MarkdownIt().parse(page, {}).filter((t) => t.type === 'fence' && t.info.trim() === 'json').map((t) => JSON.parse(t.content) as Record<string, unknown>);

describe('SchemaStore', () => {
  it('the schema has a stable $id where the catalog can fetch it, a title and draft 7', () => {
    assert.equal(schema.$id, 'https://raw.githubusercontent.com/mlsystem-review/mlsystem-review/main/schemas/mlsystem.schema.json');
    assert.match(schema.title, /mlsystem\.yaml/);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('docs/schemastore.md holds one catalog entry, ready to submit', () => {
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.deepEqual(Object.keys(entry).sort(), ['description', 'fileMatch', 'name', 'url']);
    assert.equal(entry.url, schema.$id);
    assert.deepEqual(entry.fileMatch, ['mlsystem.yaml', 'mlsystem.yml', '*.mlsystem.yaml', '*.mlsystem.yml']);
    assert.deepEqual(entry.fileMatch, pkg.contributes.yamlValidation[0].fileMatch, 'the same files as the extension');
    assert.ok(typeof entry.description === 'string' && !entry.description.endsWith('.'), 'the Store writes descriptions without a final period');
  });
});
