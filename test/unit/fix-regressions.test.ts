/**
 * Designs the property tests once broke a fix on (test/property): each fix here must keep
 * the YAML valid and remove its finding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { design } from './support/design';
import { applyEdits, review } from '../../src/engine';
import { applyFix, ownFixes, reviewAt, TODAY } from './support/fixes';

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

  it('offers no framing skeleton that would serve a blank objective id', () => {
    const unframed = reviewAt(`${HEAD}    - id: ""\n`).findings.filter((f) => f.rule === 'unframed-objective');
    assert.ok(unframed.some((f) => f.target === 'business.objectives.1'), 'the blank id is reported');
    for (const f of unframed.filter((x) => x.target === 'business.objectives.1')) assert.deepEqual(ownFixes(f), []);
  });

  it('offers no "moves" to a blank objective id', () => {
    const metric = reviewAt(cases['an objective with a blank id']).findings.find((f) => f.rule === 'unlinked-metric');
    assert.ok(metric);
    assert.deepEqual(ownFixes(metric).map((f) => f.title), ['Add `moves: a`']);
  });
});

const unusual: Record<string, string> = {
  'a flow mapping with a trailing comma': `${HEAD}lifecycle: {scoping: {status: done}, }\n`,
  'a flow list with a trailing comma': `${HEAD}waivers: [{rule: schema, target: name}, ]\n`,
  'a root mapping whose first key is a flow collection': `[flow]: block\n${HEAD}`,
  'a root mapping whose first key is explicit': `? a\n: 1\n${HEAD}`,
  'an objective whose first key is explicit': 'mlsystem: 1\nname: x\nbusiness:\n  objectives:\n    - ? x\n      : 1\n      id: a\n',
  'a text that starts with a byte-order mark': `\ufeff${HEAD}`,
};

/** Designs npm run fuzz broke a fix on: each fix there must work, or none be offered. */
const offeredOrNot: Record<string, string> = {
  'a flow mapping holding an explicit key with no value': '{\n? explicit: entry,\nimplicit: entry,\n?\n}\n',
  'an explicit key that is a block mapping': '? a: 1.3\n\nfifteen: d\n',
  'a bare explicit key (`?` alone) last in the root mapping': '? a\n?\n',
  'a first key indented differently from the next, after a BOM': "\ufeff single: 'text'\ndouble: \"text\"\n",
  // The parser reads a key after `b` as part of it: no fix is offered on such a text.
  'a comment line starting with a tab before a plain value': 'extends:\n  - ../policy.yaml\noverrides:\n\t# a comment\n  multiclass\n  more',
  // The empty key after the flow sequence sits at column 2: an insert there nested under it.
  'an empty key after a flow sequence, at another column': "'implicit block key' : [\n  'iey' : value,\n ]: \n",
  'an explicit key with a value that is a mapping, then another value': '? &a a\n: &b b:\n: *a\n',
  'a flow mapping as a key, then an empty key with a block value': '{ first: Sammy, last: Sosa }:\n# Statistics...\n:\n  hr:  # Home runs\n     65\n  avg: # Average\n   0.278\n',
};

/** Designs npm run fuzz broke a fix on, whose fixes must each work. */
const fuzzed: Record<string, string> = {
  // The parser puts the mapping at column 0 after the mark: an insert indented like the key nested under it.
  'a lone key indented after a BOM, with no line break': '\ufeff mlsystem:      ',
  // An anchor named with a U+FEFF in it, which JavaScript's \s counts as white space.
  'a key with an anchor holding a U+FEFF, after a BOM': '\ufeff&a\ufeff a:',
  'an explicit empty key with an anchor': '? &a',
  // A BOM after a blank line is still the stream's: the mapping is at column 0.
  'a flow key after a blank line and a BOM': '\n\ufeff[flow]: block',
  'a key indented after a blank line and a BOM': '\n\ufeff  scoping: {status: done}\n',
};

describe('fixes on designs npm run fuzz found: each works', () => {
  for (const [name, text] of Object.entries(fuzzed)) {
    it(name, () => {
      assert.ok(checkEveryFix(text) > 0, 'the design offers fixes to check');
    });
  }
});

describe('fixes on syntax npm run fuzz found: each offered works', () => {
  for (const [name, text] of Object.entries(offeredOrNot)) {
    it(name, () => {
      for (const finding of reviewAt(text).findings) for (const fix of finding.fixes) applyFix(text, finding, fix);
    });
  }
});

describe('fixes on tagged collections: none that the tag forbids', () => {
  it('inserts nothing into a !!set, which holds keys only', () => {
    const text = '--- !!set\n? mlsystem\n? name\n';
    const fixes = review(text, { today: TODAY }).findings.flatMap((f) => f.fixes);
    for (const fix of fixes) assert.deepEqual(review(applyEdits(text, fix.edits), { today: TODAY }).findings.filter((f) => f.rule === 'yaml-syntax'), [], fix.title);
  });
});

