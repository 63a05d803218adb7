/** The review runner: large designs go to the worker thread and come back the same as inline. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fixAll, review } from '../../src/engine';
import { ReviewRunner, WORKER_THRESHOLD_LINES } from '../../src/node/review-runner';
import { replyTo } from '../../src/node/review-worker';

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

describe('ReviewRunner', () => {
  const options = { today: '2026-11-26' };

  it('reviews a small design on this thread', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = design(3);
    assert.deepEqual(await runner.run(text, options), review(text, options));
    assert.equal(runner.hasWorker, false);
  });

  it('reviews a design over the threshold in the worker, with the same result', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = design(Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);
    const [a, b] = await Promise.all([runner.run(text, options), runner.run(text.replace('name: big', 'name: bigger'), options)]);
    assert.equal(runner.hasWorker, true);
    assert.deepEqual(a.findings, review(text, options).findings);
    assert.equal(a.findings.filter((f) => f.rule === 'unframed-objective').length, Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);
    assert.equal((b.design as { name: string }).name, 'bigger', 'replies go to their own request');
    runner.dispose();
  });

  it('keeps only the newest text waiting behind a running review of the same document', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = design(Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);
    const named = (name: string): string => text.replace('name: big', `name: ${name}`);
    const [first, second, third] = await Promise.all(['one', 'two', 'three'].map((n) => runner.run(named(n), options, 'file:///big.mlsystem.yaml')));
    const nameOf = (r: typeof first): string => (r.design as { name: string }).name;
    assert.equal(nameOf(first), 'one');
    assert.equal(nameOf(second), 'three', 'the text typed over was never reviewed');
    assert.equal(nameOf(third), 'three');
    // Another document is not held back by this one's queue.
    assert.equal(nameOf(await runner.run(named('other'), options, 'file:///other.mlsystem.yaml')), 'other');
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
    const text = design(Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10);
    assert.deepEqual((await runner.run(text, options)).findings, review(text, options).findings);
    runner.dispose();
  });

  it('answers a review whose lazy parts throw with an error reply, and replies in plain data', () => {
    const throwing = ((text: string) => Object.defineProperty({ ...review(text, options) }, 'outline', { enumerable: true, get: () => { throw new TypeError('broken outline'); } })) as typeof review;
    assert.deepEqual(replyTo({ id: 7, text: design(2), options }, throwing), { id: 7, error: 'broken outline' });
    const reply = replyTo({ id: 8, text: design(2), options });
    assert.ok('result' in reply);
    for (const key of ['lifecycle', 'outline'] as const) {
      assert.ok(Object.getOwnPropertyDescriptor(reply.result, key)?.get === undefined, `${key} is data, read inside the try`);
    }
    assert.doesNotThrow(() => structuredClone(reply.result));
  });

  it('keeps the worker alive through a design whose keys are named like Object.prototype members', async () => {
    const runner = new ReviewRunner(workerScript);
    const text = `${design(Math.ceil(WORKER_THRESHOLD_LINES / 4) + 10)}toString:\n  - a\nconstructor:\n  - b\n`;
    const result = await runner.run(text, options);
    assert.deepEqual(result.outline.map((n) => n.name).slice(-2), ['toString', 'constructor']);
    assert.equal(runner.hasWorker, true, 'the worker is still running');
    runner.dispose();
  });
});
