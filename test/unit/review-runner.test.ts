/** The review runner: large designs go to the worker thread and come back the same as inline; fixes and symbols are built there when asked. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fixAll, review } from '../../src/engine';
import type { ReviewOptions } from '../../src/engine';
import { readinessOf } from '../../src/features/readiness';
import { designSymbols } from '../../src/features/symbols';
import type { EditorReview } from '../../src/node/review-backend';
import { ReviewRunner, WORKER_THRESHOLD_LINES } from '../../src/node/review-runner';
import { LatestReviews, replyTo } from '../../src/node/review-worker';

const root = join(__dirname, '..', '..');
let dir = '';
let workerScript = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsystem-worker-'));
  workerScript = join(dir, 'review-worker.js');
  await build({ entryPoints: [join(root, 'src', 'node', 'review-worker.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

function design(objectives: number): string {
  const items = Array.from({ length: objectives }, (_, i) => `    - id: o${i}\n      statement: S${i}.\n      metric: m\n      target: t`).join('\n');
  return `mlsystem: 1\nname: big\nbusiness:\n  objectives:\n${items}\n`;
}

/** The findings as data, without their fixes. */
function plain<F extends object>(findings: readonly F[]): Omit<F, 'fixes'>[] {
  return findings.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'fixes')) as Omit<F, 'fixes'>);
}

/** Everything an editor host reads of a review is what the engine gives on this thread: findings, each one's fixes, symbols, readiness, lifecycle, design. */
async function assertSameAsEngine(got: EditorReview, text: string, options: ReviewOptions): Promise<void> {
  const expected = review(text, options);
  assert.deepEqual(plain(got.findings), plain(expected.findings));
  assert.deepEqual(plain(got.waived), plain(expected.waived));
  assert.deepEqual(await Promise.all(got.findings.map((f) => got.fixesOf(f))), expected.findings.map((f) => f.fixes));
  assert.deepEqual(await got.symbols(), designSymbols(text, expected.outline));
  assert.deepEqual(got.readiness, readinessOf(expected));
  assert.deepEqual(await got.previewParts(), { lifecycle: expected.lifecycle, design: expected.design });
  assert.deepEqual(got.preview, { lifecycle: expected.lifecycle, design: expected.design }, 'kept once asked for');
}

