/**
 * The rules of the additions: no-baseline, unlabelled, label-delay, manual-at-scale,
 * no-rollout, unowned-stage and unverified-link. Each fires where it should, on the exact
 * node, stays quiet where it should not, and its fix leaves a design without it; the
 * contradictions are found whether written as blocks, flow mappings or prose.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkWaiveFix, findingAt, findingsOf, ownFixes, range, reviewAt } from './support/fixes';

/** Lines 0-5: the schema's required keys and one objective. */
const HEAD = 'mlsystem: 1\nname: t\nbusiness:\n  objectives:\n    - id: faster\n    - id: cheaper\n';

const rulesOf = (text: string): string[] => reviewAt(text).findings.map((f) => f.rule);

describe('no-baseline', () => {
  const text = `${HEAD}framing:\n  - id: router\n    task: ranking\n  - {id: flagger, baseline: Rules.}\n`;

  it('fires on the first line of a framing without a baseline, and not on one with it', () => {
    const f = findingAt(text, 'no-baseline', ['framing', 0, 'baseline']);
    assert.deepEqual(f.range, range(7, 4, 7, 14));
    assert.equal(f.target, 'framing.router.baseline');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Framing `router` has no `baseline`: say what the model must beat\.$/);
    assert.equal(findingsOf(text, 'no-baseline').length, 1);
  });

  it('counts an empty baseline as none, and a placeholder as one written', () => {
    assert.equal(findingsOf(`${HEAD}framing:\n  - {id: a, baseline: ''}\n  - id: b\n    baseline:\n`, 'no-baseline').length, 2);
    assert.deepEqual(findingsOf(`${HEAD}framing:\n  - {id: a, baseline: TODO}\n`, 'no-baseline'), []);
  });

  it('inserts a baseline to answer, in block and flow framings; the waiver target is the baseline', () => {
    const fixed = applyFix(text, findingAt(text, 'no-baseline', ['framing', 0, 'baseline']));
    assert.match(fixed, /    task: ranking\n    baseline: "?TODO: what must the model beat/);
    assert.deepEqual(reviewAt(fixed).findings.filter((f) => f.rule === 'unanswered').map((f) => f.target), ['framing.router.baseline']);
    const flow = `${HEAD}framing:\n  - {id: router, task: ranking}\n`;
    assert.match(applyFix(flow, findingAt(flow, 'no-baseline', ['framing', 0, 'baseline'])), /\{id: router, task: ranking, baseline: "TODO: /);
    const waived = checkWaiveFix(text, findingAt(text, 'no-baseline', ['framing', 0, 'baseline']));
    assert.match(waived, /target: framing\.router\.baseline/);
  });
});

describe('unlabelled', () => {
  const framing = 'framing:\n  - id: router\n    task: multiclass-classification\n  - id: scorer\n    task: regression\n  - id: groups\n    task: clustering\n';

  it('fires once, naming the framings that learn from labels, on the first key when there is no data section', () => {
    const text = HEAD + framing;
    const [f, ...rest] = findingsOf(text, 'unlabelled');
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, range(0, 0, 0, 8));
    assert.equal(f.target, 'data.labels');
    assert.match(f.message, /^Framings `router` and `scorer` learn from labels of unknown source: add `data.labels`\.$/);
  });

  it('fires on the data key when data has no labels, empty labels, or labels without a source', () => {
    for (const data of ['data:\n  privacy: EU only.\n', 'data:\n  labels:\n', 'data:\n  labels: {}\n', 'data:\n  labels: {delay: 3d}\n', 'data:\n']) {
      const f = findingAt(HEAD + framing + data, 'unlabelled', ['data', 'labels']);
      assert.deepEqual(f.range, range(13, 0, 13, 4), data);
    }
  });

  it('is quiet with a label source (a placeholder too), labels as prose, or no task that learns from labels', () => {
    for (const data of ['data:\n  labels: {source: tickets}\n', 'data:\n  labels: From the ticketing system.\n', 'data:\n  labels: {source: <who labels?>}\n']) {
      assert.deepEqual(findingsOf(HEAD + framing + data, 'unlabelled'), [], data);
    }
    assert.deepEqual(findingsOf(`${HEAD}framing:\n  - {id: g, task: clustering}\n  - {id: h, task: generation}\n  - {id: i}\n`, 'unlabelled'), []);
    assert.deepEqual(findingsOf(`${HEAD}framing:\n  - {id: g, task: TODO}\n`, 'unlabelled'), [], 'a placeholder task is a schema error only');
  });

  it('inserts data.labels with placeholders: a new section, into data (in the format\'s order), or the missing source', () => {
    for (const [data, expected] of [
      ['', /\ndata:\n  labels:\n    source: "TODO: where does the true outcome/],
      ['data:\n  privacy: EU only.\n', /\ndata:\n  labels:\n    source: "TODO: [^\n]*\n    delay: "TODO: [^\n]*\n  privacy: EU only.\n/],
      ['data:\n  sources: [{name: tickets}]\n  privacy: EU only.\n', /\ndata:\n  sources: \[\{name: tickets\}\]\n  labels:\n    source: "TODO: [^\n]*\n    delay: "TODO: [^\n]*\n  privacy: EU only.\n/],
      ['data:\n  labels:\n', /\ndata:\n  labels:\n    source: "TODO: [^\n]*\n    delay: "TODO: /],
      ['data:\n  labels: {delay: 3d}\n', /labels: \{delay: 3d, source: "TODO: [^"]*"\}/],
    ] as const) {
      const text = HEAD + framing + data;
      const fixed = applyFix(text, findingAt(text, 'unlabelled', ['data', 'labels']));
      assert.match(fixed, expected);
    }
  });

  it('can be waived on data.labels before the data section exists', () => {
    const waived = checkWaiveFix(HEAD + framing, findingAt(HEAD + framing, 'unlabelled', ['data', 'labels']));
    assert.match(waived, /- rule: unlabelled\n    target: data\.labels\n/);
  });
});

describe('label-delay', () => {
  const design = (labels: string, retraining: string): string => `${HEAD}data:\n${labels}requirements:\n  adaptability:\n${retraining}`;

  it('fires on the delay value when labels arrive later than the model is retrained (block)', () => {
    const text = design('  labels:\n    source: chargebacks\n    delay: 2 months\n', '    retraining:\n      cadence: weekly\n      automated: true\n');
    const f = findingAt(text, 'label-delay', ['data', 'labels', 'delay']);
    assert.deepEqual(f.range, range(9, 11, 9, 19));
    assert.equal(f.severity, 'warning');
    assert.match(f.help, /^Labels arrive 60\.9 days after a prediction \(`2 months`\), but the model is retrained every 7 days \(`weekly`\)/);
    assert.deepEqual(f.related?.map((r) => r.range), [range(13, 15, 13, 21)]);
    assert.deepEqual(ruleFixes(f), []);
    assert.match(checkWaiveFix(text, f), /target: data\.labels\.delay/);
  });

  it('fires in flow mappings and with ISO 8601 or compact units', () => {
    const text = design('  labels: {source: chargebacks, delay: P2W}\n', '    retraining: {cadence: 3d}\n');
    assert.deepEqual(findingAt(text, 'label-delay', ['data', 'labels', 'delay']).range, range(7, 39, 7, 42));
    assert.equal(findingsOf(design('  labels: {delay: 36h}\n', '    retraining: {cadence: daily}\n'), 'label-delay').length, 1);
  });

  it('fires on durations written as prose words', () => {
    const text = design('  labels:\n    delay: 3 Weeks\n', '    retraining:\n      cadence: 1.5 weeks\n');
    assert.equal(findingsOf(text, 'label-delay').length, 1);
  });

  it('is quiet when the delay is not longer, or either side is not a duration', () => {
    for (const [labels, retraining] of [
      ['  labels: {delay: 1w}\n', '    retraining: {cadence: weekly}\n'],
      ['  labels: {delay: 3d}\n', '    retraining: {cadence: P1M}\n'],
      ['  labels: {delay: about two weeks}\n', '    retraining: {cadence: daily}\n'],
      ['  labels: {delay: 2 months}\n', '    retraining: Weekly, or when accuracy drops.\n'],
      ['  labels: {delay: 2 months}\n', '    retraining: {cadence: "TODO: how often?"}\n'],
      ['  labels: {delay: "TBD"}\n', '    retraining: {cadence: daily}\n'],
      ['  labels: {delay: 30}\n', '    retraining: {cadence: daily}\n'],
      ['  labels: Chargebacks, 2 months later.\n', '    retraining: {cadence: daily}\n'],
    ]) {
      assert.deepEqual(findingsOf(design(labels, retraining), 'label-delay'), [], labels + retraining);
    }
    assert.deepEqual(findingsOf(`${HEAD}data:\n  labels: {delay: 2 months}\nrequirements:\n  adaptability: Retrained daily.\n`, 'label-delay'), []);
  });
});

/** The titles of a finding's own fixes (the waive fix aside). */
function ruleFixes(f: Parameters<typeof ownFixes>[0]): string[] {
  return ownFixes(f).map((x) => x.title);
}

describe('manual-at-scale', () => {
  const design = (count: string, retraining: string): string => `${HEAD}requirements:\n  scalability:\n    model_count: ${count}\n  adaptability:\n    retraining: ${retraining}\n`;

  it('fires on expected when model_count is a mapping (flow) and retraining a mapping without automated: true', () => {
    const text = design('{current: 1, expected: one per customer}', '{cadence: weekly}');
    const f = findingAt(text, 'manual-at-scale', ['requirements', 'scalability', 'model_count', 'expected']);
    assert.deepEqual(f.range, range(8, 40, 8, 56));
    assert.equal(f.target, 'requirements.scalability.model_count.expected');
    assert.deepEqual(f.related?.map((r) => r.range), [range(10, 16, 10, 33)]);
    assert.deepEqual(ruleFixes(f), []);
    assert.match(checkWaiveFix(text, f), /target: requirements\.scalability\.model_count\.expected/);
  });

  it('fires on the whole value in block and prose forms, and is silenced by a waiver on model_count', () => {
    const block = `${HEAD}requirements:\n  scalability:\n    model_count:\n      current: 1\n      expected: 40\n  adaptability:\n    retraining:\n      cadence: weekly\n      automated: false\n`;
    assert.deepEqual(findingAt(block, 'manual-at-scale', ['requirements', 'scalability', 'model_count', 'expected']).range, range(10, 16, 10, 18));
    const prose = design('One model now; one per enterprise customer later.', 'Retrained by hand when support complains.');
    assert.deepEqual(findingAt(prose, 'manual-at-scale', ['requirements', 'scalability', 'model_count']).range, range(8, 17, 8, 66));
    const waiver = 'waivers:\n  - {rule: manual-at-scale, target: requirements.scalability.model_count, reason: other}\n';
    const result = reviewAt(prose + waiver);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'manual-at-scale' || f.path[0] === 'waivers'), []);
    assert.equal(result.waived.filter((f) => f.rule === 'manual-at-scale').length, 1);
  });

  it('reads "more than one model" as the format says', () => {
    for (const count of ['12', '"1,000 models"', 'dozens', 'Hundreds, one per region', 'Each customer gets one', 'many', '2.5', '"1-10"']) {
      assert.equal(findingsOf(design(count, 'Manually, each quarter.'), 'manual-at-scale').length, 1, count);
    }
    for (const count of ['1', 'One.', 'one model', 'a single model', '0', '"1.0"', '"TODO: how many per customer?"', '{current: 40}', '{current: 1, expected: "TBD"}', 'Perhaps one']) {
      assert.deepEqual(findingsOf(design(count, 'Manually, each quarter.'), 'manual-at-scale'), [], count);
    }
  });

  it('is quiet when retraining is automated, not said to be by hand, absent, a placeholder, or the pillar is prose', () => {
    for (const retraining of ['{cadence: weekly, automated: true}', 'Weekly, by the training pipeline.', 'Handled by the platform.', '"TODO: by hand?"', '{}', '', '{automated: TBD}']) {
      assert.deepEqual(findingsOf(design('one per customer', retraining), 'manual-at-scale'), [], retraining);
    }
    assert.deepEqual(findingsOf(`${HEAD}requirements:\n  scalability:\n    model_count: one per customer\n  adaptability: We retrain by hand.\n`, 'manual-at-scale'), []);
    assert.deepEqual(findingsOf(`${HEAD}requirements:\n  scalability: One model per customer.\n  adaptability:\n    retraining: By hand.\n`, 'manual-at-scale'), []);
  });

  it('is quiet when `automated` is of the wrong type: the schema error is the one problem', () => {
    for (const automated of ['"true"', 'yes please', '1', '[true]']) {
      const text = design('one per customer', `{cadence: weekly, automated: ${automated}}`);
      assert.deepEqual(rulesOf(text).filter((r) => r === 'schema' || r === 'manual-at-scale'), ['schema'], automated);
    }
  });
});

describe('no-rollout', () => {
  const text = `${HEAD}requirements:\n  adaptability:\n    monitoring: Drift.\n    retraining: Weekly.\n`;

  it('fires on the adaptability key when a mapping with content has no rollout', () => {
    const f = findingAt(text, 'no-rollout', ['requirements', 'adaptability', 'rollout']);
    assert.deepEqual(f.range, range(7, 2, 7, 14));
    assert.equal(f.target, 'requirements.adaptability.rollout');
    assert.deepEqual(findingAt(`${HEAD}requirements:\n  adaptability:\n    monitoring: Drift.\n    rollout:\n`, 'no-rollout', ['requirements', 'adaptability', 'rollout']).range, range(7, 2, 7, 14));
  });

  it('is quiet with a rollout (a placeholder too), a prose, empty or missing pillar', () => {
    for (const adaptability of ['\n    monitoring: Drift.\n    rollout: Canary.\n', '\n    rollout: "???"\n', ' Prose about change.\n', '\n', ' {notes: later}\n', ' {}\n']) {
      assert.deepEqual(findingsOf(`${HEAD}requirements:\n  adaptability:${adaptability}`, 'no-rollout'), [], adaptability);
    }
    assert.deepEqual(findingsOf(HEAD, 'no-rollout'), []);
  });

  it('inserts rollout to answer, and can be waived on its path', () => {
    const fixed = applyFix(text, findingAt(text, 'no-rollout', ['requirements', 'adaptability', 'rollout']));
    assert.match(fixed, /    retraining: Weekly\.\n    rollout: "TODO: how does a new model reach production safely\?"\n$/);
    assert.match(checkWaiveFix(text, findingAt(text, 'no-rollout', ['requirements', 'adaptability', 'rollout'])), /target: requirements\.adaptability\.rollout/);
  });
});

describe('unowned-stage', () => {
  const lifecycle = `lifecycle:
  scoping: {status: in-progress}
  data_engineering:
    status: blocked
    owner: ''
  model_development: {status: done}
  deployment: {status: done}
  monitoring: {status: in-progress, owner: TBD}
  business_analysis: {status: planned}
`;

  it('fires on the key of each stage under way or blocked with no owner', () => {
    const text = HEAD + lifecycle;
    assert.deepEqual(findingsOf(text, 'unowned-stage').map((f) => [f.target, f.range]), [
      ['lifecycle.scoping.owner', range(7, 2, 7, 9)],
      ['lifecycle.data_engineering.owner', range(8, 2, 8, 18)],
    ]);
    assert.match(findingsOf(text, 'unowned-stage')[1].message, /^The data engineering stage is blocked but has no `owner`/);
  });

  it('fires for deployment and monitoring in production only while maintainability names nobody on call', () => {
    const noOnCall = `${HEAD}requirements:\n  maintainability:\n    ownership: ml-platform owns everything.\n${lifecycle}`;
    assert.deepEqual(findingsOf(noOnCall, 'unowned-stage').map((f) => f.target), ['lifecycle.scoping.owner', 'lifecycle.data_engineering.owner', 'lifecycle.deployment.owner']);
    const emptyOnCall = noOnCall.replace('    ownership:', "    on_call: ''\n    ownership:");
    assert.ok(findingsOf(emptyOnCall, 'unowned-stage').some((f) => f.target === 'lifecycle.deployment.owner'));
    for (const maintainability of ['  maintainability:\n    on_call: support-tools\n', '  maintainability:\n    on_call: <who is paged?>\n', '  maintainability: Support-tools runs it and is paged.\n']) {
      const text = `${HEAD}requirements:\n${maintainability}${lifecycle}`;
      assert.deepEqual(findingsOf(text, 'unowned-stage').map((f) => f.target), ['lifecycle.scoping.owner', 'lifecycle.data_engineering.owner'], maintainability);
    }
  });

  it('is quiet for planned, skipped and done stages other than deployment and monitoring, and for a stage with no status', () => {
    assert.deepEqual(findingsOf(`${HEAD}lifecycle:\n  scoping: {status: done}\n  data_engineering: {status: skipped}\n  model_development: {status: planned}\n  business_analysis: {notes: x}\n`, 'unowned-stage'), []);
  });

  it('adds an owner to answer, in flow and block stages; the waiver target is the owner', () => {
    const text = HEAD + lifecycle;
    const [flow, block] = findingsOf(text, 'unowned-stage');
    assert.match(applyFix(text, flow), /  scoping: \{status: in-progress, owner: "TODO: who owns this stage\?"\}\n/);
    assert.match(applyFix(text, block), /    status: blocked\n    owner: "TODO: who owns this stage\?"\n/);
    assert.match(checkWaiveFix(text, flow), /target: lifecycle\.scoping\.owner/);
  });
});

describe('unverified-link', () => {
  const framing = 'framing:\n  - id: router\n    serves: [faster, cheaper]\n    metrics:\n      - {name: accuracy, moves: faster}\n      - {name: cost per request, moves: cheaper}\n';

  it('fires once on the first key when nothing online is planned, naming the objectives, with a skeleton fix', () => {
    const text = HEAD + framing;
    const [f, ...rest] = findingsOf(text, 'unverified-link');
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, range(0, 0, 0, 8));
    assert.equal(f.target, 'evaluation.online');
    assert.match(f.message, /^ML metrics move objectives `faster` and `cheaper`, but nothing online checks it: plan an experiment\.$/);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\nevaluation:\n  online:\n    measures:\n      - faster\n      - cheaper\n    guardrails:\n      - "TODO: /);
    assert.deepEqual(reviewAt(fixed).findings.filter((x) => x.rule === 'unanswered').map((x) => x.target), ['evaluation.online.guardrails.0', 'evaluation.online.notes']);
    assert.match(checkWaiveFix(text, f), /target: evaluation\.online/);
  });

  it('fires on the evaluation key when online is empty or its method is none (no fix for none)', () => {
    const empty = `${HEAD}${framing}evaluation:\n  offline: Holdout.\n`;
    const f = findingAt(empty, 'unverified-link', ['evaluation', 'online']);
    assert.deepEqual(f.range, range(12, 0, 12, 10));
    assert.match(applyFix(empty, f), /  offline: Holdout\.\n  online:\n    measures:/);
    const none = `${HEAD}${framing}evaluation:\n  online: {method: none}\n`;
    const g = findingAt(none, 'unverified-link', ['evaluation', 'online']);
    assert.match(g.message, /the online method is `none`/);
    assert.deepEqual(ruleFixes(g), []);
  });

  it('fires on the online key when it is a mapping without measures, and adds them', () => {
    const text = `${HEAD}${framing}evaluation:\n  online:\n    method: a-b-test\n`;
    const f = findingAt(text, 'unverified-link', ['evaluation', 'online', 'measures']);
    assert.deepEqual(f.range, range(13, 2, 13, 8));
    assert.match(applyFix(text, f), /    method: a-b-test\n    measures:\n      - faster\n      - cheaper\n$/);
  });

  it('fires on the measures value for each objective left out, in list, flow and single-id forms', () => {
    const list = `${HEAD}${framing}evaluation:\n  online:\n    method: shadow\n    measures:\n      - faster\n`;
    const f = findingAt(list, 'unverified-link', ['evaluation', 'online', 'measures']);
    assert.deepEqual(f.range, range(16, 6, 17, 0));
    assert.match(f.message, /^The online evaluation does not measure objective `cheaper`: add it to `measures`\.$/);
    assert.match(applyFix(list, f), /      - faster\n      - cheaper\n$/);
    const single = `${HEAD}${framing}evaluation:\n  online: {method: canary, measures: faster}\n`;
    const g = findingAt(single, 'unverified-link', ['evaluation', 'online', 'measures']);
    assert.deepEqual(g.range, range(13, 37, 13, 43));
    assert.match(applyFix(single, g), /measures: \[ faster, cheaper \]\}|measures: \[faster, cheaper\]\}/);
    const neither = `${HEAD}${framing}evaluation:\n  online: {method: canary, measures: []}\n`;
    assert.equal(findingsOf(neither, 'unverified-link').length, 1, 'an empty list is no measures');
    const other = `${HEAD}${framing}evaluation:\n  online: {method: canary, measures: [other]}\n`;
    assert.deepEqual(findingsOf(other, 'unverified-link').map((x) => x.message.match(/objective `(\w+)`/)?.[1]), ['faster', 'cheaper']);
  });

  it('is quiet when every moved objective is measured, online is prose, measures holds a placeholder, or nothing is moved', () => {
    for (const evaluation of [
      'evaluation:\n  online: {method: a-b-test, measures: [cheaper, faster]}\n',
      'evaluation:\n  online: {measures: [faster, cheaper]}\n',
      'evaluation:\n  online: Half of the requests go to the model for a month.\n',
      'evaluation:\n  online: {method: a-b-test, measures: [faster, "TODO: which else?"]}\n',
      'evaluation:\n  online: {method: a-b-test, measures: <objective ids>}\n',
    ]) {
      assert.deepEqual(findingsOf(HEAD + framing + evaluation, 'unverified-link'), [], evaluation);
    }
    assert.deepEqual(findingsOf(`${HEAD}framing:\n  - id: r\n    metrics:\n      - {name: a, moves: nowhere}\n      - {name: b, moves: TODO}\n      - {name: c}\n`, 'unverified-link'), []);
  });

  it('an unknown id in measures is unknown-reference, with a fix to the close objective', () => {
    const text = `${HEAD}${framing}evaluation:\n  online: {method: a-b-test, measures: [faster, cheapr]}\n`;
    const f = findingAt(text, 'unknown-reference', ['evaluation', 'online', 'measures', 1]);
    assert.deepEqual(f.range, range(13, 48, 13, 54));
    assert.match(f.message, /^The online evaluation measures unknown objective `cheapr`: use an existing id\.$/);
    assert.deepEqual(ruleFixes(f), ['Replace with `cheaper`']);
    assert.ok(!rulesOf(applyFix(text, f)).includes('unknown-reference'));
    const single = `${HEAD}${framing}evaluation:\n  online: {measures: fastr}\n`;
    assert.equal(findingsOf(single, 'unknown-reference').length, 1);
    assert.deepEqual(findingsOf(`${HEAD}${framing}evaluation:\n  online: {measures: [faster, cheaper, "TBD"]}\n`, 'unknown-reference'), []);
  });
});
