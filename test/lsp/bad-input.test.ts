/**
 * Hostile and careless clients: unknown documents, positions past the end, malformed
 * params and bursts of edits get LSP errors or empty results, and the server lives on;
 * a server whose client goes away exits.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes } from 'vscode-languageserver/node';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { LspClient, root, uriOf, waitUntil } from './client';

const draftFile = path.join(root, 'examples', 'draft', 'mlsystem.yaml');
const draftUri = uriOf(draftFile);
const draft = readFileSync(draftFile, 'utf8');

async function errorOf(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: number; message: string };
  }
  assert.fail('expected an error answer');
}

describe('language server: bad input', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
    await client.open(draftUri, draft);
    await client.pushed(draftUri);
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'a clean shutdown after all that');
    assert.equal(client.stderr.join(''), '', 'nothing on stderr');
  });

  /** The server still answers (and still knows the draft). */
  async function stillServing(): Promise<void> {
    assert.equal(client.process.exitCode, null);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: draftUri } });
    assert.ok(symbols.length > 0);
  }

  it('answers requests about documents it was never sent with empty results', async () => {
    const unknown = { uri: 'file:///nowhere/mlsystem.yaml' };
    const position = { line: 0, character: 0 };
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: unknown }), []);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: unknown, position }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: unknown, position }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: unknown, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: unknown }), { kind: 'full', items: [] });
    await stillServing();
  });

  it('reads positions past the end of a line or of the document as the nearest end', async () => {
    for (const position of [{ line: 10_000, character: 3 }, { line: 3, character: 10_000 }]) {
      assert.ok(Array.isArray(await client.request('textDocument/completion', { textDocument: { uri: draftUri }, position })));
      await client.request('textDocument/hover', { textDocument: { uri: draftUri }, position });
    }
    const far = { start: { line: 5000, character: 0 }, end: { line: 6000, character: 9 } };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: draftUri }, range: far, context: { diagnostics: [{ range: far, message: 'x', code: 'schema', source: 'mlsystem-review' }], only: ['quickfix'] } }), []);
    await stillServing();
  });

  it('answers malformed params with InvalidParams, one line naming what is wrong', async () => {
    const cases: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: draftUri }, position: { line: -1, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: draftUri }, position: { line: 'one', character: 0 } }],
      ['textDocument/completion', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
      ['textDocument/completion', { textDocument: { uri: draftUri } }],
      ['textDocument/documentSymbol', { textDocument: null }],
      ['textDocument/codeAction', { textDocument: { uri: draftUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
      ['textDocument/codeAction', { textDocument: { uri: draftUri }, context: { diagnostics: 'all' } }],
      ['textDocument/codeAction', { textDocument: { uri: draftUri }, context: { diagnostics: [{ message: 'no range' }] } }],
      ['textDocument/codeAction', { textDocument: { uri: draftUri }, context: { diagnostics: [], only: 'quickfix' } }],
      ['textDocument/diagnostic', { textDocument: {} }],
      ['textDocument/hover', ['not', 'an', 'object']],
    ];
    for (const [method, params] of cases) {
      const error = await errorOf(client.request(method, params));
      assert.equal(error.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${error.message}`);
      assert.ok(!error.message.includes('\n') && !/at .+:\d+:\d+/.test(error.message), error.message);
    }
    assert.equal((await errorOf(client.request('textDocument/noSuchRequest', {}))).code, ErrorCodes.MethodNotFound);
    await stillServing();
  });

  it('ignores malformed notifications: a document without text, changes to unknown documents, changes that are not changes', async () => {
    const other = uriOf(path.join(root, 'other.mlsystem.yaml'));
    await client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1 } });
    await client.notify('textDocument/didOpen', null);
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.yaml', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: 'everything' });
    await client.notify('textDocument/didChange', { textDocument: { uri: draftUri }, contentChanges: [{ text: '' }] });
    await client.notify('textDocument/didClose', { textDocument: 7 });
    await client.notify('workspace/didChangeConfiguration', { settings: { mlsystem: { rules: { 'no-such-rule': 'loud', unversioned: 'off' }, files: [3] } } });
    await client.notify('workspace/didChangeConfiguration', { settings: 'none' });
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: other } }), [], 'a document opened without text was not opened');
    await stillServing();
  });

  it('survives a burst of edits, ranges past the end included, and reviews the last version', async () => {
    let version = 10;
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      version++;
      const start = { line: (i * 7) % 90, character: (i * 13) % 40 };
      burst.push(client.notify('textDocument/didChange', { textDocument: { uri: draftUri, version }, contentChanges: [{ range: { start, end: { line: start.line + (i % 3), character: 500 } }, text: i % 2 ? 'x: [\n' : '' }] }));
    }
    version++;
    burst.push(client.change(draftUri, version, draft));
    await Promise.all(burst);
    const last = await client.pushed(draftUri, version);
    assert.ok(last.diagnostics.length > 0);
    assert.ok(client.diagnostics.filter((d) => d.uri === draftUri && d.version !== undefined && d.version > 10 && d.version < version).length < 200, 'superseded versions are not all reviewed');
    await stillServing();
  });
});

describe('language server: losing the client', () => {
  it('exits when its stdin closes', async () => {
    const client = await LspClient.start();
    client.process.stdin.end();
    assert.notEqual(await client.exited, null);
  });

  it("exits when the client's process (initialize's processId) ends", async () => {
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const child = spawn(process.execPath, [path.join(root, 'bin', 'mlsystem-review-lsp.js'), '--stdio'], { stdio: 'pipe' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: parent.pid, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let answered = '';
    child.stdout.on('data', (c: Buffer) => (answered += c.toString()));
    await waitUntil('the initialize answer', () => (answered.includes('"id":1') ? true : undefined));
    parent.kill();
    // The server's stdin stays open: only the dead parent can tell it to go.
    assert.notEqual(await exited, undefined);
    child.stdin.destroy();
  });

  it('says how to use it, and refuses options it does not know', async () => {
    const run = (args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, [path.join(root, 'bin', 'mlsystem-review-lsp.js'), ...args]);
        let out = '';
        let err = '';
        p.stdout.on('data', (c: Buffer) => (out += c.toString()));
        p.stderr.on('data', (c: Buffer) => (err += c.toString()));
        p.on('exit', (code) => resolve({ code, out, err }));
      });
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: mlsystem-review-lsp \[--stdio\]/);
    const version = await run(['--version']);
    assert.equal(version.out.trim(), JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const bad = await run(['--socket=\u001b[31m9']);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.split('\n').filter(Boolean).length, 1);
    assert.ok(!bad.err.includes('\u001b'), 'control characters in the option are escaped');
  });
});