describe('ReviewRunner', () => {
  const options = { today: '2026-11-26' };
  const large = (): string => design(Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);

  it('reviews a small design on this thread', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = design(3);
    await assertSameAsEngine(await runner.run(text, options), text, options);
    assert.equal(runner.hasWorker, false);
  });

  it('reviews a design over the threshold in the worker, with the same findings, fixes, symbols and lifecycle', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = large();
    const [a, b] = await Promise.all([runner.run(text, options, 'file:///a.yaml'), runner.run(text.replace('name: big', 'name: bigger'), options, undefined, { preview: true })]);
    assert.equal(runner.hasWorker, true);
    assert.equal(a.preview, undefined, 'no lifecycle model unless wanted');
    assert.equal(a.findings.filter((f) => f.rule === 'unframed-objective').length, Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);
    assert.ok(a.findings.every((f) => !('fixes' in f)), 'the reply carries no fixes');
    await assertSameAsEngine(a, text, options);
    assert.equal((b.preview?.design as { name: string }).name, 'bigger', 'replies go to their own request, with what each wanted');
    runner.dispose();
  });

  it('answers fixes and symbols for the text reviewed, even after the document was reviewed again', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = large();
    const key = 'file:///a.yaml';
    const first = await runner.run(text, options, key);
    const edited = text.replace('id: o0\n', 'id: renamed\n');
    await runner.run(edited, options, key);
    const fix = await first.fixesOf(first.findings[0]);
    assert.deepEqual(fix, review(text, options).findings[0].fixes, 'the fixes of the older text, never of the newer one');
    assert.deepEqual(await first.fixesOf({ ...first.findings[0] }), [], 'a finding of no review here has no fixes');
    runner.forget(key);
    assert.deepEqual(await first.symbols(), designSymbols(text, review(text, options).outline), 'a forgotten review is made again when asked');
    runner.dispose();
  });

  it('keeps only the newest text waiting behind a running review of the same document', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = design(Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);
    const named = (name: string): string => text.replace('name: big', `name: ${name}`);
    const [first, second, third] = await Promise.all(['one', 'two', 'three'].map((n) => runner.run(named(n), options, 'file:///big.mlsystem.yaml', { preview: n === 'two' })));
    const nameOf = (r: typeof first): string => (r.preview?.design as { name: string }).name;
    assert.equal(first.preview, undefined);
    assert.ok(third.preview, 'what a waiting caller wanted comes with the one review they all get');
    assert.equal(((await first.previewParts()).design as { name: string }).name, 'one');
    assert.equal(nameOf(second), 'three', 'the text typed over was never reviewed');
    assert.equal(nameOf(third), 'three');
    // Another document is not held back by this one's queue.
    assert.equal(nameOf(await runner.run(named('other'), options, 'file:///other.mlsystem.yaml', { preview: true })), 'other');
    runner.dispose();
  });

  it('fixes all in a large design in the worker, with the same result as on this thread', async () => {
    const runner = new ReviewRunner(workerScript);
    // The draft example has safe fixes; comment lines make it long enough for the worker.
    const draft = readFileSync(join(root, 'examples', 'draft', 'mlsystem.yaml'), 'utf8');
    const text = `${draft}${'# notes\n'.repeat(WORKER_THRESHOLD_LINES)}`;
    const inWorker = await runner.fixAll(text, options);
    assert.equal(runner.hasWorker, true);
    assert.ok(inWorker.applied > 0);
    assert.deepEqual(inWorker, fixAll(text, options));
    const small = design(2);
    assert.deepEqual(await new ReviewRunner(join(dir, 'missing.js')).fixAll(small, options), fixAll(small, options));
    runner.dispose();
  });

  it('falls back to this thread when the worker cannot start', async () => {
    const runner = new ReviewRunner(join(dir, 'missing.js'));
    const text = large();
    await assertSameAsEngine(await runner.run(text, options, 'file:///a.yaml'), text, options);
    runner.dispose();
  });

  it('answers a review whose lazy parts throw with an error reply, and replies in plain data without building fixes or the outline', () => {
    const text = design(2);
    const throwing = ((t: string) => Object.defineProperty({ ...review(t, options) }, 'lifecycle', { enumerable: true, get: () => { throw new TypeError('broken lifecycle'); } })) as typeof review;
    assert.deepEqual(replyTo({ id: 7, text, options, wants: { preview: true } }, throwing), { id: 7, error: 'broken lifecycle' });
    const unasked = ((t: string) => {
      const result = review(t, options);
      const never = (what: string) => ({ enumerable: true, get: () => assert.fail(`${what} built for a review`) });
      return Object.defineProperty({ ...result, findings: result.findings.map((f) => Object.defineProperty({ ...f }, 'fixes', never('fixes'))) }, 'outline', never('the outline'));
    }) as typeof review;
    const reply = replyTo({ id: 8, text, options }, unasked);
    assert.ok('result' in reply);
    assert.equal(reply.result.preview, undefined, 'no lifecycle model unless wanted');
    const previewed = replyTo({ id: 12, text, options, wants: { preview: true } });
    assert.ok('result' in previewed && previewed.result.preview);
    assert.ok(Object.getOwnPropertyDescriptor(previewed.result.preview, 'lifecycle')?.get === undefined, 'the lifecycle is data, read inside the try');
    assert.deepEqual(replyTo({ id: 13, text, options, task: 'preview' }), { id: 13, preview: { lifecycle: review(text, options).lifecycle, design: review(text, options).design } });
    assert.deepEqual(reply.result.findings, plain(review(text, options).findings));
    assert.doesNotThrow(() => structuredClone(reply.result));
    assert.deepEqual(replyTo({ id: 9, text, options, task: 'fixes', finding: 0 }), { id: 9, fixes: review(text, options).findings[0].fixes });
    assert.deepEqual(replyTo({ id: 10, text, options, task: 'fixes', finding: 99 }), { id: 10, fixes: [] });
    assert.deepEqual(replyTo({ id: 11, text, options, task: 'symbols' }), { id: 11, symbols: designSymbols(text, review(text, options).outline) });
  });

  it('keeps the latest review of each document for its fixes and symbols, and reviews another text or other options again', () => {
    let runs = 0;
    const counted = ((t: string, o?: ReviewOptions) => (runs++, review(t, o))) as typeof review;
    const latest = new LatestReviews(counted);
    const text = design(2);
    replyTo({ id: 1, text, options, key: 'a' }, counted, latest);
    replyTo({ id: 2, text, options, key: 'a', task: 'fixes', finding: 0 }, counted, latest);
    replyTo({ id: 3, text, options, key: 'a', task: 'symbols' }, counted, latest);
    assert.equal(runs, 1, 'one review for the review, its fixes and its symbols');
    replyTo({ id: 4, text: design(3), options, key: 'a', task: 'fixes', finding: 0 }, counted, latest);
    replyTo({ id: 5, text: design(3), options: { today: '2027-01-01' }, key: 'a', task: 'fixes', finding: 0 }, counted, latest);
    assert.equal(runs, 3);
    latest.forget('a');
    replyTo({ id: 6, text: design(3), options: { today: '2027-01-01' }, key: 'a', task: 'symbols' }, counted, latest);
    assert.equal(runs, 4, 'a forgotten document is reviewed again');
  });

  it('keeps the worker alive through a design whose keys are named like Object.prototype members', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = `${large()}toString:\n  - a\nconstructor:\n  - b\n`;
    const result = await runner.run(text, options);
    assert.deepEqual((await result.symbols()).map((n) => n.name).slice(-2), ['toString', 'constructor']);
    assert.equal(runner.hasWorker, true, 'the worker is still running');
    runner.dispose();
  });
});
