/** Command-line arguments -> options. Usage mistakes become a UsageError (exit 2). */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface CliOptions {
  /** `review` (the default) or `report DESIGN`: the review report as one HTML page. */
  command: 'review' | 'report';
  format: Format;
  failOn: FailLevel;
  /** One config file for every reviewed file, instead of the nearest one. */
  config?: string;
  /** Where to write the lifecycle diagram of the single design reviewed. */
  diagram?: string;
  /** Apply the clear corrections to the designs on disk, then report what is left. */
  fix: boolean;
  /** Print the fixes as a unified diff instead of writing them. */
  fixDryRun: boolean;
  /** The review date, YYYY-MM-DD (waiver expiry); the run's UTC date by default. */
  today?: string;
  /** `report`: where to write the page (stdout when absent). */
  output?: string;
  /** Print the configuration this design is reviewed with, instead of reviewing. */
  printConfig?: string;
  help: boolean;
  version: boolean;
  /** Files, folders or globs; the current folder when none is given. */
  paths: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: mlsystem-review [options] [paths or globs...]
       mlsystem-review report DESIGN [-o FILE] [--config FILE] [--today YYYY-MM-DD]

Review ML system design documents (mlsystem.yaml). Folders are searched for design
documents; with no path, the current folder is. \`report\` writes one design's review as a
self-contained HTML page for a review meeting (to stdout, or to FILE with -o).

Options:
  -f, --format stylish|json|sarif|github|markdown|gitlab
                                        output format (default: stylish)
      --fail-on error|warning|info|never
                                        exit 1 when a finding is at or above this
                                        severity (default: error)
  -c, --config FILE                     use this config file for every design, instead
                                        of the nearest .mlsystem-review.json|yaml|yml
      --diagram OUT.svg                 write the lifecycle diagram of the one design given
      --fix                             apply the clear corrections to the designs on
                                        disk, then report what is left
      --fix-dry-run                     print those corrections as a unified diff instead
      --today YYYY-MM-DD                the review date, for waivers' expiry (default: today, UTC)
  -o, --output FILE                     report: write the page to FILE instead of stdout
      --print-config FILE               print the configuration FILE is reviewed with
                                        (after extends and overrides) as JSON, and exit
  -h, --help                            show this help
  -v, --version                         show the version

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad usage or unreadable path.
`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
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
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        today: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'print-config': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // node:util's messages are one line but mention its own API; keep the useful part.
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option'));
  }
  const { values } = parsed;
  let positionals = parsed.positionals;
  const command = positionals[0] === 'report' ? 'report' : 'review';
  if (command === 'report') {
    positionals = positionals.slice(1);
    if (!values.help && positionals.length !== 1) throw new UsageError(`report takes one design document (got ${positionals.length})`);
    for (const option of ['format', 'fail-on', 'diagram', 'fix', 'fix-dry-run'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to report`);
    }
  } else if (values.output !== undefined) {
    throw new UsageError('--output applies to report only (mlsystem-review report DESIGN -o FILE)');
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('use --fix or --fix-dry-run, not both');
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date as YYYY-MM-DD (got "${values.today}")`);
  if (values.output === '') throw new UsageError('--output needs a file name');
  const format = oneOf('format', values.format, FORMATS, 'stylish');
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_LEVELS, 'error');
  if (values.config === '') throw new UsageError('--config needs a file name');
  if (values.diagram === '') throw new UsageError('--diagram needs a file name');
  if (values['print-config'] === '') throw new UsageError('--print-config needs a design file');
  return {
    command,
    format,
    failOn,
    config: values.config,
    diagram: values.diagram,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    today: values.today,
    output: values.output,
    printConfig: values['print-config'],
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals,
  };
}
