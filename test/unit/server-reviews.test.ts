/** The language server's reviews: debounced per document, one per version, stale ones dropped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, review } from '../../src/engine';
import type { FixAllResult, ReviewOptions } from '../../src/engine';
import { editorReviewOf } from '../../src/node/review-backend';
import type { EditorReview } from '../../src/node/review-backend';
import { DocumentReviews } from '../../src/server/reviews';
import type { DocumentState, Reviewed } from '../../src/server/reviews';

/** A backend whose reviews finish when the test says so. */
class HeldBackend {
  readonly calls: { text: string; key: string | undefined; finish: () => void }[] = [];
  run(text: string, options: ReviewOptions, key?: string): Promise<EditorReview> {
    return new Promise((resolve) => this.calls.push({ text, key, finish: () => resolve(editorReviewOf(text, review(text, options))) }));
  }

  fixAll(text: string, options: ReviewOptions): Promise<FixAllResult> {
    return Promise.resolve(fixAll(text, options));
  }
}

function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => (check() ? resolve() : Date.now() - started > ms ? reject(new Error(`timed out: ${what}`)) : void setTimeout(tick, 2));
    tick();
  });
}

function setUp(delayMs = 5) {
  const open = new Map<string, DocumentState>();
  const published: Reviewed[] = [];
  const backend = new HeldBackend();
  const reviews = new DocumentReviews(backend, { current: (uri) => open.get(uri), options: () => ({ today: '2026-11-26' }), reviewed: (r) => void published.push(r) }, delayMs);
  const edit = (uri: string, version: number, text: string): DocumentState => {
    const state = { uri, version, getText: () => text };
    open.set(uri, state);
    return state;
  };
  return { open, published, backend, reviews, edit };
}

describe('language server reviews', () => {
  it('debounces per document: a burst of edits is reviewed once, at its last text; another document on its own', async () => {
    const { backend, reviews, edit, published } = setUp();
    for (let v = 1; v <= 5; v++) {
      edit('a', v, `mlsystem: 1\nname: a${v}\n`);
      reviews.schedule('a');
    }
    edit('b', 1, 'mlsystem: 1\nname: b\n');
    reviews.schedule('b');
    await until('both reviews started', () => backend.calls.length === 2);
    assert.deepEqual(backend.calls.map((c) => [c.key, c.text]), [['a', 'mlsystem: 1\nname: a5\n'], ['b', 'mlsystem: 1\nname: b\n']]);
    backend.calls.forEach((c) => c.finish());
    await until('both published', () => published.length === 2);
    assert.deepEqual(published.map((p) => [p.uri, p.version]), [['a', 5], ['b', 1]]);
    reviews.dispose();
  });

  it('drops a review whose document changed while it ran, and shares one review per version', async () => {
    const { backend, reviews, edit, published } = setUp();
    const v1 = edit('a', 1, 'mlsystem: 1\n');
    const first = reviews.review(v1);
    assert.equal(reviews.review(v1), first, 'the same version waits on the same review');
    assert.equal(backend.calls.length, 1);
    edit('a', 2, 'mlsystem: 1\nname: x\n');
    backend.calls[0].finish();
    assert.equal(await first, undefined, 'stale: never answered with');
    assert.deepEqual(published, [], 'stale: never published');
    const v2 = reviews.review(edit('a', 2, 'mlsystem: 1\nname: x\n'));
    backend.calls[1].finish();
    assert.equal((await v2)?.version, 2);
    assert.equal(reviews.reviewOf('a', 2)?.version, 2);
    assert.equal(reviews.reviewOf('a', 1), undefined);
    reviews.dispose();
  });

  it('reviews again after the configuration changed, even the same version', async () => {
    const { backend, reviews, edit } = setUp();
    const v1 = edit('a', 1, 'mlsystem: 1\n');
    const first = reviews.review(v1);
    backend.calls[0].finish();
    await first;
    assert.ok(reviews.reviewOf('a', 1));
    reviews.invalidate();
    assert.equal(reviews.reviewOf('a', 1), undefined);
    const again = reviews.review(v1);
    assert.equal(backend.calls.length, 2);
    backend.calls[1].finish();
    assert.equal((await again)?.version, 1);
    reviews.dispose();
  });

  it('forgets a closed document: its running review is not published', async () => {
    const { backend, reviews, edit, open, published } = setUp();
    const running = reviews.review(edit('a', 1, 'mlsystem: 1\n'));
    open.delete('a');
    reviews.forget('a');
    backend.calls[0].finish();
    assert.equal(await running, undefined);
    assert.deepEqual(published, []);
    reviews.dispose();
  });
});
