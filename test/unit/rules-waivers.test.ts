/**
 * Waivers: unknown-reference on a waiver's rule or target, expired-waiver, unused-waiver,
 * and which targets a waiver may name.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { review, waiverTargets } from '../../src/engine';
import type { RuleId } from '../../src/engine';
import { design, LINKED } from './support/design';
import { applyFix, findingsOf, fixOfKind, only, reviewAt, TODAY } from './support/fixes';
import { applyEdits } from '../../src/engine';
import { snippetToText } from '../../src/features/snippets';

/** An objective without a target: one unmeasured-objective finding to waive. */
const UNMEASURED = { ...LINKED, business: { objectives: [{ id: 'faster-routing', metric: 'median time to route' }] } };
const DESIGN = design({}, UNMEASURED);
const WAIVER_LINE = DESIGN.split('\n').length; // the first waiver's first line, after `waivers:`

function withWaivers(...entries: Record<string, unknown>[]): string {
  return design({ waivers: entries }, UNMEASURED);
}

function waiver(rule: string, target?: string, expires?: string): Record<string, unknown> {
  return { rule, ...(target === undefined ? {} : { target }), reason: 'out-of-scope', ...(expires ? { expires } : {}) };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** Findings about waivers, as "rule path". */
function waiverFindings(text: string, options = { today: TODAY }): string[] {
  return review(text, options).findings.filter((f) => f.path[0] === 'waivers').map((f) => `${f.rule} ${f.path.join('.')}`);
}

describe('a valid waiver', () => {
  it('silences its rule on its target and reports what it silenced', () => {
    const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.faster-routing'));
    const result = reviewAt(text);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'unmeasured-objective'), []);
    assert.deepEqual(result.waived.map((w) => [w.rule, w.target, w.waiver]), [['unmeasured-objective', 'business.objectives.faster-routing', 0]]);
    assert.deepEqual(waiverFindings(text), []);
  });

  it('may name a missing key the format knows under an existing item, and silences the finding about it', () => {
    const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.faster-routing.target'));
    assert.deepEqual(waiverFindings(text), []);
    assert.deepEqual(findingsOf(text, 'unmeasured-objective'), []);
  });

  it('may name a missing pillar, and then silences missing-pillar there', () => {
    const text = withWaivers(waiver('missing-pillar', 'requirements.reliability'));
    assert.deepEqual(waiverFindings(text), []);
    const result = reviewAt(text);
    assert.ok(!result.findings.some((f) => f.rule === 'missing-pillar' && f.target === 'requirements.reliability'));
    assert.ok(result.waived.some((f) => f.rule === 'missing-pillar' && f.target === 'requirements.reliability'));
  });

  it('without a target, silences its rule everywhere', () => {
    const text = withWaivers(waiver('unmeasured-objective'));
    assert.deepEqual(findingsOf(text, 'unmeasured-objective'), []);
    assert.equal(reviewAt(text).waived.length, 1);
  });

  it('with a target that is not text, silences nothing', () => {
    const text = withWaivers({ rule: 'unmeasured-objective', target: ['business'], reason: 'other' });
    assert.equal(findingsOf(text, 'unmeasured-objective').length, 1);
  });

  it('that expires today still silences', () => {
    const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.faster-routing', TODAY));
    assert.deepEqual(findingsOf(text, 'unmeasured-objective'), []);
    assert.deepEqual(waiverFindings(text), []);
  });

  it('gets no "Waive" fix on its own findings', () => {
    const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.nope', '2020-01-01'));
    const f = only(text, 'unknown-reference');
    assert.ok(!f.fixes.some((x) => x.kind === 'waive'));
  });
});

describe('a waiver naming the missing child a finding is about', () => {
  it('silences it, for each target docs/format.md gives (objective target, model_count, versioning.data, framing objective)', () => {
    const cases: Array<[RuleId, string, string]> = [
      ['unmeasured-objective', 'business.objectives.faster-routing.target', DESIGN],
      ['incomplete-framing', 'framing.classifier.objective', DESIGN.replace('    objective: Cross-entropy.\n', '')],
      ['growth-unplanned', 'requirements.scalability.model_count', `${DESIGN}requirements:\n  scalability:\n    traffic: {current: 1, expected: 2}\n    model_complexity: small\n`],
      ['unversioned', 'requirements.maintainability.versioning.data', `${DESIGN}requirements:\n  maintainability:\n    versioning: {code: git, artifacts: registry}\n`],
    ];
    for (const [rule, target, text0] of cases) {
      const text = `${text0}waivers:\n  - rule: ${rule}\n    target: ${target}\n    reason: out-of-scope\n`;
      assert.equal(findingsOf(text0, rule).length, 1, `${rule} fires without the waiver`);
      assert.deepEqual(findingsOf(text, rule), [], `${rule} waived by ${target}`);
      assert.deepEqual(waiverFindings(text), [], `the waiver on ${target} is used`);
    }
  });

  it('says a waiver of a rule that cannot be waived silences nothing for that reason', () => {
    for (const rule of ['yaml-syntax', 'expired-waiver']) {
      const [finding] = findingsOf(withWaivers(waiver(rule)), 'unused-waiver');
      assert.equal(finding.message, `\`${rule}\` findings cannot be waived: remove this waiver.`);
    }
  });
});

