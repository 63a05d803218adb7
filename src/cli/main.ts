/** Entry of dist/cli.js (bin/mlsystem-review.js): the real process around run(). */
import { run } from './run';

// A reader that stops early (`| head`) is not an error of ours: end quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
