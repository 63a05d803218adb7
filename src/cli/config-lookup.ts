/**
 * Which review configuration applies to a file: the nearest `.mlsystem-review.*` up the
 * folder tree (nearest wins, as markdownlint-cli2 does), or the one given with --config.
 * Lookups are cached per folder, so a big tree reads each config file once.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, parseConfig } from '../engine';
import type { ReviewConfig } from '../engine';
import { CannotReadError } from './files';

export interface FoundConfig {
  config: ReviewConfig;
  /** The config file's folder: its `files` patterns are relative to it. */
  dir: string;
  file: string;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `display`: the file's name in messages (as given, or relative to the current folder). */
export function readConfigFile(file: string, display: string): FoundConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CannotReadError(display, e);
  }
  // parseConfig throws ConfigError with a one-line message naming the file.
  return { config: parseConfig(text, display), dir: path.dirname(file), file };
}

export class ConfigLookup {
  private readonly byFolder = new Map<string, FoundConfig | undefined>();

  /**
   * `display` names a found config file in messages; `fixed` is the --config file, used
   * for every file.
   */
  constructor(private readonly display: (file: string) => string, private readonly fixed?: FoundConfig) {}

  /** The config for a file (absolute path), or undefined when none applies. */
  forFile(absoluteFile: string): FoundConfig | undefined {
    return this.fixed ?? this.forFolder(path.dirname(absoluteFile));
  }

  forFolder(folder: string): FoundConfig | undefined {
    if (this.fixed) return this.fixed;
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    let found: FoundConfig | undefined;
    const name = CONFIG_FILE_NAMES.find((n) => isFile(path.join(folder, n)));
    if (name) {
      const file = path.join(folder, name);
      found = readConfigFile(file, this.display(file));
    } else {
      const parent = path.dirname(folder);
      found = parent === folder ? undefined : this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }
}
