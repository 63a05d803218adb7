/**
 * The command-line review, host-independent enough to run in-process in tests: argv and
 * streams in, exit code out. Every failure becomes one line on stderr, never a stack trace.
 */
import path from 'node:path';
import { statSync } from 'node:fs';
import { ConfigError, decodeText, LIMITS, plural, printableConfig, review, reviewBytes, todayUtc } from '../engine';
import type { Check, LifecycleModel, ReviewOptions, ReviewResult, Severity } from '../engine';
import { version } from '../../package.json';
import { parseCliArgs, USAGE, UsageError } from './args';
import type { CliOptions, FailLevel, Format } from './args';
import { fromEnginePath } from '../node/config-reader';
import { CliConfigs } from './config-lookup';
import { BadGlobError, discover, NoMatchError, toPosix } from './discovery';
import type { DesignFile } from './discovery';
import { CannotReadError, readBytes } from './files';
import { fixText, unifiedDiff } from './fix';
import { formatGithub } from './formatters/github';
import { formatGitlab } from './formatters/gitlab';
import { formatJson } from './formatters/json';
import { formatMarkdown } from './formatters/markdown';
import { formatSarif } from './formatters/sarif';
import { formatStylish, useColor } from './formatters/stylish';
import { printable } from './printable';
import type { FileReport } from './report';
import { writeDiagram } from './diagram';
import { CannotWriteError, writeAtomically } from './write';
import { renderReviewReport } from '../render/report-html';

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
    io.stderr.write(`mlsystem-review: ${printable(line)}\n`);
  };
  try {
    return review_(parseCliArgs(argv), io, say);
  } catch (e) {
    if (e instanceof UsageError) say(`${e.message} (see --help)`);
    else if (e instanceof CannotReadError || e instanceof ConfigError || e instanceof NoMatchError || e instanceof BadGlobError || e instanceof CannotWriteError) say(e.message);
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
  // The review date, decided once for the whole run.
  const today = options.today ?? io.today ?? todayUtc();
  const display = (abs: string): string => toPosix(path.relative(io.cwd, abs)) || '.';
  let configFile: { absolute: string; display: string } | undefined;
  if (options.config !== undefined) {
    configFile = { absolute: path.resolve(io.cwd, options.config), display: options.config };
    mustBeFile(configFile.absolute, options.config);
  }
  const configs = new CliConfigs(display, say, configFile);
  if (options.printConfig !== undefined) {
    const design = path.resolve(io.cwd, options.printConfig);
    mustBeFile(design, options.printConfig);
    const found = configs.forFile(design);
    io.stdout.write(`${JSON.stringify(printableConfig(found.config, found.options, found.files.map((f) => display(fromEnginePath(f)))), null, 2)}\n`);
    return 0;
  }
  if (options.command === 'report') return writeReport(options, io, say, configs, today);

  const { files, notes } = discover(options.paths, io.cwd, configs);
  for (const note of notes) say(note);
  if (options.diagram !== undefined && files.length !== 1) {
    throw new UsageError(`--diagram draws one design, but ${files.length} were found: name the one to draw`);
  }

  // Only the diagram and the Markdown summary read the lifecycle model (and the summary the design's data).
  const keep: Keep = { lifecycle: options.diagram !== undefined || options.format === 'markdown', design: options.format === 'markdown' };
  const progress = io.stderr.isTTY && files.length > PROGRESS_THRESHOLD;
  const reports: FileReport[] = [];
  const diffs: string[] = [];
  const fix = options.fix || options.fixDryRun ? { dryRun: options.fixDryRun, diffs, say } : undefined;
  // The team's checks the reviewed designs ran, for the formats that describe each rule (SARIF).
  const checks = new Map<string, Check>();
  let skipped = 0;
  files.forEach((file, i) => {
    if (progress) io.stderr.write(`\rReviewing ${i + 1}/${files.length}`);
    const reviewOptions = configs.forFile(file.absolute).options;
    for (const c of reviewOptions.checks) if (!checks.has(c.id)) checks.set(c.id, c);
    const outcome = reviewFile(file, reviewOptions, today, keep, fix);
    if (outcome.report) {
      reports.push(outcome.report);
    } else {
      skipped++;
      if (progress) io.stderr.write('\r\x1b[K');
      say(outcome.unreadable ? `skipped "${file.display}": ${outcome.unreadable}` : `${file.display}: skipped: too large to review (the limit is ${LIMITS.maxLength} characters)`);
    }
    if (options.diagram !== undefined) {
      if (outcome.lifecycle) writeDiagram(outcome.lifecycle, path.resolve(io.cwd, options.diagram), options.diagram);
      else say(`no diagram written: "${file.display}" could not be read as text`);
    }
  });
  if (progress) io.stderr.write('\r\x1b[K');

  if (options.fixDryRun) io.stdout.write(diffs.join(''));
  else io.stdout.write(formatReports(options.format, reports, io, today, [...checks.values()]));

  // A file too large to review counts as an error: it was not reviewed at all.
  // A loop, not Math.max(...all): a spread of every finding overflows the stack on huge reviews.
  let worst = skipped ? RANK.error : 0;
  for (const r of reports) for (const f of r.findings) worst = Math.max(worst, RANK[f.severity]);
  return worst >= FAIL_RANK[options.failOn] ? 1 : 0;
}

