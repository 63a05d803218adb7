/**
 * The language server and configuration files: their problems as diagnostics on them
 * (cleared when fixed), the files they extend watched and re-read, settings problems said
 * once, and no design feature on a config file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { loadConfig } from '../../src/engine';
import { nodeConfigReader, toEnginePath } from '../../src/node/config-reader';
import { LspClient, PUSH_CLIENT, root, uriOf, waitUntil } from './client';

const TODAY = '2026-11-26';
const draft = readFileSync(path.join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8');
const CHANGED = 2;

const WATCHING_CLIENT: ClientCapabilities = { ...PUSH_CLIENT, workspace: { ...PUSH_CLIENT.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };

/** A workspace folder with a design (the draft) and the given files. */
function makeWorkspace(files: Record<string, string>): { dir: string; design: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlsystem-lsp-configs-'));
  const design = path.join(dir, 'mlsystem.yaml');
  writeFileSync(design, draft);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, design };
}

/** Diagnostics pushed for `uri` after the first `from` notifications, that `check` accepts. */
function pushedAfter(client: LspClient, from: number, uri: string, what: string, check: (d: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
  return waitUntil(what, () => client.diagnostics.slice(from).find((d) => d.uri === uri && check(d)));
}

const lastPushed = (client: LspClient, uri: string): Diagnostic[] | undefined => client.diagnostics.filter((d) => d.uri === uri).at(-1)?.diagnostics;

const watchedChange = (client: LspClient, file: string): Promise<void> => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: CHANGED }] });

/** The globs of every file watcher the server registered and has not withdrawn. */
function watchedGlobs(client: LspClient): unknown[] {
  const withdrawn = new Set(client.unregistrations.map((u) => u.id));
  return client.registrations
    .filter((r) => r.method === 'workspace/didChangeWatchedFiles' && !withdrawn.has(r.id))
    .flatMap((r) => (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern));
}

describe('language server: config file problems are diagnostics on the config file', () => {
  let dir: string;
  let design: string;
  let configFile: string;
  let client: LspClient;
  before(async () => {
    ({ dir, design } = makeWorkspace({ '.mlsystem-review.json': '{\n  "rules": { "no-stakeholders": "error", "nope": "error" },\n  "extends": ["./missing.json"]\n}\n' }));
    configFile = path.join(dir, '.mlsystem-review.json');
    client = await LspClient.start({ rootDir: dir, initializationOptions: { today: TODAY } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reviewing a design that uses a broken config file shows its problems on that file, at their entries', async () => {
    await client.open(uriOf(design), draft);
    const onConfig = await client.pushed(uriOf(configFile));
    const expected = loadConfig(toEnginePath(design), nodeConfigReader, { stopAt: toEnginePath(dir) }).problems;
    assert.ok(expected.length >= 2, 'an unknown rule and a missing extends');
    assert.deepEqual(
      onConfig.diagnostics.map((d) => [d.message, d.range, d.severity, d.source]),
      expected.map((p) => [p.message, p.range, p.severity === 'error' ? 1 : 2, 'mlsystem-review config']),
    );
    assert.ok(onConfig.diagnostics.some((d) => d.message === 'unknown rule "nope"' && d.range.start.line === 1));
    assert.ok(onConfig.diagnostics.some((d) => String(d.message).startsWith('extends "./missing.json"') && d.range.start.line === 2));
    // What is valid of it still applies.
    assert.equal((await client.pushed(uriOf(design))).diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 1);
    assert.deepEqual(client.messages, [], 'no message: the problems are on the file');
  });

  it('clears them once the file is fixed on disk, and re-reviews the design', async () => {
    writeFileSync(configFile, '{ "rules": { "no-stakeholders": "info" } }\n');
    const seen = client.diagnostics.length;
    await watchedChange(client, configFile);
    assert.deepEqual((await pushedAfter(client, seen, uriOf(configFile), 'the config problems cleared')).diagnostics, []);
    await pushedAfter(client, seen, uriOf(design), 'the design reviewed with no-stakeholders as info', (p) => p.diagnostics.find((d) => d.code === 'no-stakeholders')?.severity === 3);
  });

  it('an opened config file shows its problems; unsaved edits do not count, saving does (as in VS Code)', async () => {
    writeFileSync(configFile, '{ "rules": { "nope": "error" } }\n');
    await watchedChange(client, configFile);
    const seen = client.diagnostics.length;
    const uri = uriOf(configFile);
    await client.open(uri, readFileSync(configFile, 'utf8'), 1, 'json');
    await pushedAfter(client, seen, uri, 'the problems of the broken config file', (p) => p.diagnostics.some((d) => d.message === 'unknown rule "nope"'));
    // Fixed in the editor, not saved: the file on disk is what applies.
    await client.change(uri, 2, '{ "rules": {} }\n');
    const other = path.join(dir, 'other.mlsystem.yaml');
    await client.open(uriOf(other), draft);
    await client.pushed(uriOf(other));
    assert.deepEqual(lastPushed(client, uri)?.map((d) => d.message), ['unknown rule "nope"'], 'unchanged by an unsaved edit');
    // Saved: read again, without any watcher notification.
    writeFileSync(configFile, '{ "rules": {} }\n');
    const beforeSave = client.diagnostics.length;
    await client.notify('textDocument/didSave', { textDocument: { uri } });
    assert.deepEqual((await pushedAfter(client, beforeSave, uri, 'the problems cleared on save')).diagnostics, []);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers nothing (and no error) for design requests on a config file', async () => {
    const yamlConfig = path.join(dir, 'team', '.mlsystem-review.yaml');
    mkdirSync(path.dirname(yamlConfig), { recursive: true });
    // Even with a top-level `mlsystem:` key, a config file is not a design.
    writeFileSync(yamlConfig, 'mlsystem: 1\nrules: {}\n');
    const uri = uriOf(yamlConfig);
    await client.open(uri, readFileSync(yamlConfig, 'utf8'));
    const onIt = await client.pushed(uri);
    assert.ok(onIt.diagnostics.every((d) => d.source === 'mlsystem-review config'), 'config problems only, no design findings');
    const textDocument = { uri };
    const position = { line: 1, character: 2 };
    assert.deepEqual(await client.request('textDocument/completion', { textDocument, position }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument }), []);
    const range = { start: position, end: position };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: onIt.diagnostics } }), []);
  });
});

