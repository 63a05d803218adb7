// Writes l10n/bundle.l10n.json (package.json `l10n`): the English text of every message the
// extension passes to `vscode.l10n.t`, extracted by @vscode/l10n-dev as its `export`
// command does, for translators to copy into bundle.l10n.<language>.json. Only the two
// layers that import `vscode` (the editor host and the panel host) show messages.
// Deterministic; test/unit/localization.test.ts fails when the committed bundle has drifted.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

export const L10N_BUNDLE = 'l10n/bundle.l10n.json';
const SOURCES = ['src/extension', 'src/panel'];

/** The TypeScript sources that may call `vscode.l10n.t`, relative to the root, in a stable order. */
export function l10nSources(root) {
  return SOURCES.flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/')))
    .sort();
}

/** The bundle's text for the sources' contents. */
export async function renderL10nBundle(contents) {
  const messages = await getL10nJson(contents.map((text) => ({ contents: text, extension: '.ts' })));
  return `${JSON.stringify(messages, null, 2)}\n`;
}

export async function generate(root) {
  const text = await renderL10nBundle(l10nSources(root).map((f) => readFileSync(path.join(root, f), 'utf8')));
  const file = path.join(root, L10N_BUNDLE);
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (text !== current) {
    writeFileSync(file, text);
    console.log(`build: regenerated ${L10N_BUNDLE} from the extension's vscode.l10n.t messages`);
  }
}