describe('unknown-reference on a waiver', () => {
  it('fires on a rule that does not exist, with the close rule id as fix', () => {
    const text = withWaivers(waiver('unmeasured-objectiv', 'business.objectives.faster-routing'));
    const f = only(text, 'unknown-reference');
    assert.deepEqual(f.range, range(WAIVER_LINE, 10, WAIVER_LINE, 29));
    assert.deepEqual(f.path, ['waivers', 0, 'rule']);
    assert.match(f.message, /names rule `unmeasured-objectiv`, which does not exist/);
    const result = reviewAt(applyFix(text, f, fixOfKind(f, 'replace')));
    assert.deepEqual(result.waived.map((w) => [w.rule, w.target]), [['unmeasured-objective', 'business.objectives.faster-routing']]);
  });

  it('fires on a target that names nothing, with the close key as fix', () => {
    const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.faster-routng'));
    const f = only(text, 'unknown-reference');
    assert.deepEqual(f.range, range(WAIVER_LINE + 1, 12, WAIVER_LINE + 1, 45));
    assert.deepEqual(f.path, ['waivers', 0, 'target']);
    assert.match(f.message, /target `business.objectives.faster-routng` names nothing/);
    const result = reviewAt(applyFix(text, f, fixOfKind(f, 'replace')));
    assert.deepEqual(result.waived.map((w) => [w.rule, w.target]), [['unmeasured-objective', 'business.objectives.faster-routing']]);
  });

  it('fires on a missing child that is not a key the format knows, or a missing list item', () => {
    assert.deepEqual(waiverFindings(withWaivers(waiver('missing-pillar', 'requirements.reliabilty'))), ['unknown-reference waivers.0.target']);
    assert.deepEqual(waiverFindings(withWaivers(waiver('incomplete-framing', 'framing.regressor'))), ['unknown-reference waivers.0.target']);
    assert.deepEqual(waiverFindings(withWaivers(waiver('incomplete-framing', 'framing.7'))), ['unknown-reference waivers.0.target']);
  });

  it('accepts list items by id and by index', () => {
    const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.0'));
    assert.deepEqual(waiverFindings(text), []);
    assert.deepEqual(findingsOf(text, 'unmeasured-objective'), []);
  });
});

describe('expired-waiver', () => {
  const text = withWaivers(waiver('unmeasured-objective', 'business.objectives.faster-routing', '2026-11-25'));

  it('fires on the first line of a waiver whose date has passed, and the waiver silences nothing', () => {
    const f = only(text, 'expired-waiver');
    assert.deepEqual(f.range, range(WAIVER_LINE, 4, WAIVER_LINE, 30));
    assert.deepEqual(f.path, ['waivers', 0]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /expired on 2026-11-25: fix what it waived, or set a new date/);
    assert.match(f.help, /^Today is 2026-11-26: the waiver no longer silences anything/);
    assert.deepEqual(f.fixes, []);
    assert.equal(findingsOf(text, 'unmeasured-objective').length, 1);
    assert.deepEqual(reviewAt(text).waived, []);
  });

  it('follows the review date', () => {
    assert.deepEqual(waiverFindings(text, { today: '2026-11-25' }), []);
  });

  it('cannot itself be waived', () => {
    const both = withWaivers(waiver('unmeasured-objective', 'business.objectives.faster-routing', '2026-11-25'), waiver('expired-waiver'));
    assert.deepEqual(waiverFindings(both), ['expired-waiver waivers.0', 'unused-waiver waivers.1']);
  });
});

