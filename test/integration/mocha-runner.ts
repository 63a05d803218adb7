// Runs compiled integration suites with mocha inside an extension host. Shared by the
// code-server harness extension (test/harness-extension) and the @vscode/test-electron
// entry (electron-index.ts), so both run the very same suites the same way.
import Mocha from 'mocha';
import picomatch from 'picomatch';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  /** Failed attempts before this result (only with `retries`): a flaky test. */
  retries?: number;
  error?: { message: string; stack?: string; actual?: string; expected?: string };
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  files: string[];
  durationMs: number;
  tests: TestResult[];
}

export interface RunOptions {
  /** A compiled suite file, a folder (all *.test.js under it) or an absolute glob. */
  pattern: string;
  grep?: string | undefined;
  timeoutMs?: number | undefined;
  /** Attempts after a failure before a test counts as failed (flaky tests are reported as such). */
  retries?: number | undefined;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

export function findSuiteFiles(pattern: string): string[] {
  const abs = resolve(pattern);
  if (!picomatch.scan(abs).isGlob) {
    if (statSync(abs).isDirectory()) return listFiles(abs).filter((f) => f.endsWith('.test.js')).sort();
    return [abs];
  }
  const { base } = picomatch.scan(abs);
  const isMatch = picomatch(abs.split(sep).join('/'));
  return listFiles(base || '/').filter((f) => isMatch(f.split(sep).join('/'))).sort();
}

function describeError(err: unknown): TestResult['error'] {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
  const out: NonNullable<TestResult['error']> = { message: e.message };
  if (e.stack) out.stack = e.stack;
  if (e.showDiff !== false && 'actual' in e && 'expected' in e) {
    out.actual = safeString(e.actual);
    out.expected = safeString(e.expected);
  }
  return out;
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v, null, 2) ?? String(v);
  } catch {
    return String(v);
  }
}

export function runSuites(opts: RunOptions): Promise<SuiteResults> {
  const files = findSuiteFiles(opts.pattern);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: opts.timeoutMs ?? 30_000,
    // Collect results ourselves; the default "spec" reporter would write to the host's log.
    reporter: function SilentReporter() {} as unknown as Mocha.ReporterConstructor,
  });
  if (opts.grep) mocha.grep(opts.grep);
  if (opts.retries) mocha.retries(opts.retries);
  for (const f of files) mocha.addFile(f);

  const tests: TestResult[] = [];
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run();
    } catch (err) {
      reject(err);
      return;
    }
    const attempts = new Map<string, number>();
    const record = (t: Mocha.Test | Mocha.Hook, state: TestResult['state'], err?: unknown): void => {
      const r: TestResult = { title: t.title, fullTitle: t.fullTitle(), state, durationMs: t.duration ?? 0 };
      const retried = attempts.get(t.fullTitle());
      if (retried) r.retries = retried;
      if (t.file) r.file = t.file;
      if (err !== undefined) r.error = describeError(err);
      tests.push(r);
    };
    runner.on('pass', (t) => record(t, 'passed'));
    runner.on('fail', (t, err) => record(t, 'failed', err));
    runner.on('pending', (t) => record(t, 'pending'));
    runner.on('retry', (t: Mocha.Test) => attempts.set(t.fullTitle(), (attempts.get(t.fullTitle()) ?? 0) + 1));
    runner.on('end', () => {
      resolvePromise({
        passes: tests.filter((t) => t.state === 'passed').length,
        failures: tests.filter((t) => t.state === 'failed').length,
        pending: tests.filter((t) => t.state === 'pending').length,
        files,
        durationMs: Date.now() - started,
        tests,
      });
    });
  });
}