describe('fixes on unusual syntax: each works', () => {
  for (const [name, text] of Object.entries(unusual)) {
    it(name, () => {
      assert.ok(checkEveryFix(text) > 0, 'the design offers fixes to check');
    });
  }

  it('inserts top-level keys at column 0 after a byte-order mark', () => {
    const pillar = review(unusual['a text that starts with a byte-order mark'], { today: TODAY }).findings.find((f) => f.rule === 'missing-pillar');
    assert.match(pillar?.fixes[0].edits[0].newText ?? '', /^requirements:\n {2}reliability:/);
  });

  it('offers no fix on a text with carriage returns alone as line breaks (its lines cannot be placed)', () => {
    const text = `${HEAD}lifecycle:\n  deployment: {status: done}\n`.replace(/\n/g, '\r');
    const withCrLf = text.replace(/\r/g, '\r\n');
    assert.ok(review(withCrLf, { today: TODAY }).findings.some((f) => f.fixes.length), 'with CRLF the same design offers fixes');
    assert.deepEqual(review(text, { today: TODAY }).findings.flatMap((f) => f.fixes), []);
    assert.deepEqual(review(`${HEAD}name2: x\r\nmore: y\r`, { today: TODAY }).findings.flatMap((f) => f.fixes), []);
  });

  it('writes flow inserts in the document\'s own spacing: {status: planned} or { status: planned }', () => {
    const insert = (lifecycle: string): string => {
      const stage = review(`${HEAD}lifecycle: ${lifecycle}\n`, { today: TODAY }).findings.find((f) => f.rule === 'missing-stage');
      return stage?.fixes[0].edits[0].newText ?? '';
    };
    assert.equal(insert('{scoping: {status: done}}'), ', data_engineering: {status: planned}');
    assert.equal(insert('{ scoping: { status: done } }'), ', data_engineering: { status: planned }');
  });
});


describe('fixes write what is missing in the format\'s order', () => {
  /** The top-level keys of `text`, in order. */
  const sections = (text: string): string[] => text.split('\n').filter((l) => /^[a-z_-]+:/.test(l)).map((l) => l.split(':')[0]);
  const framing = 'framing:\n  - id: f\n    serves: a\n    task: regression\n    inputs: i\n    outputs: o\n    objective: mse\n    metrics:\n      - {name: mae, moves: a}\n    baseline: rules\n';
  const text = `${HEAD}${framing}lifecycle:\n  scoping: {status: done}\n\n# Team notes\nx-notes: kept last\n`;

  it('a missing section goes between the sections around it, not at the end of the file', () => {
    const fixed = (rule: string): string => {
      const finding = reviewAt(text).findings.find((f) => f.rule === rule);
      assert.ok(finding, rule);
      return applyFix(text, finding);
    };
    assert.deepEqual(sections(fixed('no-stakeholders')), ['mlsystem', 'name', 'stakeholders', 'business', 'framing', 'lifecycle', 'x-notes']);
    assert.deepEqual(sections(fixed('missing-pillar')), ['mlsystem', 'name', 'business', 'framing', 'requirements', 'lifecycle', 'x-notes']);
    assert.deepEqual(sections(fixed('unlabelled')), ['mlsystem', 'name', 'business', 'framing', 'data', 'lifecycle', 'x-notes']);
    assert.deepEqual(sections(fixed('unverified-link')), ['mlsystem', 'name', 'business', 'framing', 'evaluation', 'lifecycle', 'x-notes']);
    // A section's comment stays with it: the insert comes before the blank line and `# Team notes`.
    assert.match(fixed('missing-pillar'), /\n {6}- \{name: mae, moves: a\}\n {4}baseline: rules\nrequirements:\n/);
    // The last section of the format after everything the format knows, and what follows it.
    const waived = reviewAt(text).findings.find((f) => f.rule === 'missing-pillar');
    assert.deepEqual(sections(applyEdits(text, waived!.fixes.find((f) => f.kind === 'waive')!.edits)), ['mlsystem', 'name', 'business', 'framing', 'lifecycle', 'x-notes', 'waivers']);
  });

  it('a missing stage goes between the stages around it; a first one before them', () => {
    const lifecycle = `${HEAD}lifecycle:\n  data_engineering: {status: done}\n  deployment: {status: planned}\n`;
    const stage = (id: string): string => applyFix(lifecycle, reviewAt(lifecycle).findings.find((f) => f.rule === 'missing-stage' && f.path[1] === id)!);
    assert.match(stage('scoping'), /\nlifecycle:\n {2}scoping:\n {4}status: planned\n {2}data_engineering:/);
    assert.match(stage('model_development'), /\n {2}data_engineering: \{status: done\}\n {2}model_development:\n {4}status: planned\n {2}deployment:/);
  });
});
