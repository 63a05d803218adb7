/**
 * Living with Red Hat's YAML extension. We contribute `yamlValidation` so its users get
 * our schema on files named `mlsystem.yaml` / `*.mlsystem.yaml` (and .yml). On those files
 * it reports the schema errors itself, so while it is active we do not publish our own
 * `schema` findings there: the same error is not shown twice. Designs recognised by
 * content or a configured pattern (e.g. `designs/fraud.yaml`) are not validated by it,
 * so they keep our `schema` findings.
 */
import * as vscode from 'vscode';
import { isDesignFileName } from '../engine';
import type { Finding } from '../engine';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export function redHatYamlActive(): boolean {
  return vscode.extensions.getExtension(RED_HAT_YAML)?.isActive === true;
}

export function reportedByRedHatYaml(uri: vscode.Uri, finding: Finding): boolean {
  return finding.rule === 'schema' && isDesignFileName(uri.path) && vscode.workspace.getConfiguration('yaml', uri).get<boolean>('validate', true) && redHatYamlActive();
}