describe('language server: config file problems for a client that pulls diagnostics', () => {
  it('pushes them on the config file once a design using it is pulled; the config file itself pulls nothing', async () => {
    const { dir, design } = makeWorkspace({ '.mlsystem-review.yaml': 'rules:\n  nope: error\n' });
    const configFile = path.join(dir, '.mlsystem-review.yaml');
    const client = await LspClient.start({ rootDir: dir, capabilities: { ...PUSH_CLIENT, textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: {} } }, initializationOptions: { today: TODAY } });
    try {
      await client.open(uriOf(design), draft);
      const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(design) } });
      assert.ok(report.items.length > 0);
      const onConfig = await client.pushed(uriOf(configFile));
      assert.deepEqual(onConfig.diagnostics.map((d) => [d.message, d.range.start.line]), [['unknown rule "nope"', 1]]);
      await client.open(uriOf(configFile), readFileSync(configFile, 'utf8'));
      assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(configFile) } }), { kind: 'full', items: [] });
      assert.ok(client.diagnostics.every((d) => d.uri === uriOf(configFile)), 'the review itself is pulled, not pushed');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server: files a config file extends', () => {
  it('asks the client to watch them, and a change to one re-reviews the design', async () => {
    const { dir, design } = makeWorkspace({
      '.mlsystem-review.json': JSON.stringify({ extends: ['./policy/base.json', '@team/policy'] }),
      'policy/base.json': JSON.stringify({ rules: { 'no-stakeholders': 'error' } }),
      'node_modules/@team/policy/package.json': JSON.stringify({ name: '@team/policy', 'mlsystem-review': 'policy.yaml' }),
      'node_modules/@team/policy/policy.yaml': 'rules:\n  missing-stage: off\n',
    });
    const base = path.join(dir, 'policy', 'base.json');
    const packaged = path.join(dir, 'node_modules', '@team', 'policy', 'policy.yaml');
    const client = await LspClient.start({ rootDir: dir, capabilities: WATCHING_CLIENT, initializationOptions: { today: TODAY } });
    try {
      await client.open(uriOf(design), draft);
      const first = await client.pushed(uriOf(design));
      assert.equal(first.diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 1);
      assert.ok(!first.diagnostics.some((d) => d.code === 'missing-stage'), 'the package policy applies');
      const globs = await waitUntil('a watcher of the extended files', () => {
        const now = watchedGlobs(client);
        return now.includes(toEnginePath(base)) ? now : undefined;
      });
      // The config file glob, then the extended files (a package's file too) by their paths.
      assert.deepEqual(globs, ['**/.mlsystem-review.{json,yaml,yml}', toEnginePath(packaged), toEnginePath(base)]);

      // The extended file edited on disk, and the client says so.
      writeFileSync(base, JSON.stringify({ rules: { 'no-stakeholders': 'off' } }));
      const seen = client.diagnostics.length;
      await watchedChange(client, base);
      await pushedAfter(client, seen, uriOf(design), 'the design reviewed with the changed policy', (p) => !p.diagnostics.some((d) => d.code === 'no-stakeholders'));

      // The config file stops extending: its watcher is withdrawn, the config file glob stays.
      writeFileSync(path.join(dir, '.mlsystem-review.json'), '{}');
      await watchedChange(client, path.join(dir, '.mlsystem-review.json'));
      const remaining = await waitUntil('the extended files no longer watched', () => {
        const now = watchedGlobs(client);
        return now.length === 1 ? now : undefined;
      });
      assert.deepEqual(remaining, ['**/.mlsystem-review.{json,yaml,yml}']);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('watches by folder and name for clients with relative patterns, and by nothing for clients that cannot register', async () => {
    const { dir, design } = makeWorkspace({
      '.mlsystem-review.yaml': 'extends: ["./shared/[team] policy.yaml"]\n',
      'shared/[team] policy.yaml': 'rules:\n  no-stakeholders: error\n',
    });
    try {
      const relative = await LspClient.start({ rootDir: dir, capabilities: { ...WATCHING_CLIENT, workspace: { ...WATCHING_CLIENT.workspace, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } } });
      try {
        await relative.open(uriOf(design), draft);
        const watcher = await waitUntil('a relative watcher', () => watchedGlobs(relative).find((g) => typeof g === 'object'));
        // Brackets in the name match themselves.
        assert.deepEqual(watcher, { baseUri: uriOf(path.join(dir, 'shared')), pattern: '[[]team[]] policy.yaml' });
      } finally {
        await relative.stop();
      }
      // No dynamic registration: nothing asked, and the notification it sends of its own accord still works.
      const plain = await LspClient.start({ rootDir: dir, initializationOptions: { today: TODAY } });
      try {
        await plain.open(uriOf(design), draft);
        assert.equal((await plain.pushed(uriOf(design))).diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 1);
        writeFileSync(path.join(dir, 'shared', '[team] policy.yaml'), 'rules:\n  no-stakeholders: off\n');
        const seen = plain.diagnostics.length;
        await watchedChange(plain, path.join(dir, 'shared', '[team] policy.yaml'));
        await pushedAfter(plain, seen, uriOf(design), 'the design reviewed with the changed policy', (p) => !p.diagnostics.some((d) => d.code === 'no-stakeholders'));
        assert.deepEqual(plain.registrations, []);
      } finally {
        await plain.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server: settings problems', () => {
  it('are said in one message each, once, and again only after they were fixed', async () => {
    // Each state of the settings shows in the review: no-stakeholders off with the bad ones, an error with the good.
    const bad = { rules: { nope: 'error', 'no-stakeholders': 'off' } };
    const good = { rules: { 'no-stakeholders': 'error' } };
    const client = await LspClient.start({ settings: bad, initializationOptions: { today: TODAY, mlsystem: bad } });
    try {
      const uri = uriOf(path.join(root, 'examples', 'draft', 'mlsystem.yaml'));
      await client.open(uri, draft);
      const reviewedWith = async (settings: unknown, severity: number | undefined): Promise<void> => {
        client.settings = settings;
        const seen = client.diagnostics.length;
        await client.notify('workspace/didChangeConfiguration', { settings: null });
        await pushedAfter(client, seen, uri, `a review with no-stakeholders ${severity ?? 'off'}`, (p) => p.diagnostics.find((d) => d.code === 'no-stakeholders')?.severity === severity);
      };
      // Given at start, asked for after `initialized`, then sent again: said once.
      await reviewedWith(bad, undefined);
      await reviewedWith(good, 1);
      assert.deepEqual(client.messages, [{ type: 2, message: 'Settings (mlsystem.*): unknown rule "nope"' }]);
      await reviewedWith(bad, undefined);
      await waitUntil('the problem said again after it was fixed', () => (client.messages.length === 2 ? true : undefined));
    } finally {
      await client.stop();
    }
  });
});
