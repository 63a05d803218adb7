/**
 * The host-free parts of "ML Design: New Design File": the name check, the text, the
 * messages (localized by @vscode/l10n, which activation gives the extension's bundle).
 */
import * as l10n from '@vscode/l10n';
import { designNameOf, isDesignFileName } from '../../engine';
import { snippetToText } from '../../features';

/** Why a file name cannot be used, or undefined when it can. */
export function invalidFileName(name: string): string | undefined {
  if (!name.trim()) return l10n.t('Enter a file name.');
  if (/[\\/]/.test(name)) return l10n.t('Enter a name, not a path.');
  if (!isDesignFileName(name)) return l10n.t('Name it mlsystem.yaml or <name>.mlsystem.yaml, so it is found as a design document.');
  return undefined;
}

/** The skeleton's text, named after the file (`routing.mlsystem.yaml` → `name: routing`). */
export function skeletonText(snippetBody: string | undefined, fileName: string): string {
  const name = designNameOf(fileName) || 'my-ml-system';
  return snippetBody ? snippetToText(snippetBody).replace(/^name: .*$/m, `name: ${name}`) : `mlsystem: 1\nname: ${name}\n`;
}

/** Why nothing was written. */
export function notCreatedMessage(relativePath: string, alreadyExists: boolean): string {
  return alreadyExists
    ? l10n.t('{0} already exists; it was left as it is. Choose another name for the new design.', relativePath)
    : l10n.t('{0} could not be created; check that the folder exists and is writable.', relativePath);
}
