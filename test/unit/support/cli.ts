/** The command-line review run in-process with captured streams, today fixed: what a user sees and the exit code CI acts on. */
import { run } from '../../../src/cli/run';
import type { CliIo } from '../../../src/cli/run';

export const CLI_TODAY = '2026-11-26';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(argv: readonly string[], cwd: string, today = CLI_TODAY, env: Readonly<Record<string, string>> = {}): CliOutcome {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env,
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    today,
  };
  return { code: run(argv, io), stdout, stderr };
}
