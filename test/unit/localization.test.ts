/**
 * The extension is localizable as VS Code's own extensions are: every user-visible string
 * of the manifest is a `%key%` whose English text is in package.nls.json (and no entry
 * there is unused), and l10n/bundle.l10n.json holds every message passed to `vscode.l10n.t`
 * (extracted by @vscode/l10n-dev, as translators get them).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { RULES } from '../../src/engine';
import { L10N_BUNDLE, l10nSources, renderL10nBundle } from '../../scripts/generate/generate-l10n-bundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, string> = JSON.parse(read('package.nls.json'));

/** The fields of a manifest that VS Code shows to the user. */
const SHOWN = new Set(['displayName', 'description', 'markdownDescription', 'enumDescriptions', 'title', 'category', 'label']);
/** Fields of those names whose value is not text (a walkthrough step's media, say) are not under them. */
function shownStrings(value: unknown, path: string[] = [], out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  if (Array.isArray(value)) value.forEach((v, i) => shownStrings(v, [...path, String(i)], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) shownStrings(v, [...path, k], out);
  else if (typeof value === 'string') {
    const field = path.at(-1)!;
    const owner = /^\d+$/.test(field) ? path.at(-2)! : field;
    if (SHOWN.has(owner)) out.push({ path: path.join('.'), text: value });
  }
  return out;
}

const KEY = /^%([^%]+)%$/;
const keysUsed = (): string[] => JSON.stringify(pkg).match(/"%[^"%]+%"/g)?.map((k) => k.slice(2, -2)) ?? [];

describe('localization', () => {
  it('package.json names every text it shows by a %key%', () => {
    const shown = shownStrings({ displayName: pkg.displayName, description: pkg.description, capabilities: pkg.capabilities, contributes: pkg.contributes });
    assert.ok(shown.length > 40, `the texts are found (${shown.length})`);
    assert.deepEqual(shown.filter((s) => !KEY.test(s.text)), []);
  });

  it('package.nls.json has the English text of every %key% in package.json, and nothing else', () => {
    const used = new Set(keysUsed());
    assert.deepEqual([...used].filter((k) => !(k in nls)), [], 'keys without text');
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'texts no key names');
    assert.deepEqual(Object.entries(nls).filter(([, text]) => typeof text !== 'string' || !text.trim()), [], 'empty texts');
  });

  it('a rule\'s severity setting is described by the rule\'s summary', () => {
    const settings = pkg.contributes.configuration.properties['mlsystem.rules'].properties;
    for (const rule of RULES) {
      const key = KEY.exec(settings[rule.id].markdownDescription)?.[1];
      assert.equal(key && nls[key], rule.summary, rule.id);
    }
  });

  it(`${L10N_BUNDLE} holds the messages the extension passes to vscode.l10n.t (else run \`npm run build\`)`, async () => {
    const sources = l10nSources(root);
    assert.ok(sources.includes('src/extension/status-bar.ts') && sources.includes('src/panel/panel.ts'), 'the editor and panel hosts are read');
    assert.equal(read(L10N_BUNDLE), await renderL10nBundle(sources.map(read)));
    const bundle: Record<string, string> = JSON.parse(read(L10N_BUNDLE));
    assert.ok('Fixed {0} problem(s) automatically.' in bundle, 'a message of Fix All');
    assert.ok('Enter a file name.' in bundle, 'a message of a host-free part, passed its l10n');
  });

  it('the manifest points VS Code at the bundles, and the VSIX carries them with package.nls.json', () => {
    assert.equal(pkg.l10n, './l10n');
    const allowed = read('.vscodeignore').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1).trim());
    const admits = picomatch(allowed, { dot: true });
    for (const file of ['package.nls.json', 'package.nls.ja.json', L10N_BUNDLE, 'l10n/bundle.l10n.ja.json']) assert.ok(admits(file), `${file} is packed`);
  });
});