/** Every format lists the same findings; they differ in shape only. */
function formatReports(format: Format, reports: readonly FileReport[], io: CliIo, today: string, checks: readonly Check[]): string {
  switch (format) {
    case 'json': return formatJson(reports);
    case 'sarif': return formatSarif(reports, { version, root: io.cwd, checks });
    case 'github': return formatGithub(reports);
    case 'gitlab': return formatGitlab(reports, { root: io.cwd });
    case 'markdown': return formatMarkdown(reports, { today });
    default: return formatStylish(reports, useColor(io.env, io.stdout.isTTY === true));
  }
}

interface FixRun {
  /** Collect diffs instead of writing. */
  dryRun: boolean;
  diffs: string[];
  say: (line: string) => void;
}

const hasBom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** `--fix`: the design's text after its clear corrections, written back (BOM kept) unless a dry run. */
function fixFile(file: DesignFile, bytes: Uint8Array, text: string, options: ReviewOptions, run: FixRun): string {
  const fixed = fixText(text, options);
  if (fixed.text === text) return text;
  if (run.dryRun) {
    run.diffs.push(unifiedDiff(file.display, text, fixed.text));
  } else {
    writeAtomically(file.absolute, file.display, (hasBom(bytes) ? '\uFEFF' : '') + fixed.text);
    run.say(`fixed "${file.display}": ${plural(fixed.applied, 'correction')}`);
  }
  return fixed.text;
}

/** `report DESIGN`: the review of one design as a self-contained HTML page. */
function writeReport(options: CliOptions, io: CliIo, say: (line: string) => void, configs: CliConfigs, today: string): number {
  const { files, notes } = discover(options.paths, io.cwd, configs);
  for (const note of notes) say(note);
  if (files.length !== 1) throw new UsageError(`report shows one design, but ${files.length} were found: name the one to show`);
  const [file] = files;
  const bytes = readBytes(file.absolute, file.display);
  const reviewed = bytes && reviewBytes(bytes, { ...configs.forFile(file.absolute).options, today });
  if (!reviewed || reviewed.kind !== 'text') {
    say(`cannot report on "${file.display}": ${reviewed?.kind === 'invalid-utf8' ? 'it is not valid UTF-8 text' : 'too large to review'}`);
    return 2;
  }
  const { result } = reviewed;
  const html = renderReviewReport({
    fileName: file.display,
    model: result.lifecycle,
    findings: result.findings,
    design: result.design,
    today,
    generator: `mlsystem-review ${version}`,
  });
  if (options.output === undefined) io.stdout.write(html);
  else writeAtomically(path.resolve(io.cwd, options.output), options.output, html);
  return 0;
}

/** What a run keeps of each review besides its findings. */
interface Keep {
  lifecycle: boolean;
  design: boolean;
}

/**
 * One file's findings, and its lifecycle model and data when the run needs them, fixed
 * first under --fix; no report when it is too large to review. The report keeps plain
 * findings only: a review's findings hold their fixes (and so the parsed document) until
 * read, which a run over many files must not keep alive.
 */
function reviewFile(file: DesignFile, { rules, checks }: ReviewOptions, today: string, keep: Keep, fix?: FixRun): { report?: FileReport; lifecycle?: LifecycleModel; unreadable?: string } {
  let bytes;
  try {
    bytes = readBytes(file.absolute, file.display);
  } catch (e) {
    // A design a search found but cannot read is skipped (and fails the run); a named one stops it.
    if (file.found && e instanceof CannotReadError) return { unreadable: e.reason };
    throw e;
  }
  if (!bytes) return {};
  let reviewed: { kind: 'text' | 'invalid-utf8'; result: ReviewResult } | undefined;
  const decoded = fix ? decodeText(bytes) : undefined;
  if (decoded?.kind === 'text' && fix) {
    reviewed = { kind: 'text', result: review(fixFile(file, bytes, decoded.text, { rules, checks, today }, fix), { rules, checks, today }) };
  } else {
    const outcome = reviewBytes(bytes, { rules, checks, today });
    if (outcome.kind === 'too-large') return {};
    reviewed = outcome;
  }
  const { result } = reviewed;
  // Bytes that are not text hold no design to draw.
  const lifecycle = keep.lifecycle && reviewed.kind === 'text' ? result.lifecycle : undefined;
  const findings = result.findings.map(({ rule, severity, message, help, range, target, docs }) => ({ rule, severity, message, help, range, target, ...(docs === undefined ? {} : { docs }) }));
  const report: FileReport = { file: file.display, absolute: file.absolute, findings, lifecycle, design: keep.design ? result.design : undefined };
  return { report, lifecycle };
}

/** A path the user named that must be a readable file (exit 2 otherwise). */
function mustBeFile(absolute: string, display: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch (e) {
    throw new CannotReadError(display, e);
  }
  if (!isFile) throw new CannotReadError(display, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
}
