/**
 * The language server, request by request, over stdio: what a client sees for design
 * documents (and does not see for any other YAML).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, Hover, SymbolInformation, TextEdit } from 'vscode-languageserver/node';
import { parse as parseYaml } from 'yaml';
import { applyEdits, review, ruleDocsUrl } from '../../src/engine';
import { LspClient, PUSH_CLIENT, root, uriOf, waitUntil } from './client';

const TODAY = '2026-11-26';
const draftFile = path.join(root, 'examples', 'draft', 'mlsystem.yaml');
const draftUri = uriOf(draftFile);
const draft = readFileSync(draftFile, 'utf8');
/** A workspace with designs by name and by content, and YAML that is not a design. */
const workspace = path.join(root, 'test', 'fixtures', 'editor-workspace');
const composeFile = path.join(workspace, 'docker-compose.yml');
const configured = path.join(root, 'test', 'fixtures', 'cli', 'configured');

/** The offset of the first `marker` in `text`, as a position (the marker itself is not in the text). */
function positionOf(text: string, marker: string): { line: number; character: number } {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const textDocument = (uri: string): { uri: string } => ({ uri });

describe('language server: push diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ initializationOptions: { today: TODAY } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('publishes the review of the draft: rule ids as codes, linked to their docs, for the version opened', async () => {
    await client.open(draftUri, draft, 7);
    const published = await client.pushed(draftUri);
    assert.equal(published.version, 7);
    const expected = review(draft, { today: TODAY }).findings;
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line, d.message]), expected.map((f) => [f.rule, f.range.start.line, f.message]));
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'mlsystem-review');
      assert.equal(d.codeDescription?.href, ruleDocsUrl(d.code as never));
      assert.match(d.codeDescription.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
    assert.ok(published.diagnostics.some((d) => d.code === 'expired-waiver'), 'the draft waiver expired before the given day');
  });

  it('publishes nothing for a compose file, and answers its requests with empty results', async () => {
    const compose = uriOf(composeFile);
    await client.open(compose, readFileSync(composeFile, 'utf8'));
    const design = uriOf(path.join(workspace, 'drafts', 'churn.mlsystem.yaml'));
    await client.open(design, readFileSync(path.join(workspace, 'drafts', 'churn.mlsystem.yaml'), 'utf8'));
    // Notifications are handled in order: once the design opened after it is published, the compose file had its turn.
    await client.pushed(design);
    assert.equal(client.diagnostics.filter((d) => d.uri === compose).length, 0);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: textDocument(compose) }), []);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: textDocument(compose), position: { line: 1, character: 0 } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: textDocument(compose), position: { line: 0, character: 1 } }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: textDocument(compose), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.mlsystem'] } }), []);
  });

  it('finds designs by content: any YAML with a top-level mlsystem key', async () => {
    const uri = uriOf(path.join(workspace, 'designs', 'fraud.yaml'));
    await client.open(uri, readFileSync(path.join(workspace, 'designs', 'fraud.yaml'), 'utf8'));
    const published = await client.pushed(uri);
    assert.ok(published.diagnostics.length > 0);
  });

  it('reviews an edited document again after the typing pause, and clears one that stops being a design', async () => {
    const uri = uriOf(path.join(tmpdir(), 'notes.yaml'));
    await client.open(uri, 'mlsystem: 1\nname: x\n', 1);
    assert.ok((await client.pushed(uri, 1)).diagnostics.length > 0);
    await client.change(uri, 2, 'title: meeting notes\n');
    await waitUntil('the diagnostics cleared', () => (client.diagnostics.filter((d) => d.uri === uri).at(-1)?.diagnostics.length === 0 ? true : undefined));
    await client.notify('textDocument/didClose', { textDocument: textDocument(uri) });
  });

  it('offers each fix and "Waive <rule> here" as quick fixes for a diagnostic, and they apply', async () => {
    const published = await client.pushed(draftUri, 7);
    const stakeholders = published.diagnostics.find((d) => d.code === 'unframed-objective') ?? published.diagnostics[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: textDocument(draftUri), range: stakeholders.range, context: { diagnostics: [stakeholders], only: ['quickfix'] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Waive ${stakeholders.code} here`), titles.join(', '));
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === stakeholders.code));
    const waive = actions.find((a) => a.title.startsWith('Waive'))!;
    const change = waive.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri: draftUri, version: 7 });
    const fixed = applyEdits(draft, change.edits);
    assert.ok(!review(fixed, { today: TODAY }).findings.some((f) => f.rule === stakeholders.code && f.message === stakeholders.message), 'the waived finding is gone');
  });

  it('offers source.fixAll.mlsystem when asked for it (on save), and with every action when no kind is named', async () => {
    const onSave = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: textDocument(draftUri), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(onSave.length, 1);
    assert.equal(onSave[0].kind, 'source.fixAll.mlsystem');
    assert.match(onSave[0].title, /^Fix all auto-fixable design problems \(\d+\)$/);
    const edits = (onSave[0].edit?.documentChanges?.[0] as { edits: TextEdit[] }).edits;
    const before = review(draft, { today: TODAY }).findings.length;
    assert.ok(review(applyEdits(draft, edits), { today: TODAY }).findings.length < before);
    const quickFixOnly = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: textDocument(draftUri), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(quickFixOnly, []);
    const unasked = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: textDocument(draftUri), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.deepEqual(unasked.map((a) => a.kind), ['source.fixAll.mlsystem']);
  });

  it('gives no quick fix for a diagnostic of another version or another tool', async () => {
    const published = await client.pushed(draftUri, 7);
    const d = published.diagnostics[0];
    const foreign: Diagnostic = { ...d, source: 'yaml' };
    const moved: Diagnostic = { ...d, range: { start: { line: d.range.start.line + 1, character: 0 }, end: { line: d.range.start.line + 1, character: 1 } } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: textDocument(draftUri), range: d.range, context: { diagnostics: [foreign, moved], only: ['quickfix'] } });
    assert.deepEqual(actions, []);
  });

  it('completes keys, enum values, objective ids, rule ids and waiver targets', async () => {
    const uri = uriOf(path.join(tmpdir(), 'completion.mlsystem.yaml'));
    const text = [
      'mlsystem: 1',
      'name: routing',
      'business:',
      '  maturity: ',
      '  objectives:',
      '    - id: faster-routing',
      '      statement: Route faster.',
      'framing:',
      '  - id: classifier',
      '    serves: []',
      'waivers:',
      '  - rule: ',
      '    target: ',
      '',
    ].join('\n');
    await client.open(uri, text);
    const complete = async (line: number, character: number): Promise<CompletionItem[]> => client.request<CompletionItem[]>('textDocument/completion', { textDocument: textDocument(uri), position: { line, character } });
    const top = await complete(13, 0);
    const labels = top.map((i) => i.label);
    for (const key of ['summary', 'requirements', 'lifecycle']) assert.ok(labels.includes(key), `offers ${key}`);
    assert.ok(!labels.includes('business') && !labels.includes('name'), 'keys already there are not offered');
    const requirements = top.find((i) => i.label === 'requirements')!;
    assert.equal(requirements.kind, 10 /* Property */);
    assert.deepEqual(requirements.textEdit, { range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, newText: 'requirements:\n  $0' });
    assert.ok(top.some((i) => i.label === 'mlsystem-lifecycle' && i.kind === 15 /* Snippet */), 'a section snippet where its key is missing');
    assert.ok(!top.some((i) => i.label === 'mlsystem-design'), 'no whole design inside a design');
    assert.deepEqual((await complete(3, 12)).map((i) => i.label), ['none', 'early', 'developing', 'mature']);
    assert.deepEqual((await complete(9, 13)).map((i) => i.label), ['faster-routing']);
    const rules = (await complete(11, 10)).map((i) => i.label);
    assert.ok(rules.includes('missing-pillar') && rules.includes('unversioned') && !rules.includes('yaml-syntax'), rules.join(', '));
    const targets = (await complete(12, 12)).map((i) => i.label);
    assert.ok(targets.includes('business.objectives.faster-routing') && targets.includes('framing.classifier'), targets.join(', '));
  });

  it('indents a multi-line completion from the column of the word it replaces, and sends plain text to clients without snippets', async () => {
    const uri = uriOf(path.join(tmpdir(), 'indent.mlsystem.yaml'));
    await client.open(uri, 'mlsystem: 1\nframing:\n  - id: c\n    \n');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: textDocument(uri), position: { line: 3, character: 4 } });
    const metrics = items.find((i) => i.label === 'metrics');
    assert.equal((metrics?.textEdit as TextEdit).newText, 'metrics:\n      - $0');
    const plain = await LspClient.start({ capabilities: {} });
    try {
      await plain.open(uri, 'mlsystem: 1\nframing:\n  - id: c\n    \n');
      const plainItems = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: textDocument(uri), position: { line: 3, character: 4 } });
      const plainMetrics = plainItems.find((i) => i.label === 'metrics');
      assert.equal(plainMetrics?.insertTextFormat, 1 /* PlainText */);
      assert.equal((plainMetrics?.textEdit as TextEdit).newText, 'metrics:\n      - ');
    } finally {
      await plain.stop();
    }
  });

  it('explains fields and findings on hover', async () => {
    const field = await client.request<Hover>('textDocument/hover', { textDocument: textDocument(draftUri), position: positionOf(draft, 'maturity: early') });
    assert.match((field.contents as { value: string }).value, /^\*\*maturity\*\*\n\nHow far the organization has come with ML/);
    const published = await client.pushed(draftUri, 7);
    const d = published.diagnostics.find((x) => x.code === 'expired-waiver')!;
    const onFinding = await client.request<Hover>('textDocument/hover', { textDocument: textDocument(draftUri), position: d.range.start });
    const value = (onFinding.contents as { value: string }).value;
    assert.ok(value.includes(`**expired-waiver** (warning): ${d.message}`), value);
    assert.ok(value.includes(`(${ruleDocsUrl('expired-waiver')})`), value);
  });

  it('outlines the design as document symbols: sections with objectives, framings, pillars and stages inside', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: textDocument(draftUri) });
    const names = symbols.map((s) => s.name);
    assert.deepEqual(names, Object.keys(parseYaml(draft) as object), 'one symbol per top-level section, in order');
    assert.deepEqual(symbols.find((s) => s.name === 'business')?.children?.map((c) => c.name), ['faster-routing', 'happier-customers']);
    const stages = (parseYaml(draft) as { lifecycle: Record<string, { status?: string }> }).lifecycle;
    assert.deepEqual(symbols.find((s) => s.name === 'lifecycle')?.children?.map((c) => [c.name, c.detail]), Object.entries(stages).map(([id, stage]) => [id, stage.status ?? '']), 'each stage with its status');
    for (const s of symbols) {
      const inside = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(inside(s.range.start, s.selectionRange.start) && inside(s.selectionRange.end, s.range.end), `${s.name}: selection inside range`);
    }
  });

  it('lists flat symbols, each naming its section, for clients without hierarchical symbols', async () => {
    const flat = await LspClient.start({ capabilities: {} });
    try {
      await flat.open(draftUri, draft);
      const symbols = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: textDocument(draftUri) });
      assert.ok(symbols.some((s) => s.name === 'faster-routing' && s.containerName === 'business' && s.location.uri === draftUri));
    } finally {
      await flat.stop();
    }
  });
});

describe('language server: pull diagnostics and configuration', () => {
  it('answers textDocument/diagnostic when the client supports it, and pushes nothing then', async () => {
    const client = await LspClient.start({ capabilities: { ...PUSH_CLIENT, textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: { dynamicRegistration: false } } }, initializationOptions: { today: TODAY } });
    try {
      const init = await client.request<{ capabilities: { diagnosticProvider?: unknown } }>('initialize', {}).catch((e: Error) => e);
      assert.ok(init instanceof Error, 'a second initialize is refused');
      await client.open(draftUri, draft, 3);
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: textDocument(draftUri) });
      assert.equal(report.kind, 'full');
      const items = (report as { items: Diagnostic[] }).items;
      assert.deepEqual(items.map((d) => d.code), review(draft, { today: TODAY }).findings.map((f) => f.rule));
      const compose = uriOf(composeFile);
      await client.open(compose, readFileSync(composeFile, 'utf8'));
      assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: textDocument(compose) }), { kind: 'full', items: [] });
      assert.deepEqual(client.diagnostics, [], 'nothing pushed to a pull client');
    } finally {
      await client.stop();
    }
  });

  it('declares pull diagnostics only to clients that support them', async () => {
    for (const [capabilities, pull] of [[PUSH_CLIENT, false], [{ textDocument: { diagnostic: {} } }, true]] as const) {
      const client = await LspClient.start({ capabilities });
      const declared = client.initializeResult.capabilities.diagnosticProvider;
      assert.deepEqual(declared, pull ? { identifier: 'mlsystem-review', interFileDependencies: false, workspaceDiagnostics: false } : undefined);
      assert.equal(client.initializeResult.serverInfo?.name, 'mlsystem-review-lsp');
      await client.stop();
    }
  });

  it('reads the nearest .mlsystem-review.* as the CLI does: severities, and designs by its file patterns', async () => {
    const client = await LspClient.start({ rootDir: configured, initializationOptions: { today: TODAY } });
    try {
      const spec = path.join(configured, 'specs', 'routing.design.yaml');
      await client.open(uriOf(spec), readFileSync(spec, 'utf8'));
      const published = await client.pushed(uriOf(spec));
      assert.ok(published.diagnostics.length > 0, 'a design by the config file pattern');
      assert.ok(!published.diagnostics.some((d) => d.code === 'missing-stage'), 'missing-stage is off in the config file');
      assert.equal(published.diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 1, 'no-stakeholders is an error in the config file');
      const notes = path.join(configured, 'specs', 'notes.yaml');
      await client.open(uriOf(notes), readFileSync(notes, 'utf8'));
      const nested = path.join(configured, 'team', 'nested', 'mlsystem.yaml');
      await client.open(uriOf(nested), readFileSync(nested, 'utf8'));
      const nestedDiagnostics = await client.pushed(uriOf(nested));
      assert.ok(!nestedDiagnostics.diagnostics.some((d) => d.code === 'no-stakeholders'), 'the nearer config file wins');
      assert.equal(client.diagnostics.filter((d) => d.uri === uriOf(notes)).length, 0, 'a YAML file no pattern names is not a design');
    } finally {
      await client.stop();
    }
  });

  it('applies workspace/didChangeConfiguration: settings win over the config file, rule by rule, and add file patterns', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlsystem-lsp-config-'));
    try {
      writeFileSync(path.join(dir, '.mlsystem-review.json'), JSON.stringify({ rules: { 'no-stakeholders': 'error' } }));
      const plainFile = path.join(dir, 'plain.yaml');
      writeFileSync(plainFile, 'name: routing\n');
      const designFile = path.join(dir, 'mlsystem.yaml');
      writeFileSync(designFile, draft);
      // A client that pushes settings and cannot be asked for them.
      const client = await LspClient.start({ rootDir: dir, capabilities: { textDocument: PUSH_CLIENT.textDocument }, initializationOptions: { today: TODAY } });
      try {
        await client.open(uriOf(designFile), draft);
        assert.equal((await client.pushed(uriOf(designFile))).diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 1);
        await client.open(uriOf(plainFile), 'name: routing\n');
        const count = client.diagnostics.length;
        await client.notify('workspace/didChangeConfiguration', { settings: { mlsystem: { rules: { 'no-stakeholders': 'info', 'missing-stage': 'off' }, files: ['plain.yaml'] } } });
        await waitUntil('a review with the new settings', () => client.diagnostics.slice(count).find((d) => d.uri === uriOf(designFile)));
        const after = client.diagnostics.slice(count).find((d) => d.uri === uriOf(designFile))!;
        assert.equal(after.diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 3, 'the setting wins over the file');
        assert.ok(!after.diagnostics.some((d) => d.code === 'missing-stage'));
        assert.ok((await client.pushed(uriOf(plainFile))).diagnostics.length > 0, 'a design by the settings pattern');
        // A config file that changes on disk is read again when the client says so.
        writeFileSync(path.join(dir, '.mlsystem-review.json'), JSON.stringify({ rules: { unversioned: 'off' } }));
        const seen = client.diagnostics.length;
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, '.mlsystem-review.json')), type: 2 }] });
        const reread = await waitUntil('a review with the new config file', () => client.diagnostics.slice(seen).find((d) => d.uri === uriOf(designFile)));
        assert.ok(!reread.diagnostics.some((d) => d.code === 'unversioned'));
        // An invalid config file's problems are diagnostics on it (config-files.test.ts has more).
        writeFileSync(path.join(dir, '.mlsystem-review.json'), '{ "rules": { "nope": "error" } }');
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, '.mlsystem-review.json')), type: 2 }] });
        const onConfig = await client.pushed(uriOf(path.join(dir, '.mlsystem-review.json')));
        assert.deepEqual(onConfig.diagnostics.map((d) => d.message), ['unknown rule "nope"']);
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks clients that can watch files to watch the config files', async () => {
    const client = await LspClient.start({ capabilities: { ...PUSH_CLIENT, workspace: { ...PUSH_CLIENT.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } } });
    try {
      const registration = await waitUntil('a file watcher registration', () => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
      assert.deepEqual(registration.registerOptions, { watchers: [{ globPattern: '**/.mlsystem-review.{json,yaml,yml}' }] });
    } finally {
      await client.stop();
    }
  });

  it('asks workspace/configuration for the mlsystem section when the client can answer', async () => {
    const client = await LspClient.start({ settings: { rules: { 'no-stakeholders': 'off' } }, initializationOptions: { today: TODAY } });
    try {
      await client.open(draftUri, draft, 1);
      // The settings arrive after `initialized`; the review they change is published after the first.
      const withSettings = await waitUntil('a review without no-stakeholders', () => client.diagnostics.find((d) => d.uri === draftUri && !d.diagnostics.some((x) => x.code === 'no-stakeholders')));
      assert.ok(withSettings.diagnostics.length > 0);
      client.settings = { rules: { 'no-stakeholders': 'error' } };
      const count = client.diagnostics.length;
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const changed = await waitUntil('a review with no-stakeholders', () => client.diagnostics.slice(count).find((d) => d.uri === draftUri));
      assert.equal(changed.diagnostics.find((d) => d.code === 'no-stakeholders')?.severity, 1);
    } finally {
      await client.stop();
    }
  });
});
