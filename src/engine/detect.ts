/**
 * Which files are design documents (docs/format.md): by name, by content (a top-level
 * `mlsystem` key), or by a configured glob. Other YAML is never reviewed.
 */
import { matchesAnyGlob } from './glob';

const DESIGN_NAME = /(^|[\\/])([^\\/]+\.)?mlsystem\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
/** A top-level `mlsystem:` key: at column 0, optionally quoted. */
const DESIGN_KEY = /^(?:mlsystem|"mlsystem"|'mlsystem')[ \t]*:/m;

/** Enough of a file's start to tell whether it is a design (a top-level `mlsystem` key). */
export const DETECTION_BYTES = 1024 * 1024;

export function isDesignFileName(fileName: string): boolean {
  return DESIGN_NAME.test(fileName);
}

/** The system name a design's file name carries: `routing` for `routing.mlsystem.yaml`, '' for `mlsystem.yaml` or another name. */
export function designNameOf(fileName: string): string {
  return DESIGN_NAME.exec(fileName)?.[2]?.slice(0, -1) ?? '';
}

export function isYamlFileName(fileName: string): boolean {
  return YAML_NAME.test(fileName);
}

export function hasDesignKey(text: string): boolean {
  return DESIGN_KEY.test(text);
}

/**
 * Matches a path (relative to the folder the patterns are written for, with `/`
 * separators) against extra glob patterns from settings or the config file.
 */
export function matchesPatterns(relativePath: string, patterns: readonly string[]): boolean {
  return patterns.length > 0 && matchesAnyGlob(relativePath.replace(/\\/g, '/'), patterns);
}

/**
 * Whether a file is a design document. `text` is read only for YAML files that the name
 * and patterns did not already decide.
 */
export function isDesignDocument(fileName: string, text: string | (() => string), options: { relativePath?: string; patterns?: readonly string[] } = {}): boolean {
  if (isDesignFileName(fileName)) return true;
  if (options.patterns?.length && matchesPatterns(options.relativePath ?? fileName, options.patterns)) return true;
  if (!isYamlFileName(fileName)) return false;
  return hasDesignKey(typeof text === 'function' ? text() : text);
}
