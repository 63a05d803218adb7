/** What ships stays past the known advisories, and the schema validator never evaluates `$data`. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const installed = (name: string): string => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

function atLeast(version: string, floor: string): boolean {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

describe('shipped dependencies', () => {
  for (const [name, floor] of [['yaml', '2.8.3'], ['ajv', '8.18.0'], ['markdown-it', '14.1.1']] as const) {
    it(`${name} is at least ${floor}`, () => {
      assert.ok(atLeast(installed(name), floor), `${name} ${installed(name)} is older than ${floor}`);
      const declared = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies[name] as string;
      assert.ok(atLeast(declared.replace(/^[\^~]/, ''), floor), `package.json asks for ${name} ${declared}`);
    });
  }

  it('pins yaml to one exact version: the fast composer (src/engine/compose.ts) follows its internals', () => {
    const declared = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies.yaml as string;
    assert.match(declared, /^\d+\.\d+\.\d+$/, `package.json asks for yaml ${declared}, a range`);
    assert.equal(installed('yaml'), declared);
  });

  it('compiles the schema validator with $data off', () => {
    const generator = readFileSync(path.join(root, 'scripts', 'generate', 'generate-validator.mjs'), 'utf8');
    assert.match(generator, /new Ajv\(\{.*\$data: false.*\}\)/);
  });
});
