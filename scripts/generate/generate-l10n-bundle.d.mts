/** Types of generate-l10n-bundle.mjs, for its drift test. */
export const L10N_BUNDLE: string;
export function l10nSources(root: string): string[];
export function renderL10nBundle(contents: readonly string[]): Promise<string>;
export function generate(root: string): Promise<void>;
