/**
 * The review report (`mlsystem-review report`) opened in Debian's Chromium, as a reviewer
 * opens the file: the diagram and the findings are visible, nothing is requested from any
 * network, and printing to PDF (A4 and Letter) gives two or more pages with no card cut
 * across a page break. A screenshot and the PDFs are kept in test-results/report/.
 * `npm run test:report`; .ci/run runs it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { runCli } from '../unit/support/cli';
import type { CliOutcome } from '../unit/support/cli';
// @ts-expect-error: a plain ES module shared with the other browser tests
import { launchBrowser } from '../../scripts/code-server/browser.mjs';

const root = join(__dirname, '..', '..');
const results = join(root, 'test-results', 'report');
const DESIGN = 'examples/draft/mlsystem.yaml';

const cli = (argv: string[], cwd = root): CliOutcome => runCli(argv, cwd);

/** Text as a PDF's text layer and the DOM both hold it: without any white space. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('the review report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  let findingCount = 0;
  const scratch = mkdtempSync(join(tmpdir(), 'mlsystem-report-'));

  before(async () => {
    mkdirSync(results, { recursive: true });
    const file = join(scratch, 'review.html');
    const out = cli(['report', DESIGN, '-o', file]);
    assert.equal(out.code, 0, out.stderr);
    findingCount = (JSON.parse(cli(['--format', 'json', DESIGN]).stdout) as { findings: unknown[] }[])[0].findings.length;
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    // Every request fails, and is recorded: the page must need none.
    page.on('request', (r) => {
      if (!r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the design, the review date, the diagram and every finding', async () => {
    await page.getByRole('heading', { level: 1, name: 'Design review: support-request-routing' }).waitFor();
    assert.match(await page.locator('.report-header .meta').innerText(), /reviewed on 2026-11-26/);
    const diagram = page.locator('.diagram svg');
    await diagram.waitFor({ state: 'visible' });
    const box = await diagram.boundingBox();
    assert.ok(box && box.width > 500 && box.height > 200, `diagram box ${JSON.stringify(box)}`);
    for (const stage of ['Scoping', 'Data engineering', 'Model development']) assert.ok(await diagram.getByText(stage, { exact: true }).isVisible(), stage);
    const findings = page.locator('article.finding');
    assert.equal(await findings.count(), findingCount);
    assert.ok(findingCount > 10);
    await findings.first().scrollIntoViewIfNeeded();
    assert.ok(await findings.first().isVisible());
    assert.ok(await page.getByText('Unknown key "constraint" in "business"', { exact: false }).isVisible());
    assert.ok(await page.getByRole('heading', { name: 'Readiness' }).isVisible());
    assert.ok(await page.locator('.waiver-expired').isVisible(), 'the expired waiver is marked');
    await page.screenshot({ path: join(results, 'review-report.png'), fullPage: true });
  });

  it('in print layout, at the width of an A4 or Letter page, nothing sticks out at the side', async () => {
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return Array.from(document.querySelectorAll('main *'))
        .filter((e) => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}`)
        .filter((name) => !name.startsWith('svg') && !/^(path|text|rect|g|line|circle|polygon|title|marker|defs|style)\./.test(name));
    });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1100, height: 900 });
    assert.deepEqual(overflowing, []);
  });

  for (const format of ['A4', 'Letter'] as const) {
    it(`prints on ${format} to two or more pages, no card cut across a page break`, async () => {
      await page.emulateMedia({ media: 'print' });
      const cards = await page.locator('.card').evaluateAll((elements) => elements.map((e) => (e as HTMLElement).innerText));
      await page.emulateMedia({ media: 'screen' });
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(join(results, `review-report-${format}.pdf`), pdf);
      const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
      assert.ok(totalPages >= 2, `${totalPages} page(s)`);
      const pages = (text as string[]).map(squeeze);
      assert.ok(cards.length > findingCount);
      for (const card of cards) {
        const wanted = squeeze(card);
        if (!wanted) continue;
        const on = pages.filter((p) => p.includes(wanted)).length;
        assert.equal(on, 1, `a card is not whole on one page: ${card.slice(0, 120)}`);
      }
    });
  }

  it('made no network request', () => {
    assert.deepEqual(requests, []);
  });
});
