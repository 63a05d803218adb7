/**
 * The configuration for each reviewed file, as the engine's lookup finds it (nearest
 * `.mlsystem-review.*` up the tree, `extends` resolved, `overrides` applied), read with
 * Node. An invalid configuration stops the run with one line (exit 2); a warning about a
 * file is printed once.
 */
import path from 'node:path';
import { ConfigError, ConfigLookup, firstError, formatProblem } from '../engine';
import type { DesignConfig, LoadedConfig } from '../engine';
import { fromEnginePath, nodeConfigReader, toEnginePath } from '../node/config-reader';

export class CliConfigs {
  private readonly lookup: ConfigLookup;
  private readonly warned = new Set<string>();

  /**
   * `display` names a configuration file in messages; `configFile` is the --config file,
   * used for every design; `warn` prints a one-line warning.
   */
  constructor(display: (absolute: string) => string, private readonly warn: (line: string) => void, configFile?: { absolute: string; display: string }) {
    const displayEngine = (p: string): string => (configFile && p === toEnginePath(configFile.absolute) ? configFile.display : display(fromEnginePath(p)));
    this.lookup = new ConfigLookup(nodeConfigReader, { display: displayEngine, configFile: configFile && toEnginePath(configFile.absolute) });
  }

  private checked<T extends LoadedConfig>(found: T): T {
    const error = firstError(found.problems);
    if (error) throw new ConfigError(error);
    for (const p of found.problems) {
      const line = formatProblem(p);
      if (this.warned.has(line)) continue;
      this.warned.add(line);
      this.warn(`warning: ${line}`);
    }
    return found;
  }

  /** The configuration for the designs in a folder (absolute, native). */
  forFolder(folder: string): LoadedConfig {
    return this.checked(this.lookup.forFolder(toEnginePath(folder)));
  }

  /** What one design (absolute, native path) is reviewed with. */
  forFile(absoluteFile: string): DesignConfig {
    return this.checked(this.lookup.forDesign(toEnginePath(absoluteFile)));
  }

  /** A design's path relative to its configuration's folder, as `files` patterns are written. */
  static relativePath(found: LoadedConfig, absoluteFile: string): string | undefined {
    return found.dir === undefined ? undefined : toEnginePath(path.relative(fromEnginePath(found.dir), absoluteFile));
  }
}
