// Dev-only harness: code-server refuses --extensionTestsPath, so this extension, installed
// beside the product, runs the integration suites inside the real extension host and
// writes the results where the runner (scripts/test-integration.mjs) waits for them.
import { writeFileSync, renameSync } from 'node:fs';
import { runSuites, type SuiteResults } from '../../integration/mocha-runner';

function writeResults(file: string, results: SuiteResults): void {
  // Write then rename, so the runner never reads a half-written file.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(results, null, 2));
  renameSync(tmp, file);
}

export function activate(): void {
  const suite = process.env.MLSYSTEM_TEST_SUITE;
  const resultsFile = process.env.MLSYSTEM_TEST_RESULTS;
  if (!suite || !resultsFile) return; // installed without a job: do nothing
  writeFileSync(`${resultsFile}.started`, new Date().toISOString());
  // Let activate() return first: the product and the workbench keep starting meanwhile.
  setTimeout(() => {
    runSuites({
      pattern: suite,
      grep: process.env.MLSYSTEM_TEST_GREP,
      timeoutMs: Number(process.env.MLSYSTEM_TEST_TIMEOUT_MS) || undefined,
      retries: Number(process.env.MLSYSTEM_TEST_RETRIES) || undefined,
    }).then(
      (results) => writeResults(resultsFile, results),
      (err: unknown) => writeResults(resultsFile, crashed(err)),
    );
  }, 0);
}

function crashed(err: unknown): SuiteResults {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    passes: 0,
    failures: 1,
    pending: 0,
    files: [],
    durationMs: 0,
    tests: [{ title: 'harness', fullTitle: 'harness: could not run the suites', state: 'failed', durationMs: 0, error: { message: e.message, stack: e.stack } }],
  };
}

export function deactivate(): void {}
