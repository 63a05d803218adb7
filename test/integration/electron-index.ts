// Entry for @vscode/test-electron (extensionTestsPath): runs the same suites as the
// code-server harness and fails when any test fails.
import { runSuites } from './mocha-runner';

export async function run(): Promise<void> {
  const pattern = process.env.MLSYSTEM_TEST_SUITE ?? __dirname;
  const results = await runSuites({ pattern, grep: process.env.MLSYSTEM_TEST_GREP });
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL';
    console.log(`${mark} ${t.fullTitle}${t.error ? `\n     ${t.error.message}` : ''}`);
  }
  console.log(`${results.passes} passed, ${results.failures} failed`);
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}
