/** The editor features both hosts show: what each returns, in engine positions. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, review, ruleDocsUrl } from '../../src/engine';
import type { Finding, RuleId } from '../../src/engine';
import { designCompletions, designDiagnostic, designHover, designSymbols, findingExplanation, fixAllAction, PublishedFindings, requestedActions } from '../../src/features';

const TODAY = '2026-11-26';
const links = { builtIn: ruleDocsUrl, team: (url: string) => `team:${url}` };
const design = 'mlsystem: 1\nname: routing\nbusiness:\n  maturity: early\n  objectives:\n    - id: faster\n      statement: Route faster.\n';

describe('editor features', () => {
  it('asks for quick fixes, fix-all or neither as VS Code reads `only`', () => {
    assert.deepEqual(requestedActions(undefined), { quickFixes: true, fixAll: false });
    assert.deepEqual(requestedActions(undefined, true), { quickFixes: true, fixAll: true });
    assert.deepEqual(requestedActions(['quickfix']), { quickFixes: true, fixAll: false });
    assert.deepEqual(requestedActions(['source']), { quickFixes: false, fixAll: true });
    assert.deepEqual(requestedActions(['source.fixAll']), { quickFixes: false, fixAll: true });
    assert.deepEqual(requestedActions(['source.fixAll.mlsystem']), { quickFixes: false, fixAll: true });
    assert.deepEqual(requestedActions(['source.fixAll.eslint']), { quickFixes: false, fixAll: false });
    assert.deepEqual(requestedActions(['refactor']), { quickFixes: false, fixAll: false });
    assert.deepEqual(requestedActions(['quickfix', 'source.fixAll']), { quickFixes: true, fixAll: false });
  });

  it('turns a finding into a diagnostic with its rule as code and docs as link, and finds it again only for its version', () => {
    const finding = review(design, { today: TODAY }).findings[0];
    const d = designDiagnostic(finding, links);
    assert.equal(d.code, finding.rule);
    assert.equal(d.href, ruleDocsUrl(finding.rule as RuleId));
    const published = new PublishedFindings(4, [finding]);
    assert.equal(published.findingFor(4, d.code, d.range, d.message), finding);
    assert.equal(published.findingFor(5, d.code, d.range, d.message), undefined, 'another version');
    assert.equal(published.findingFor(4, 'schema', d.range, d.message), undefined, 'another rule');
    assert.equal(published.findingFor(4, undefined, d.range, d.message), undefined, 'no code');
  });

  it('fixes everything it safely can in one edit, and offers nothing when nothing is fixable', () => {
    const draft = readFileSync(path.join(__dirname, '..', '..', 'examples', 'draft', 'mlsystem.yaml'), 'utf8');
    const action = fixAllAction(draft, { today: TODAY });
    assert.match(action?.title ?? '', /^Fix all auto-fixable design problems \(\d+\)$/);
    const fixed = applyEdits(draft, [action!.edit]);
    assert.ok(review(fixed, { today: TODAY }).findings.length < review(draft, { today: TODAY }).findings.length);
    assert.equal(fixAllAction(fixed, { today: TODAY }), undefined, 'nothing is left for a second fix-all');
    assert.equal(fixAllAction('title: notes\n', { rules: Object.fromEntries(review('title: notes\n').findings.map((f) => [f.rule, 'off'])) }), undefined);
  });

  it('completes at a position: the replaced word as a range, snippets only where a line starts', () => {
    const text = 'mlsystem: 1\nbusiness:\n  maturity: ea\n';
    const values = designCompletions(text, { line: 2, character: 14 }, []);
    assert.deepEqual(values.map((v) => v.label), ['none', 'early', 'developing', 'mature']);
    assert.deepEqual(values[0].range, { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } });
    const snippet = { name: 'whole', prefix: 'mlsystem-design', body: 'name: ${1:x}', description: 'A design' };
    // The whole design goes in an empty document only.
    const atStart = designCompletions('', { line: 0, character: 0 }, [snippet]);
    const offered = atStart.find((i) => i.kind === 'Snippet');
    assert.equal(offered?.documentation, '\n```yaml\nname: x\n```\n');
    assert.ok(!designCompletions(text, { line: 2, character: 14 }, [snippet]).some((i) => i.kind === 'Snippet'), 'no snippet in a value');
  });

  it('describes a field on hover, and explains the findings under the cursor when asked to', () => {
    const field = designHover(design, { line: 3, character: 4 });
    assert.match(field?.markdown ?? '', /^\*\*maturity\*\*/);
    assert.deepEqual(field?.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 10 } });
    const findings = review(design, { today: TODAY }).findings;
    const f = findings.find((x) => x.rule === 'unmeasured-objective')!;
    const explained = designHover(design, f.range.start, { findings, links });
    assert.ok(explained?.markdown.includes(`**unmeasured-objective** (warning): ${f.message}`), explained?.markdown);
    assert.ok(explained?.markdown.includes(`(${ruleDocsUrl('unmeasured-objective')})`));
    assert.equal(designHover('mlsystem: 1\n# a comment\n', { line: 1, character: 3 }), undefined);
  });

  it('outlines with each selection inside its range', () => {
    const symbols = designSymbols(design, review(design, { today: TODAY }).outline);
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['mlsystem', 'Namespace'], ['name', 'Namespace'], ['business', 'Namespace']]);
    assert.deepEqual(symbols[2].children.map((c) => [c.name, c.kind]), [['faster', 'Event']]);
  });

  it('links a team check to its own docs, or to nothing', () => {
    const finding = review(design, { today: TODAY }).findings[0];
    const check = { ...finding, rule: 'team/owner' as const, docs: 'https://example.com/owner' } as unknown as Finding;
    assert.equal(designDiagnostic(check, links).href, 'team:https://example.com/owner');
    const bare = { ...finding, rule: 'team/owner' } as unknown as Finding;
    assert.equal(designDiagnostic(bare, links).href, undefined);
    assert.ok(!findingExplanation(bare, links).includes('About'), 'no link to a page that does not exist');
  });
});
