/**
 * Living with Red Hat's YAML extension. We contribute `yamlValidation` so its users get
 * our schema on files named `mlsystem.yaml` / `*.mlsystem.yaml` (and .yml). On those files
 * it reports the schema errors itself, so while it is installed and `yaml.validate` is on
 * (its default) we do not publish our own
 * `schema` findings there: the same error is not shown twice. Designs recognised by
 * content or a configured pattern (e.g. `designs/fraud.yaml`) are not validated by it,
 * so they keep our `schema` findings.
 */
import * as vscode from 'vscode';
import { isDesignFileName } from '../engine';
import type { Finding } from '../engine';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

/**
 * Installed and enabled, not merely active: it activates on YAML files just as we do, so
 * waiting for it to be active would show a schema error twice whenever our first review
 * of a file wins the race. (A disabled extension is not listed at all.)
 */
export function redHatYamlInstalled(): boolean {
  return vscode.extensions.getExtension(RED_HAT_YAML) !== undefined;
}

/** Whether a change of settings may change which findings Red Hat YAML reports. */
export function affectsRedHatYaml(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('yaml.validate');
}

export function reportedByRedHatYaml(uri: vscode.Uri, finding: Pick<Finding, 'rule'>): boolean {
  return finding.rule === 'schema' && isDesignFileName(uri.path) && redHatYamlInstalled() && vscode.workspace.getConfiguration('yaml', uri).get<boolean>('validate', true);
}
