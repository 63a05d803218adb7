#!/usr/bin/env node
// Installs code-server (a real VS Code as a server) into the ignored folder .code-server/,
// offline-safe, as docs/testing.md explains. Idempotent: a marker file
// records a finished install, so a second run returns at once.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PKG_VERSION = '1.15.11'; // @vscode/ripgrep pulled in by code-server 4.100.3
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const installDir = join(root, '.code-server');
export const codeServerBin = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = join(installDir, `installed-${CODE_SERVER_VERSION}`);

function log(msg) { process.stderr.write(`[code-server install] ${msg}\n`); }

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function isInstalled() {
  return existsSync(marker) && existsSync(codeServerBin);
}

export function install({ force = false } = {}) {
  if (!force && isInstalled()) { log(`code-server ${CODE_SERVER_VERSION} already installed`); return codeServerBin; }

  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is missing: apt-get install -y ripgrep');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) {
    log('warning: libkrb5-dev headers not found (apt-get install -y libkrb5-dev); the kerberos native module may fail to build');
  }

  mkdirSync(installDir, { recursive: true });
  // @vscode/ripgrep looks in $TMPDIR/vscode-ripgrep-cache-<version>/ before downloading from GitHub.
  const tmp = join(installDir, 'tmp');
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  mkdirSync(cache, { recursive: true });
  const stage = join(tmp, 'rg-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, join(stage, 'rg'));
  chmodSync(join(stage, 'rg'), 0o755);
  execFileSync('tar', ['-czf', join(cache, RIPGREP_ASSET), '-C', stage, 'rg']);

  if (!existsSync(join(installDir, 'package.json'))) {
    writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2) + '\n');
  }

  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (takes a few minutes)`);
  const args = ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-save', '--no-audit', '--no-fund', '--loglevel=error'];
  if (process.getuid && process.getuid() === 0) args.push('--unsafe-perm');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_yes: 'true', // a post-install step runs `npx node-gyp`
    npm_config_update_notifier: 'false',
  };
  const r = spawnSync('npm', args, { cwd: installDir, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm install code-server failed (exit ${r.status})`);
  if (!existsSync(codeServerBin)) throw new Error(`code-server installed but ${codeServerBin} is missing`);
  const v = JSON.parse(readFileSync(join(installDir, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  if (v !== CODE_SERVER_VERSION) throw new Error(`expected code-server ${CODE_SERVER_VERSION}, got ${v}`);
  writeFileSync(marker, new Date().toISOString() + '\n');
  log('done');
  return codeServerBin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    install({ force: process.argv.includes('--force') });
  } catch (e) {
    log(String(e.message || e));
    process.exit(1);
  }
}
