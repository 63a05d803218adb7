// Debian's Chromium driven by playwright-core (no browser download), with the flags this
// closed network needs (see docs/testing.md).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  // Webviews are cross-origin iframes in their own renderer: keep them from being
  // throttled as background work, so their scripts load and answer promptly.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export async function launchBrowser({ headless = true } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}

/**
 * Opens the workbench and waits until it is drawn. Loading the page is what starts the
 * extension host: code-server starts one per connected window.
 */
export async function openWorkbench(browser, url, { timeoutMs = 60_000, viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  // Allow clipboard use from the workbench (copy/paste in e2e steps).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin }).catch(() => {});
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  return page;
}