describe('unused-waiver', () => {
  it('fires on the first line of a waiver that silences nothing', () => {
    const text = withWaivers(waiver('task-mismatch', 'framing.classifier'));
    const f = only(text, 'unused-waiver');
    assert.deepEqual(f.range, range(WAIVER_LINE, 4, WAIVER_LINE, 23));
    assert.equal(f.severity, 'info');
    assert.match(f.message, /waiver of `task-mismatch` on `framing.classifier` silences nothing/);
  });

  it('fix removes the last waiver together with `waivers:`', () => {
    const text = withWaivers(waiver('task-mismatch', 'framing.classifier'));
    const f = only(text, 'unused-waiver');
    const fixed = applyFix(text, f, fixOfKind(f, 'remove'));
    assert.equal(fixed, DESIGN);
  });

  it('fix removes the waiver\'s own comment above it, and keeps the others\' comments', () => {
    const text = `${DESIGN}waivers:\n  # accepted by the team\n  - rule: unmeasured-objective\n    target: business.objectives.faster-routing\n    reason: other\n  # stale: the task is fine now\n  - rule: task-mismatch\n    reason: other\n`;
    const f = only(text, 'unused-waiver');
    const fixed = applyFix(text, f, f.fixes[0]);
    assert.equal(fixed, `${DESIGN}waivers:\n  # accepted by the team\n  - rule: unmeasured-objective\n    target: business.objectives.faster-routing\n    reason: other\n`);
  });

  it('fix removes only its own waiver when there are others', () => {
    const used = waiver('unmeasured-objective', 'business.objectives.faster-routing');
    const text = withWaivers(waiver('task-mismatch'), used);
    const f = only(text, 'unused-waiver');
    assert.deepEqual(f.path, ['waivers', 0]);
    const fixed = applyFix(text, f, f.fixes[0]);
    const result = reviewAt(fixed);
    assert.equal(fixed, withWaivers(used));
    assert.equal(result.waived.length, 1);
  });

  it('stays quiet for a waiver of a rule this review turned off', () => {
    const text = withWaivers(waiver('task-mismatch', 'framing.classifier'));
    assert.deepEqual(review(text, { today: TODAY, rules: { 'task-mismatch': 'off' } }).findings.filter((f) => f.path[0] === 'waivers'), []);
  });
});

describe('each waiver gets at most one finding', () => {
  it('unknown-reference before expired-waiver before unused-waiver', () => {
    const text = withWaivers(
      waiver('no-such-rule', 'framing.classifier', '2020-01-01'),
      waiver('task-mismatch', 'framing.nothing', '2020-01-01'),
      waiver('task-mismatch', 'framing.classifier', '2020-01-01'),
      waiver('task-mismatch', 'framing.classifier'),
    );
    assert.deepEqual(waiverFindings(text), [
      'unknown-reference waivers.0.rule',
      'unknown-reference waivers.1.target',
      'expired-waiver waivers.2',
      'unused-waiver waivers.3',
    ]);
  });
});

describe('waiverTargets (what completion offers)', () => {
  it('names list items as the review names findings: by a unique id without a dot, else by index', () => {
    const text = `mlsystem: 1
name: routing
business:
  objectives:
    - id: same
      metric: m
    - id: same
      metric: m
    - id: v1.5
      metric: m
`;
    const result = review(text, { today: TODAY });
    const targets = waiverTargets(result.design);
    const unmeasured = result.findings.filter((f) => f.rule === 'unmeasured-objective').map((f) => f.target);
    assert.deepEqual(unmeasured, ['business.objectives.0', 'business.objectives.1', 'business.objectives.2']);
    for (const target of unmeasured) assert.ok(targets.includes(target), `${target} among ${targets.join(', ')}`);
  });
});

describe('what no waiver silences', () => {
  it('keeps a finding inside `waivers` even under a waiver of its rule', () => {
    const text = `${DESIGN}waivers:
  - rule: growth-unplanned
    reason: other
    expires: someday
  - rule: schema
    reason: other
`;
    const result = review(text, { today: TODAY });
    assert.deepEqual(result.findings.filter((f) => f.rule === 'schema').map((f) => f.target), ['waivers.0.expires']);
    assert.ok(!result.waived.some((f) => f.rule === 'schema'));
  });
});

describe('the "Waive here" fix as an editor snippet', () => {
  const text = design({ stakeholders: undefined });
  const waive = fixOfKind(only(text, 'no-stakeholders'), 'waive');
  const [edit] = waive.edits;

  it('has tab stops for the reason (one of the four), a note, an owner, and expires 90 days from today', () => {
    assert.ok(edit.snippet);
    assert.match(edit.snippet, /\n {4}reason: \$\{1\|out-of-scope,business-priorities,architecture-constraints,other\|\}\n/);
    assert.match(edit.snippet, /\n {4}note: \$\{2:[^}]+\}\n {4}owner: \$\{3:[^}]+\}\n {4}expires: \$\{4:2027-02-24\}\n/);
  });

  it('filled with its defaults, waives the finding and adds no other', () => {
    const filled = applyEdits(text, [{ range: edit.range, newText: snippetToText(edit.snippet ?? '') }]);
    const result = reviewAt(filled);
    assert.ok(result.waived.some((w) => w.rule === 'no-stakeholders'));
    assert.deepEqual(result.findings.filter((f) => f.path[0] === 'waivers' || f.rule === 'schema').map((f) => f.message), []);
  });
});
