// Starts code-server (a real VS Code 1.100) on 127.0.0.1 with throwaway user-data and
// extensions folders, installs the given extensions, waits until it answers, and always
// stops what it started (its whole process group), also on exit and on signals.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerBin, install } from './install.mjs';

const running = new Set();

/** Settings that keep the workbench quiet and predictable for tests and demos. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.simpleDialog.enable': true,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function readManifest(folder) {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

function stopAllSync() {
  for (const s of running) killGroup(s.child, 'SIGKILL');
}

let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', stopAllSync);
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => {
      stopAllSync();
      process.exit(code);
    });
  }
}

async function waitReady(url, child, deadlineMs, logFile) {
  const deadline = Date.now() + deadlineMs;
  let exited = null;
  child.once('exit', (code, signal) => { exited = { code, signal }; });
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer within ${deadlineMs} ms; see ${logFile}:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * @param {object} opts
 * @param {string} opts.folder            workspace folder to open
 * @param {string[]} [opts.vsixes]        VSIX files to install with --install-extension
 * @param {string[]} [opts.extensionFolders] unpacked extension folders to copy in (publisher.name-version/)
 * @param {Record<string,string>} [opts.env] extra environment (reaches the extension host)
 * @param {Record<string,unknown>} [opts.settings] user settings (merged over quietSettings)
 * @param {number} [opts.port]            default: a free port
 * @param {boolean} [opts.keep]           keep the throwaway folders after stop (for debugging)
 * @param {number} [opts.readyTimeoutMs]
 */
export async function startCodeServer(opts) {
  const bin = install();
  installExitHooks();
  const base = mkdtempSync(join(tmpdir(), 'mlsystem-code-server-'));
  const userData = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  const logFile = join(base, 'code-server.log');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...(opts.settings ?? {}) }, null, 2));
  const configFile = join(base, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n'); // so ~/.config/code-server is never touched

  const env = {
    ...process.env,
    // Keep code-server's own state (heartbeat, coder.json) in the throwaway folder too.
    XDG_DATA_HOME: join(base, 'xdg-data'),
    XDG_CONFIG_HOME: join(base, 'xdg-config'),
    ...(opts.env ?? {}),
  };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensionsDir, '--config', configFile];

  for (const vsix of opts.vsixes ?? []) {
    const r = spawnSync(process.execPath, [bin, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  for (const folder of opts.extensionFolders ?? []) {
    const m = readManifest(folder);
    cpSync(folder, join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`), { recursive: true });
  }

  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [bin, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', opts.folder],
    { env, stdio: ['ignore', out, out], detached: true }, // detached: own process group, killed as one
  );
  closeSync(out);
  const server = {
    url,
    port,
    base,
    logFile,
    userData,
    extensionsDir,
    child,
    /** The workbench address with the folder opened. */
    workbenchUrl(folder = opts.folder) {
      return `${url}/?folder=${encodeURIComponent(folder)}`;
    },
    async stop() {
      if (!running.has(server)) return;
      running.delete(server);
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      killGroup(child, 'SIGKILL'); // anything left in the group (extension host, watchers)
      if (!opts.keep) rmSync(base, { recursive: true, force: true });
    },
  };
  running.add(server);
  try {
    await waitReady(url, child, opts.readyTimeoutMs ?? 60_000, logFile);
  } catch (e) {
    opts.keep = true; // leave the log for a post-mortem
    await server.stop();
    throw e;
  }
  return server;
}

