/**
 * A real client no one here wrote: Neovim's built-in LSP client (Debian's `neovim`),
 * headless, runs test/lsp/neovim.lua against the built server and writes what it saw as
 * JSON; this test checks it against the engine's own review.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { review, ruleDocsUrl } from '../../src/engine';
import { root, serverBin, uriOf } from './client';

interface NeovimRun {
  error?: string;
  steps: string[];
  diagnostics: { code: string; lnum: number; message: string; severity: number; source: string }[];
  published: { uri: string; version?: number; diagnostics: { code: string; href: string }[] }[];
  code_actions: { title: string; kind: string }[];
  applied: string;
  text_changed: boolean;
  codes_after_fix: string[];
  completion_maturity: string[];
  completion_serves: string[];
  symbols: { name: string; children: string[] }[];
  hover: string;
  compose_symbols: unknown[];
  compose_diagnostics: number;
  compose_published: number;
}

function runNeovim(): Promise<NeovimRun> {
  if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error('nvim is not installed: `apt-get install neovim` (.ci/run installs it)');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mlsystem-nvim-'));
  const out = path.join(dir, 'result.json');
  return new Promise((resolve, reject) => {
    const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(root, 'test', 'lsp', 'neovim.lua')}`], {
      cwd: dir,
      env: { ...process.env, MLSYSTEM_NVIM_OUT: out, MLSYSTEM_LSP_BIN: serverBin, MLSYSTEM_ROOT: root, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    nvim.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // A deadline for a stuck editor, not a pause: the script quits as soon as it is done.
    const deadline = setTimeout(() => nvim.kill('SIGKILL'), 240_000);
    nvim.on('exit', (code, signal) => {
      clearTimeout(deadline);
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as NeovimRun);
      } catch {
        reject(new Error(`nvim exited (${code ?? signal}) without writing its results${stderr ? `: ${stderr.trim()}` : ''}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe("Neovim's LSP client", () => {
  it('gets diagnostics, a code action that applies, completion, symbols and hover; a compose file gets nothing', async () => {
    const run = await runNeovim();
    assert.equal(run.error, undefined, run.error);
    assert.deepEqual(run.steps, ['diagnostics', 'code action', 'completion', 'symbols and hover', 'compose', 'stopped']);

    const draftFile = path.join(root, 'examples', 'draft', 'mlsystem.yaml');
    const draft = readFileSync(draftFile, 'utf8');
    const findings = review(draft, { today: '2026-11-26' }).findings;
    const sortKey = (d: { code: string; lnum: number; message: string }): string => `${String(d.lnum).padStart(5, '0')}|${d.code}|${d.message}`;
    assert.deepEqual(
      run.diagnostics.map((d) => sortKey(d)).sort(),
      findings.map((f) => sortKey({ code: f.rule, lnum: f.range.start.line, message: f.message })).sort(),
      'the diagnostics Neovim shows are the review, with rule ids as codes',
    );
    assert.ok(run.diagnostics.every((d) => d.source === 'mlsystem-review'));
    const first = run.published.find((p) => p.uri === uriOf(draftFile));
    assert.ok(first && first.diagnostics.length === findings.length);
    for (const d of first.diagnostics) assert.equal(d.href, ruleDocsUrl(d.code as never));

    assert.deepEqual(run.code_actions.map((a) => a.kind), ['quickfix', 'quickfix', 'source.fixAll.mlsystem']);
    assert.equal(run.applied, 'Replace with `faster-routing`');
    assert.ok(run.code_actions.some((a) => a.title === 'Waive unknown-reference here'));
    assert.ok(run.text_changed, 'the edit was applied to the buffer');
    assert.ok(!run.codes_after_fix.includes('unknown-reference'), 'the review of the edited buffer no longer has the finding');
    assert.equal(run.codes_after_fix.length, findings.length - 1);

    assert.deepEqual(run.completion_maturity, ['none', 'early', 'developing', 'mature']);
    assert.deepEqual(run.completion_serves, ['faster-routing', 'happier-customers']);
    assert.deepEqual(run.symbols.map((s) => s.name), Object.keys(parseYaml(draft) as object), 'one symbol per top-level section, in order');
    assert.deepEqual(run.symbols.find((s) => s.name === 'framing')?.children, ['department-classifier', 'urgency-flag']);
    assert.match(run.hover, /^\*\*maturity\*\*\n\nHow far the organization has come with ML/);

    assert.deepEqual(run.compose_symbols, []);
    assert.equal(run.compose_diagnostics, 0);
    assert.equal(run.compose_published, 0);
  });
});
