/**
 * Designs the property tests once broke a fix on (test/property): each fix here must keep
 * the YAML valid and remove its finding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { design } from './support/design';
import { applyFix, ownFixes, reviewAt } from './support/fixes';

const HEAD = design({ name: 'x', business: { objectives: [{ id: 'a', statement: 's', metric: 'm', target: 't' }] } });

function checkEveryFix(text: string): number {
  let checked = 0;
  for (const finding of reviewAt(text).findings) {
    for (const fix of finding.fixes) {
      applyFix(text, finding, fix);
      checked++;
    }
  }
  return checked;
}

const cases: Record<string, string> = {
  'a key with an anchor before it': `${HEAD}requirements:\n  &x k: v\n`,
  'a key with a tag before it': `${HEAD}requirements:\n  !!str k: v\n`,
  'a list item with an anchor named with a dash': `${HEAD}waivers:\n  - &w-1 {rule: schema}\n`,
  'a pillar written as an empty block scalar': `${HEAD}requirements:\n  scalability:\n    |\n  maintainability: {versioning: {code: git, data: lake, artifacts: registry}}\n`,
  'requirements written as an empty list': `${HEAD}requirements:\n  []\n`,
  'a lifecycle written as an alias': `${HEAD}x-defaults: &d 1\nlifecycle:\n  *d\n`,
  'a null key and a list key in a stage': `${HEAD}lifecycle:\n  scoping: {null}\n  data_engineering: {[a, b]: 1}\n`,
  'traffic with an empty expected': `${HEAD}requirements:\n  scalability:\n    traffic: {current: 10k/day, expected: null}\n    model_complexity: small\n    model_count: one\n`,
  'an objective with a blank id': `${HEAD}    - id: ""\nframing:\n  - id: f\n    serves: [a]\n    task: regression\n    inputs: i\n    outputs: o\n    objective: mse\n    metrics:\n      - name: mae\n`,
};

describe('fixes on designs the property tests found', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      assert.ok(checkEveryFix(text) > 0, 'the design offers fixes to check');
    });
  }

  it('offers no "moves" to a blank objective id', () => {
    const metric = reviewAt(cases['an objective with a blank id']).findings.find((f) => f.rule === 'unlinked-metric');
    assert.ok(metric);
    assert.deepEqual(ownFixes(metric).map((f) => f.title), ['Add `moves: a`']);
  });
});
