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
import { githubWriter } from './formatters/github';
import { gitlabWriter } from './formatters/gitlab';
import { jsonWriter } from './formatters/json';
import { markdownWriter } from './formatters/markdown';
import { sarifWriter } from './formatters/sarif';
import { stylishWriter, useColor } from './formatters/stylish';
import { printable } from '../render/printable';
import type { FileReport, ReportWriter } from './report';
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
  const clearProgress = (): void => {
    if (progress) io.stderr.write('\r\x1b[K');
  };
  const diffs: string[] = [];
  const fix = options.fix || options.fixDryRun ? { dryRun: options.fixDryRun, diffs, say } : undefined;
  const optionsOf = (file: DesignFile): ReviewOptions => configs.forFile(file.absolute).options;
  const writer = reportWriter(options.format, io, today, () => teamChecks(files.map(optionsOf)));
  // The report is written file by file (see docs/cli.md, "Output formats"), held back while
  // the run may still stop with exit code 2: until the last design named on the command
  // line is read, or, with --fix, until every design is written.
  const output = new ReportOutput(io.stdout, clearProgress);
  const lastNamed = options.fix ? files.length : files.reduce((last, f, i) => (f.found ? last : i), -1);
  if (lastNamed < 0) output.release();
  let skipped = 0;
  let worst = 0;
  files.forEach((file, i) => {
    if (progress) io.stderr.write(`\rReviewing ${i + 1}/${files.length}`);
    const outcome = reviewFile(file, optionsOf(file), today, keep, fix);
    if (!outcome.report) {
      skipped++;
      clearProgress();
      say(outcome.unreadable ? `skipped "${file.display}": ${outcome.unreadable}` : `${file.display}: skipped: too large to review (the limit is ${LIMITS.maxLength} characters)`);
    }
    if (options.diagram !== undefined) {
      if (outcome.lifecycle) writeDiagram(outcome.lifecycle, path.resolve(io.cwd, options.diagram), options.diagram);
      else say(`no diagram written: "${file.display}" could not be read as text`);
    }
    if (i === lastNamed) output.release();
    if (outcome.report) {
      for (const f of outcome.report.findings) worst = Math.max(worst, RANK[f.severity]);
      if (!options.fixDryRun) output.write(writer.file(outcome.report));
    }
  });
  clearProgress();
  output.release();
  output.write(options.fixDryRun ? diffs.join('') : writer.end());

  // A file too large to review counts as an error: it was not reviewed at all.
  if (skipped) worst = RANK.error;
  return worst >= FAIL_RANK[options.failOn] ? 1 : 0;
}

/** The team's checks the reviewed designs run, in the order first met, for the formats that describe each rule (SARIF). */
function teamChecks(optionsPerFile: readonly ReviewOptions[]): Check[] {
  const checks = new Map<string, Check>();
  for (const { checks: theirs = [] } of optionsPerFile) for (const c of theirs) if (!checks.has(c.id)) checks.set(c.id, c);
  return [...checks.values()];
}

/** Every format lists the same findings; they differ in shape only. */
function reportWriter(format: Format, io: CliIo, today: string, checks: () => readonly Check[]): ReportWriter {
  switch (format) {
    case 'json': return jsonWriter();
    case 'sarif': return sarifWriter({ version, root: io.cwd, checks: checks() });
    case 'github': return githubWriter();
    case 'gitlab': return gitlabWriter({ root: io.cwd });
    case 'markdown': return markdownWriter({ today });
    default: return stylishWriter(useColor(io.env, io.stdout.isTTY === true));
  }
}

/** Text for stdout, kept back until released, then written as it comes (after clearing the progress counter). */
class ReportOutput {
  private held: string[] | undefined = [];
  constructor(private readonly stdout: OutStream, private readonly beforeWrite: () => void) {}

  write(text: string): void {
    if (!text) return;
    if (this.held) {
      this.held.push(text);
      return;
    }
    this.beforeWrite();
    this.stdout.write(text);
  }

  release(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    this.write(held.join(''));
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
