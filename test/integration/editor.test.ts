/**
 * The editor in a real VS Code: diagnostics, quick fixes, fix-all, completion, hover,
 * outline, the workspace review and the commands, through the real `vscode` API.
 * Each test writes its own design files under `editor-scratch/`, so the shared fixtures
 * stay as they are for other suites.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, testApi, codeOf, fixtureUri, openFixture, ownDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const SCRATCH = 'editor-scratch';
let counter = 0;

async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** A fresh design file with this text, opened in an editor. */
async function openDesign(text: string, name = `d${++counter}.mlsystem.yaml`): Promise<vscode.TextEditor> {
  const uri = await writeFile(`${SCRATCH}/${name}`, text);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

const rules = (diagnostics: vscode.Diagnostic[]): string[] => diagnostics.map(codeOf);
const hasRule = (rule: string) => (d: vscode.Diagnostic[]) => rules(d).includes(rule);

async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

async function applyFix(editor: vscode.TextEditor, rule: string, title: RegExp): Promise<string> {
  const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule(rule));
  const diagnostic = diagnostics.find((d) => codeOf(d) === rule)!;
  const actions = await quickFixes(editor.document, diagnostic);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `a fix titled ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  // As the lightbulb does: the edit, then the action's command.
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return editor.document.getText();
}

const CHURN = [
  'mlsystem: 1',
  'name: churn',
  'business:',
  '  objectives:',
  '    - id: retain',
  '      statement: Keep subscribers.',
  '      metric: churn rate',
  '      target: 3%',
  'framing:',
  '  - id: churn-model',
  '    serves: [retain]',
  '    task: binary-classification',
  '    inputs: Usage history.',
  '    outputs: Probability of cancelling.',
  '    objective: Log loss.',
  '    metrics:',
  '      - name: recall',
  '        moves: retain',
  'requirements:',
  '  reliability: {silent_failures: audits, fallback: email}',
  '  scalability: {traffic: 2M, model_complexity: small, model_count: one}',
  '  maintainability: {versioning: {code: git, data: snapshots, artifacts: registry}}',
  'lifecycle:',
  '  scoping: {status: done}',
  '',
].join('\n');

describe('editor', function () {
  this.timeout(60_000);

  before(async () => {
    await activeExtension();
    await vscode.workspace.fs.createDirectory(fixtureUri(SCRATCH));
  });

  afterEach(async () => {
    // Scratch files are saved (never prompting), untitled ones reverted, then all closed.
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty && !document.isUntitled) await document.save();
    }
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.isUntitled)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('diagnostics', () => {
    it('appear for a design, with the rule id linked to its page and the right severity', async () => {
      const editor = await openDesign(CHURN);
      const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule('missing-pillar'));
      const pillar = diagnostics.find((d) => codeOf(d) === 'missing-pillar')!;
      assert.match(pillar.message, /adaptability/);
      assert.equal(pillar.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(pillar.source, 'mlsystem-review');
      assert.equal(pillar.range.start.line, 18, 'on the `requirements` key');
      assert.ok(pillar.message.length < 100, `one short line: ${pillar.message}`);
      const stage = diagnostics.find((d) => codeOf(d) === 'missing-stage')!;
      assert.equal(stage.severity, vscode.DiagnosticSeverity.Information);
    });

    it('link the rule id to its page, opened rendered and read-only, not as raw Markdown', async () => {
      const editor = await openDesign(CHURN);
      const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule('missing-pillar'));
      const { target } = diagnostics.find((d) => codeOf(d) === 'missing-pillar')!.code as { value: string; target: vscode.Uri };
      // What the Problems panel does with the link: a command link runs its command with its arguments.
      assert.equal(target.scheme, 'command');
      const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
      await vscode.commands.executeCommand(target.path, ...args);
      const tab = await waitFor(() => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(active.input.viewType) ? active : undefined;
      }, 'the Markdown preview of the rule page');
      assert.match(tab.label, /missing-pillar\.md/);
      const raw = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/docs/rules/missing-pillar.md'));
      assert.deepEqual(raw, [], 'no editable tab of the page');
    });

    it('hover says why a finding matters, with a link to its rule page', async () => {
      const editor = await openDesign(CHURN);
      const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule('missing-pillar'));
      const pillar = diagnostics.find((d) => codeOf(d) === 'missing-pillar')!;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pillar.range.start);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*missing-pillar\*\*: Without it the design does not say/);
      assert.match(text, /\[Rule page\]\(command:mlsystem\.showRuleDocs/);
    });

    it('carry related information for a duplicate id', async () => {
      const editor = await openDesign(CHURN.replace('framing:\n', '    - id: retain\n      statement: Again.\nframing:\n'));
      const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule('duplicate-id'));
      const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-id')!;
      assert.ok(duplicate.relatedInformation?.length, 'points at the first use of the id');
      assert.equal(duplicate.relatedInformation![0].location.uri.toString(), editor.document.uri.toString());
    });

    it('appear for a design recognised by its content (designs/fraud.yaml)', async () => {
      const editor = await openFixture('designs/fraud.yaml');
      const diagnostics = await waitForDiagnostics(editor.document.uri, hasRule('missing-pillar'));
      assert.equal(rules(diagnostics).filter((r) => r === 'missing-pillar').length, 4);
    });

    it('never appear for a compose file', async () => {
      const { reviews } = await testApi();
      const compose = await openFixture('docker-compose.yml');
      assert.equal(await reviews.request(compose.document), undefined, 'not reviewed: not a design');
      // A design opened after it is reviewed; by then the compose file would have its diagnostics.
      const design = await openDesign(CHURN);
      await waitForDiagnostics(design.document.uri);
      assert.deepEqual(vscode.languages.getDiagnostics(compose.document.uri).filter((d) => d.source === 'mlsystem-review'), []);
      await vscode.window.showTextDocument(compose.document);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', compose.document.uri, new vscode.Position(0, 0));
      assert.ok(!completions.items.some((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('mlsystem-')), 'no design snippets in a compose file');
    });

    it('follow edits: a fixed problem disappears, a new one appears', async () => {
      const editor = await openDesign(CHURN);
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, hasRule('missing-pillar'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const requirementsEnd = editor.document.lineAt(21).range.end;
      await editor.edit((b) => {
        b.insert(requirementsEnd, '\n  adaptability: {monitoring: drift, retraining: weekly}');
        b.insert(end, 'owners: [growth]\n');
      });
      await waitForDiagnostics(uri, (d) => !rules(d).includes('missing-pillar'));
      await editor.edit((b) => b.replace(new vscode.Range(1, 0, 1, 11), 'name: [unclosed'));
      const broken = await waitForDiagnostics(uri, hasRule('yaml-syntax'));
      assert.deepEqual([...new Set(rules(broken))], ['yaml-syntax'], 'only syntax errors while the text cannot be read');
    });

    it('are cleared when a design that is not on disk closes', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: CHURN });
      await vscode.window.showTextDocument(document);
      await waitForDiagnostics(document.uri, hasRule('missing-pillar'));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(() => ownDiagnostics(document.uri).length === 0, 'diagnostics cleared on close');
    });
  });

  describe('quick fixes', () => {
    it('insert a missing pillar with its expected keys', async () => {
      const editor = await openDesign(CHURN);
      const text = await applyFix(editor, 'missing-pillar', /adaptability/i);
      assert.match(text, /\n  adaptability:\n    monitoring: /);
      assert.ok(text.startsWith(CHURN.split('requirements:')[0]), 'text before the pillar is untouched');
      await waitForDiagnostics(editor.document.uri, (d) => !rules(d).includes('missing-pillar'));
    });

    it('reveal and select the block they insert', async () => {
      const editor = await openDesign(CHURN);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await applyFix(editor, 'missing-pillar', /adaptability/i);
      const selected = editor.document.getText(editor.selection);
      assert.match(selected, /^adaptability:\n {4}monitoring: .*\n[\s\S]* {4}rollout: [^\n]*$/, `selected: ${selected}`);
      assert.ok(editor.visibleRanges.some((r) => r.contains(editor.selection.start)), 'the inserted block is on screen');
    });

    it('replace an unknown reference with a close existing id', async () => {
      const editor = await openDesign(CHURN.replace('serves: [retain]', 'serves: [retian]'));
      const text = await applyFix(editor, 'unknown-reference', /retain/);
      assert.match(text, /serves: \[retain\]/);
    });

    it('rename an unknown key to the closest known one', async () => {
      const editor = await openDesign(CHURN.replace('    inputs: Usage history.', '    inptus: Usage history.'));
      const text = await applyFix(editor, 'schema', /inputs/);
      assert.match(text, /\n    inputs: Usage history\.\n/);
    });

    it('waive a finding here, with its target filled in', async () => {
      const editor = await openDesign(CHURN);
      const text = await applyFix(editor, 'missing-pillar', /^Waive missing-pillar here$/);
      assert.match(text, /waivers:\n  - rule: missing-pillar\n    target: requirements\.adaptability\n    reason: out-of-scope\n/);
      assert.match(text, /\n    note: why the team accepts this risk\n    owner: who answers for it\n    expires: \d{4}-\d{2}-\d{2}\n/);
      // A snippet: the reason is the first tab stop, selected, to choose among the four.
      assert.equal(editor.document.getText(editor.selection), 'out-of-scope');
      await waitForDiagnostics(editor.document.uri, (d) => !rules(d).includes('missing-pillar'));
    });

    it('remove an unused waiver', async () => {
      const editor = await openDesign(`${CHURN}waivers:\n  - rule: task-mismatch\n    reason: other\n`);
      const text = await applyFix(editor, 'unused-waiver', /remove/i);
      assert.doesNotMatch(text, /task-mismatch/);
    });

    it('respect context.only: asking for refactorings gives no quick fix', async () => {
      const editor = await openDesign(CHURN);
      const [diagnostic] = (await waitForDiagnostics(editor.document.uri, hasRule('missing-pillar'))).filter((d) => codeOf(d) === 'missing-pillar');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.Refactor.value);
      assert.deepEqual(actions.filter((a) => /pillar|Waive/.test(a.title)).map((a) => a.title), []);
    });
  });

  describe('fix-all', () => {
    // Three clear corrections (a close objective id, a misspelt task, the `moves` of a metric
    // whose framing serves one objective); fix-all never fills gaps such as a missing pillar.
    const MISTYPED = CHURN.replace('serves: [retain]', 'serves: [retian]').replace('task: binary-classification', 'task: binary-clasification').replace('        moves: retain\n', '');
    const corrected = (text: string) => text.includes('    serves: [retain]\n') && text.includes('    task: binary-classification\n') && /- name: recall\n {8}moves: retain\n/.test(text);

    it('source.fixAll.mlsystem applies the clear corrections and inserts no skeleton', async () => {
      const editor = await openDesign(MISTYPED);
      await waitForDiagnostics(editor.document.uri, (d) => hasRule('unknown-reference')(d) && hasRule('unlinked-metric')(d));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.mlsystem',
      );
      const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.mlsystem');
      assert.ok(fixAll?.edit, `a fix-all action among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.match(fixAll.title, /\(3\)/);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      const text = editor.document.getText();
      assert.ok(corrected(text), text);
      assert.ok(text.startsWith('mlsystem: 1\nname: churn\n'), 'the start is untouched');
      assert.ok(!text.includes('TODO'), 'no placeholder was inserted');
      await waitForDiagnostics(editor.document.uri, (d) => ['unknown-reference', 'schema', 'unlinked-metric'].every((r) => !rules(d).includes(r)) && rules(d).includes('missing-pillar'));
    });

    it('runs from editor.codeActionsOnSave', async () => {
      const config = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
      await config.update('codeActionsOnSave', { 'source.fixAll.mlsystem': 'always' }, vscode.ConfigurationTarget.Workspace, true);
      try {
        const editor = await openDesign(MISTYPED);
        await waitForDiagnostics(editor.document.uri, hasRule('unknown-reference'));
        await editor.edit((b) => b.insert(new vscode.Position(1, 11), '-model'));
        await editor.document.save();
        assert.ok(corrected(editor.document.getText()), editor.document.getText());
        assert.match(editor.document.getText(), /^name: churn-model$/m);
      } finally {
        await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      }
    });
  });

  describe('completion and hover', () => {
    async function complete(editor: vscode.TextEditor, position: vscode.Position): Promise<Map<string, vscode.CompletionItem>> {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      return new Map(list.items.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]));
    }

    it('offers what fits the position: top-level keys at the top, framing snippets in the framing list, keys only inside a framing', async () => {
      const editor = await openDesign(`${CHURN}\n`);
      const top = await complete(editor, new vscode.Position(editor.document.lineCount - 1, 0));
      assert.ok(top.has('waivers') && top.has('stakeholders'), 'absent top-level keys');
      assert.ok(!top.has('business') && !top.has('framing'), 'present keys are not offered');
      assert.ok(!top.has('mlsystem-design'), 'no whole design inside a design');
      const line = CHURN.split('\n').indexOf('    metrics:');
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '    \n'));
      const inside = await complete(editor, new vscode.Position(line, 4));
      assert.ok(inside.has('baseline'), 'a key valid in a framing');
      const snippets = [...inside.values()].filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => i.label);
      assert.deepEqual(snippets, [], 'no snippet inside a framing item');
      await editor.edit((b) => b.delete(new vscode.Range(line, 0, line + 1, 0)));
      const end = CHURN.split('\n').indexOf('requirements:');
      await editor.edit((b) => b.insert(new vscode.Position(end, 0), '  \n'));
      const list = await complete(editor, new vscode.Position(end, 2));
      const framing = list.get('mlsystem-framing-anomaly-detection');
      assert.equal(framing?.kind, vscode.CompletionItemKind.Snippet);
      const documentation = (framing.documentation as vscode.MarkdownString).value;
      assert.match(documentation, /serves: \[retain\]/, 'the documentation shows the inserted text');
      assert.ok(!/\$\{?\d/.test(documentation), 'no tab-stop syntax in the documentation');
      assert.equal(framing.detail, 'A framing entry for an anomaly detection problem (a list item under framing)');
    });

    it('hover on an enum value shows that value\'s description', async () => {
      const editor = await openDesign(CHURN);
      const line = CHURN.split('\n').findIndex((l) => l.includes('task: binary'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 14));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*binary-classification\*\*/);
    });

    it('offers task kinds after `task: ` and objective ids in `serves`', async () => {
      const editor = await openDesign(CHURN.replace('    task: binary-classification', '    task: ').replace('serves: [retain]', 'serves: []'));
      const taskLine = editor.document.getText().split('\n').findIndex((l) => l === '    task: ');
      const tasks = await complete(editor, new vscode.Position(taskLine, 10));
      assert.ok(tasks.has('multiclass-classification') && tasks.has('anomaly-detection'));
      const servesLine = editor.document.getText().split('\n').findIndex((l) => l.includes('serves: []'));
      const ids = await complete(editor, new vscode.Position(servesLine, 13));
      assert.equal(ids.get('retain')?.kind, vscode.CompletionItemKind.Reference);
    });

    it('inserts a framing snippet that the review accepts', async () => {
      const editor = await openDesign(CHURN);
      const line = CHURN.split('\n').indexOf('requirements:');
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '  \n'));
      const items = await complete(editor, new vscode.Position(line, 2));
      const snippet = items.get('mlsystem-framing-multiclass-classification');
      assert.ok(snippet?.insertText instanceof vscode.SnippetString, 'the routing framing snippet is offered inside the framing list');
      assert.ok(await editor.insertSnippet(snippet.insertText, new vscode.Position(line, 2)));
      assert.match(editor.document.getText(), /\n {2}- id: new-multiclass-model\n {4}serves: \[retain\]\n {4}task: multiclass-classification\n/,
        'the framing serves one of the document\'s own objectives');
      const api = await testApi();
      await waitFor(() => api.reviews.latestReview(editor.document)?.version === editor.document.version, 'the review of the inserted snippet');
      const diagnostics = ownDiagnostics(editor.document.uri);
      assert.ok(!rules(diagnostics).includes('yaml-syntax'), 'the inserted snippet is valid YAML');
      assert.ok(!rules(diagnostics).includes('incomplete-framing'), 'the framing is complete');
      assert.ok(!rules(diagnostics).includes('unknown-reference'), 'it names an objective that exists');
    });

    it('hover shows the schema description of a key', async () => {
      const editor = await openDesign(CHURN);
      const line = CHURN.split('\n').findIndex((l) => l.includes('task: binary'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 6));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /kind of ML task/i);
    });
  });

  describe('outline', () => {
    it('lists objectives, framings, pillars and stages', async () => {
      const editor = await openDesign(CHURN);
      const symbols = await waitFor(async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return s?.some((x) => x.name === 'requirements') ? s : undefined;
      }, 'document symbols');
      const children = (name: string) => symbols.find((s) => s.name === name)?.children.map((c) => c.name);
      assert.deepEqual(children('business'), ['retain']);
      assert.deepEqual(children('framing'), ['churn-model']);
      assert.deepEqual(children('requirements'), ['reliability', 'scalability', 'maintainability']);
      assert.deepEqual(children('lifecycle'), ['scoping']);
    });

    it('asked for right after an edit, waits for that edit\'s review: each edit is reviewed once', async () => {
      const { reviews } = await testApi();
      const editor = await openDesign(CHURN);
      const uri = editor.document.uri;
      await waitForDiagnostics(uri);
      const reviewedVersions: number[] = [];
      const listener = reviews.onDidReview((r) => {
        if (r.uri.toString() === uri.toString()) reviewedVersions.push(r.version);
      });
      try {
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n'));
        const edited = editor.document.version;
        // The Outline and the breadcrumbs ask at once, while the review waits for the typing to pause.
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        assert.ok(symbols?.some((x) => x.name === 'requirements'));
        await waitFor(() => !reviews.forTests.isReviewing(editor.document) && reviewedVersions.includes(edited), 'the edit\'s review');
        assert.deepEqual(reviewedVersions, [edited], 'one review for the edit');
      } finally {
        listener.dispose();
      }
    });
  });

  describe('workspace review', () => {
    it('fills Problems with designs that are not open, keeps them current, clears deleted ones', async () => {
      const closed = await writeFile(`${SCRATCH}/closed/never-opened.mlsystem.yaml`, CHURN);
      const byContent = await writeFile(`${SCRATCH}/closed/by-content.yaml`, CHURN);
      const notDesign = await writeFile(`${SCRATCH}/closed/compose.yaml`, 'services:\n  web:\n    image: nginx\n');
      const summary = await vscode.commands.executeCommand<{ designs: number; counts: Record<string, number> }>('mlsystem.reviewWorkspace');
      assert.ok(summary.designs >= 3, 'the summary counts the designs reviewed');
      assert.ok(summary.counts.warning > 0, 'and their findings by severity');
      await waitForDiagnostics(closed, hasRule('missing-pillar'));
      await waitForDiagnostics(byContent, hasRule('missing-pillar'));
      await waitForDiagnostics(fixtureUri('drafts/churn.mlsystem.yaml'), hasRule('unframed-objective'));
      assert.deepEqual(ownDiagnostics(notDesign), []);
      assert.deepEqual(ownDiagnostics(fixtureUri('docker-compose.yml')), []);

      // Changed on disk: reviewed again.
      await writeFile(`${SCRATCH}/closed/never-opened.mlsystem.yaml`, CHURN.replace('requirements:\n', 'requirements:\n  adaptability: {monitoring: drift, retraining: weekly}\n'));
      await waitForDiagnostics(closed, (d) => d.length > 0 && !rules(d).includes('missing-pillar'));
      // Deleted: cleared.
      await vscode.workspace.fs.delete(closed);
      await waitForDiagnostics(closed, (d) => d.length === 0);
    });
  });

  describe('status bar', () => {
    it('shows the active design\'s readiness (not the counts Problems shows), hides for other files, and opens Problems', async () => {
      const { status } = await testApi();
      // One pillar answers all its questions (CHURN's others leave some out); a placeholder is one more thing left to answer.
      const text = CHURN.replace('  reliability: {silent_failures: audits, fallback: email}', '  reliability: {failure_modes: timeouts, silent_failures: audits, fallback: email, slo: 99.9%}')
        .replace('    inputs: Usage history.', '    inputs: "TODO: what does the model read?"');
      const editor = await openDesign(text);
      await waitFor(() => status.forTests.visible && status.forTests.text.endsWith('1/4 pillars · 1 TODO'), `the readiness; it shows ${status.forTests.text}`);
      assert.match(status.forTests.tooltip, /1 of 4 pillars fully answered/);
      assert.match(status.forTests.tooltip, /Reliability: 4 answered, 0 placeholder\(s\), 0 missing/);
      assert.match(status.forTests.tooltip, /Scalability: 3 answered, 0 placeholder\(s\), 3 missing/);
      assert.match(status.forTests.tooltip, /1 of 6 lifecycle stages planned; 1 placeholder\(s\) left/);

      // Answering the placeholder updates it.
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes('TODO: what does the model read?'));
      await editor.edit((b) => b.replace(editor.document.lineAt(line).range, '    inputs: Usage history.'));
      await waitFor(() => status.forTests.text.endsWith('1/4 pillars · 0 TODO'), `no placeholder left; it shows ${status.forTests.text}`);

      // A YAML file that is not a design: no item at all. Back to the design: it returns.
      await openFixture('docker-compose.yml');
      await waitFor(() => !status.forTests.visible, 'the status bar item to hide for docker-compose.yml');
      await vscode.window.showTextDocument(editor.document);
      await waitFor(() => status.forTests.visible && status.forTests.text.endsWith('1/4 pillars · 0 TODO'), 'the status bar item to come back for the design');

      // A click runs the Problems panel's own command.
      assert.equal(status.forTests.command, 'workbench.actions.view.problems');
      assert.ok((await vscode.commands.getCommands(false)).includes('workbench.actions.view.problems'), 'the command exists in this VS Code');
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  });

  describe('commands', () => {
    it('New Design File writes a skeleton, and never overwrites', async () => {
      const folder = fixtureUri(`${SCRATCH}/new`);
      await vscode.workspace.fs.createDirectory(folder);
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlsystem.newDesignFile', folder, 'routing.mlsystem.yaml');
      assert.ok(created, 'a file was created');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.match(text, /^mlsystem: 1\nname: routing\n/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString(), 'opened');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      // The author's own file: a BOM, CRLF line ends, no final line break. The command gets
      // its name directly, so only the create itself stands between it and this file.
      const mine = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('mlsystem: 1\r\nname: mine  \r\n# keep')]);
      await vscode.workspace.fs.writeFile(created, mine);
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlsystem.newDesignFile', folder, 'routing.mlsystem.yaml');
      assert.equal(again, undefined, 'refused');
      assert.deepEqual([...(await vscode.workspace.fs.readFile(created))], [...mine], 'left byte for byte as it was');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === created.toString() && d.isDirty), 'no unsaved copy of the skeleton either');
    });

    it('the skeleton of New Design File has one unanswered finding per placeholder, and no other', async () => {
      const folder = fixtureUri(`${SCRATCH}/new2`);
      await vscode.workspace.fs.createDirectory(folder);
      const created = await vscode.commands.executeCommand<vscode.Uri>('mlsystem.newDesignFile', folder, 'mlsystem.yaml');
      const { reviews } = await testApi();
      const document = await vscode.workspace.openTextDocument(created);
      const result = await reviews.request(document);
      assert.deepEqual([...new Set(result?.findings.map((f) => f.rule))], ['unanswered']);
      assert.equal(result?.findings.length, document.getText().match(/\bTODO\b/g)?.length);
    });
  });
});
