/** The hover's part about findings: why each finding under the cursor matters, and its rule's page. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { review } from '../../src/engine';
import { findingHoverMarkdown } from '../../src/features/finding-hover';
import { design } from './support/design';

const link = (f: { rule: string }): string => `command:show?${f.rule}`;

describe('finding hover', () => {
  const text = design({ stakeholders: undefined });
  const findings = review(text, { today: '2026-11-26' }).findings;
  const finding = findings.find((f) => f.rule === 'no-stakeholders');

  it('on a finding, says why it matters and links the rule page', () => {
    assert.ok(finding);
    const markdown = findingHoverMarkdown(findings, finding.range.start, link);
    assert.ok(markdown);
    assert.match(markdown, /\*\*no-stakeholders\*\*: Involving stakeholders is the first step/);
    assert.match(markdown, /\[Rule page\]\(command:show\?no-stakeholders\)/);
    assert.ok(!markdown.includes(finding.message), 'the one-line message is the diagnostic\'s, not repeated');
  });

  it('elsewhere, says nothing', () => {
    assert.equal(findingHoverMarkdown(findings, { line: 10_000, character: 0 }, link), undefined);
  });
});
