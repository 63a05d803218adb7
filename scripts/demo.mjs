#!/usr/bin/env node
// `npm run demo`: serves the packaged extension with the examples in code-server on
// 127.0.0.1 and prints the address to open in a browser. Ctrl+C stops everything.
// Options: --port <n> (default 8080, or a free port if taken), --no-package,
// --in-place (open examples/ itself instead of a throwaway copy; edits then change the repo).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import { startCodeServer, freePort } from './code-server/server.mjs';
import { packageExtension, vsixPath } from './package.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MLSYSTEM_DEMO_PORT ?? '8080' },
    'no-package': { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
  },
});

function portIsFree(port) {
  return new Promise((res) => {
    const srv = createServer().once('error', () => res(false)).listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

const vsix = args['no-package'] ? vsixPath : packageExtension();
let folder = join(root, 'examples');
let scratch;
if (!args['in-place']) {
  scratch = mkdtempSync(join(tmpdir(), 'mlsystem-demo-'));
  folder = join(scratch, 'examples');
  cpSync(join(root, 'examples'), folder, { recursive: true });
}
const wanted = Number(args.port);
const port = (await portIsFree(wanted)) ? wanted : await freePort();
const server = await startCodeServer({ folder, vsixes: [vsix], port });
console.log(`\nML System Design Review demo: ${server.workbenchUrl(folder)}`);
console.log(`(code-server on 127.0.0.1:${port}, examples in ${folder}; Ctrl+C to stop)\n`);
const stop = async () => {
  await server.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
};
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await new Promise((r) => server.child.once('exit', r));
console.log('code-server exited');
if (scratch) rmSync(scratch, { recursive: true, force: true });
