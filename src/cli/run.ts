/**
 * The command-line review, host-independent enough to run in-process in tests: argv and
 * streams in, exit code out. Every failure becomes one line on stderr, never a stack trace.
 */
import path from 'node:path';
import { ConfigError, LIMITS, reviewBytes } from '../engine';
import type { LifecycleModel, RuleId, Severity, SeveritySetting } from '../engine';
import { version } from '../../package.json';
import { parseCliArgs, USAGE, UsageError } from './args';
import type { CliOptions, FailLevel } from './args';
import { ConfigLookup, readConfigFile } from './config-lookup';
import { discover, NoMatchError, toPosix } from './discovery';
import type { DesignFile } from './discovery';
import { CannotReadError, readBytes } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish, useColor } from './formatters/stylish';
import type { FileReport } from './report';
import { CannotWriteError, writeDiagram } from './diagram';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
  /** Today as YYYY-MM-DD (for expired waivers); the clock's UTC date by default. */
  today?: string;
}

/** Past this many files, a terminal gets a progress counter on stderr. */
export const PROGRESS_THRESHOLD = 50;

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const FAIL_RANK: Record<FailLevel, number> = { info: 1, warning: 2, error: 3, never: Infinity };

export function run(argv: readonly string[], io: CliIo): number {
  const say = (line: string): void => {
    io.stderr.write(`mlsystem-review: ${line}\n`);
  };
  try {
    return review_(parseCliArgs(argv), io, say);
  } catch (e) {
    if (e instanceof UsageError) say(`${e.message} (see --help)`);
    else if (e instanceof CannotReadError || e instanceof ConfigError || e instanceof NoMatchError || e instanceof CannotWriteError) say(e.message);
    else say(`unexpected error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    return 2;
  }
}

function review_(options: CliOptions, io: CliIo, say: (line: string) => void): number {
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const display = (abs: string): string => toPosix(path.relative(io.cwd, abs)) || '.';
  const fixed = options.config === undefined ? undefined : readConfigFile(path.resolve(io.cwd, options.config), options.config);
  const configs = new ConfigLookup(display, fixed);

  const { files, notes } = discover(options.paths, io.cwd, configs);
  for (const note of notes) say(note);
  if (options.diagram !== undefined && files.length !== 1) {
    throw new UsageError(`--diagram draws one design, but ${files.length} were found: name the one to draw`);
  }

  const progress = io.stderr.isTTY && files.length > PROGRESS_THRESHOLD;
  const reports: FileReport[] = [];
  let skipped = 0;
  files.forEach((file, i) => {
    if (progress) io.stderr.write(`\rReviewing ${i + 1}/${files.length}`);
    const rules = configs.forFile(file.absolute)?.config.rules ?? {};
    const outcome = reviewFile(file, rules, io.today);
    if (outcome.report) {
      reports.push(outcome.report);
    } else {
      skipped++;
      if (progress) io.stderr.write('\r\x1b[K');
      say(`${file.display}: skipped: too large to review (the limit is ${LIMITS.maxLength} characters)`);
    }
    if (options.diagram !== undefined) {
      if (outcome.lifecycle) writeDiagram(outcome.lifecycle, path.resolve(io.cwd, options.diagram), options.diagram);
      else say(`no diagram written: "${file.display}" could not be read as text`);
    }
  });
  if (progress) io.stderr.write('\r\x1b[K');

  if (options.format === 'json') io.stdout.write(formatJson(reports));
  else if (options.format === 'sarif') io.stdout.write(formatSarif(reports, { version, root: io.cwd }));
  else io.stdout.write(formatStylish(reports, useColor(io.env, io.stdout.isTTY === true)));

  // A file too large to review counts as an error: it was not reviewed at all.
  // A loop, not Math.max(...all): a spread of every finding overflows the stack on huge reviews.
  let worst = skipped ? RANK.error : 0;
  for (const r of reports) for (const f of r.findings) worst = Math.max(worst, RANK[f.severity]);
  return worst >= FAIL_RANK[options.failOn] ? 1 : 0;
}

/** One file's findings and lifecycle model; no report when it is too large to review. */
function reviewFile(file: DesignFile, rules: Partial<Record<RuleId, SeveritySetting>>, today: string | undefined): { report?: FileReport; lifecycle?: LifecycleModel } {
  const bytes = readBytes(file.absolute, file.display);
  const reviewed = bytes && reviewBytes(bytes, { rules, today });
  if (!reviewed || reviewed.kind === 'too-large') return {};
  const report: FileReport = { file: file.display, absolute: file.absolute, findings: reviewed.result.findings };
  // Bytes that are not text hold no design to draw.
  return { report, lifecycle: reviewed.kind === 'text' ? reviewed.result.lifecycle : undefined };
}
