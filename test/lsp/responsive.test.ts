/**
 * A 10,000-line design while typing: a burst of edits and requests gets answers for the
 * version each request was about (or ContentModified once it is superseded), never for an
 * older text; diagnostics arrive in version order, ending with the last one; and the
 * review runs off the server's main loop, so a request that needs no review is answered
 * while a large review is still running.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver/node';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver/node';
import { LspClient, uriOf } from './client';

const LINES = 10_000;

function bigDesign(name: string): string {
  const head = `mlsystem: 1\nname: ${name}\nsummary: A large design.\nbusiness:\n  problem: Many objectives.\n  objectives:\n`;
  const items: string[] = [];
  for (let i = 0, n = 6; n + 4 <= LINES; i++, n += 4) items.push(`    - id: o${i}\n      statement: Objective ${i}.\n      metric: m${i}\n      target: t${i}`);
  const text = `${head}${items.join('\n')}\n`;
  return text + '# more to come\n'.repeat(Math.max(0, LINES - text.split('\n').length + 1));
}

/** The version a symbol answer was computed from: each version names the design after itself. */
const versionOf = (symbols: DocumentSymbol[]): number => Number(/^big-v(\d+)$/.exec(symbols.find((s) => s.name === 'name')?.detail ?? '')?.[1]);

describe('language server: a 10,000-line design stays responsive', () => {
  const uri = uriOf('/tmp/mlsystem-lsp-big/mlsystem.yaml');
  const small = uriOf('/tmp/mlsystem-lsp-big/small.mlsystem.yaml');
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ initializationOptions: { today: '2026-11-26' } });
    assert.equal(bigDesign('x').split('\n').length - 1, LINES);
    await client.open(uri, bigDesign('big-v1'), 1);
    await client.open(small, 'mlsystem: 1\nname: small\n', 1);
    await client.pushed(uri, 1);
  });
  after(async () => {
    await client.stop();
  });

  it('answers a burst of edits and requests for the right versions, dropping stale ones', async () => {
    const first = 2;
    const last = 21;
    const answers: { version: number; outcome: 'symbols' | 'modified' | 'cancelled'; computedFor?: number }[] = [];
    const pending: Promise<void>[] = [];
    const cancellable = new CancellationTokenSource();
    // Sent back to back, without waiting for any answer, as an editor does while someone types.
    for (let version = first; version <= last; version++) {
      void client.change(uri, version, bigDesign(`big-v${version}`));
      const token = version === 10 ? cancellable.token : undefined;
      const request = client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, ...(token ? [token] : []));
      if (version === 10) cancellable.cancel();
      pending.push(
        request.then(
          (symbols) => void answers.push({ version, outcome: 'symbols', computedFor: versionOf(symbols) }),
          (e: { code: number }) => {
            assert.ok(e.code === LSPErrorCodes.ContentModified || e.code === LSPErrorCodes.RequestCancelled, `error ${e.code}`);
            answers.push({ version, outcome: e.code === LSPErrorCodes.ContentModified ? 'modified' : 'cancelled' });
          },
        ),
      );
    }
    await Promise.all(pending);
    assert.equal(answers.length, last - first + 1, 'every request is answered');
    for (const a of answers) if (a.outcome === 'symbols') assert.equal(a.computedFor, a.version, `the answer to the request at v${a.version} is for v${a.version}, not an older text`);
    const answered = answers.filter((a) => a.outcome === 'symbols').map((a) => a.version);
    assert.deepEqual(answered, [...answered].sort((a, b) => a - b), 'answers for newer versions never come before older ones');
    assert.deepEqual(answers.find((a) => a.version === last), { version: last, outcome: 'symbols', computedFor: last }, 'the newest version is answered');
    assert.notEqual(answers.find((a) => a.version === 10)?.outcome, 'symbols', 'the cancelled request is not answered with symbols');

    const published = await client.pushed(uri, last);
    assert.ok(published.diagnostics.length > 0);
    const versions = client.diagnostics.filter((d) => d.uri === uri).map((d) => d.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'diagnostics are published in version order');
    assert.ok(versions.length < last - first + 2, 'superseded versions are not all reviewed and published');
  });

  it('cancels a pulled review that a newer version supersedes, asking the client to pull again', async () => {
    const pull = await LspClient.start({ capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: { today: '2026-11-26' } });
    try {
      const pulled = uriOf('/tmp/mlsystem-lsp-big/pulled.mlsystem.yaml');
      await pull.open(pulled, bigDesign('big-v1'), 1);
      const stale = pull.request('textDocument/diagnostic', { textDocument: { uri: pulled } }).then(
        () => undefined,
        (e: { code: number; data?: unknown }) => e,
      );
      void pull.change(pulled, 2, bigDesign('big-v2'));
      const error = await stale;
      assert.equal(error?.code, LSPErrorCodes.ServerCancelled);
      assert.deepEqual(error?.data, { retriggerRequest: true });
      const fresh = await pull.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: pulled } });
      assert.equal(fresh.kind, 'full');
      assert.ok(fresh.items.length > 0);
    } finally {
      await pull.stop();
    }
  });

  it('answers completion in another document while the large design is reviewed off the main loop', async () => {
    const order: string[] = [];
    await client.change(uri, 100, bigDesign('big-v100'));
    const symbols = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }).then((s) => {
      order.push(`symbols v${versionOf(s)}`);
    });
    const completion = client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: small }, position: { line: 2, character: 0 } }).then((items) => {
      assert.ok(items.some((i) => i.label === 'summary'));
      order.push('completion');
    });
    await Promise.all([symbols, completion]);
    // Were the review on the main loop, the symbols (asked first) would be answered first.
    assert.deepEqual(order, ['completion', 'symbols v100']);
  });

  it('offers the quick fixes of a finding in the large design and names them on hover, built where the review ran', async () => {
    const fixes = uriOf('/tmp/mlsystem-lsp-big/fixes.mlsystem.yaml');
    await client.open(fixes, bigDesign('fixes'), 1);
    const { diagnostics } = await client.pushed(fixes, 1);
    const unframed = (diagnostics as Diagnostic[]).find((d) => d.code === 'unframed-objective' && String(d.message).includes('`o3`'));
    assert.ok(unframed, 'the design has unframed objectives');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: fixes }, range: unframed.range, context: { diagnostics: [unframed], only: ['quickfix'] } });
    assert.deepEqual(actions.map((a) => a.title), ['Add a framing that serves `o3`', 'Waive unframed-objective here']);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: fixes }, position: unframed.range.start });
    const markdown = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
    assert.match(markdown, /Quick fixes: Add a framing that serves `o3`; Waive unframed-objective here\./);
  });
});
