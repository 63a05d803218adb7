/** Command-line arguments -> options. Usage mistakes become a UsageError (exit 2). */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface CliOptions {
  format: Format;
  failOn: FailLevel;
  /** One config file for every reviewed file, instead of the nearest one. */
  config?: string;
  /** Where to write the lifecycle diagram of the single design reviewed. */
  diagram?: string;
  help: boolean;
  version: boolean;
  /** Files, folders or globs; the current folder when none is given. */
  paths: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: mlsystem-review [options] [paths or globs...]

Review ML system design documents (mlsystem.yaml). Folders are searched for design
documents; with no path, the current folder is.

Options:
  -f, --format stylish|json|sarif       output format (default: stylish)
      --fail-on error|warning|info|never
                                        exit 1 when a finding is at or above this
                                        severity (default: error)
  -c, --config FILE                     use this config file for every design, instead
                                        of the nearest .mlsystem-review.json|yaml|yml
      --diagram OUT.svg                 write the lifecycle diagram of the one design given
  -h, --help                            show this help
  -v, --version                         show the version

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad usage or unreadable path.
`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        diagram: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // node:util's messages are one line but mention its own API; keep the useful part.
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option'));
  }
  const { values, positionals } = parsed;
  const format = oneOf('format', values.format, FORMATS, 'stylish');
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_LEVELS, 'error');
  if (values.config === '') throw new UsageError('--config needs a file name');
  if (values.diagram === '') throw new UsageError('--diagram needs a file name');
  return {
    format,
    failOn,
    config: values.config,
    diagram: values.diagram,
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals,
  };
}
