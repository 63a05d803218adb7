/**
 * `mlsystem-review-lsp`: the design review as a language server over stdio. The process
 * ends when its client does (stdin closes, the client's process id goes away, or `exit`).
 */
import path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { startServer } from './server';

const USAGE = `Usage: mlsystem-review-lsp [--stdio]

The ML system design review as a language server (LSP over stdio) for mlsystem.yaml,
*.mlsystem.yaml and YAML files with a top-level "mlsystem:" key. Editor setups:
https://github.com/mlsystem-review/mlsystem-review/blob/main/docs/editors.md

Options:
  --stdio               talk LSP on stdin/stdout (the default)
  --clientProcessId=N   exit when process N ends
  -v, --version         show the version
  -h, --help            show this help
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version}\n`);
} else {
  const unknown = args.find((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'));
  if (unknown !== undefined) {
    process.stderr.write(`mlsystem-review-lsp: unknown option ${JSON.stringify(unknown)} (only --stdio is supported; see --help)\n`);
    process.exitCode = 2;
  } else {
    // The library reads the transport from argv: stdio unless told otherwise.
    if (!args.includes('--stdio')) process.argv.push('--stdio');
    const connection = createConnection(ProposedFeatures.all);
    startServer(connection, { workerScript: path.join(__dirname, 'review-worker.js') });
    connection.listen();
  }
}
