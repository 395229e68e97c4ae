/**
 * The REAL toolbar popup (not popup.html in a tab), opened with chrome.action.openPopup() through puppeteer-core,
 * which, unlike Playwright, can reach the popup's page. Inside it the active tab is the article.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROME, CHROME_ARGS, DIST, serveFixtures } from './harness';

let server: Awaited<ReturnType<typeof serveFixtures>>;
before(async () => {
  mkdirSync('out', { recursive: true });
  server = await serveFixtures();
});
after(async () => {
  await server.close();
});

test('the toolbar popup lists who is on the active tab', async () => {
  const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, pipe: true, enableExtensions: [DIST], args: CHROME_ARGS });
  try {
    const swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 20_000 });
    const page = await browser.newPage();
    await page.goto(server.url('/demo/article.html'));
    // The content script marks nothing in the DOM for us: wait until its highlights are registered.
    await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 15_000 });
    await page.bringToFront();
    const worker = await swTarget.worker();
    assert.ok(worker, 'service worker reachable');
    await worker.evaluate('chrome.action.openPopup()');
    const popupTarget = await browser.waitForTarget((t) => t.type() === 'page' && /\/popup\/popup\.html$/.test(t.url()), { timeout: 10_000 });
    const popup = (await popupTarget.asPage())!;
    await popup.waitForSelector('.spotted .entity-row', { timeout: 10_000 });
    const names = await popup.$$eval('.spotted .name', (els) => els.map((e) => e.textContent));
    for (const name of ['Lazarus Group', 'TrickBot', 'TA505', 'Dridex']) assert.ok(names.includes(name), `${name} listed (got ${names.join(', ')})`);
    assert.match((await popup.$eval('.switch', (e) => e.textContent)) ?? '', /Highlight on 127\.0\.0\.1/);
    // The browser sizes the popup by the body's own 25rem: its max-width (the page's width, so that it reflows in a
    // narrower window) must not make it collapse. (Headless Chromium makes this popup 430 px wide, with or without it.)
    const [inner, body, scroll] = await popup.evaluate(() => [innerWidth, document.body.getBoundingClientRect().width, document.documentElement.scrollWidth] as const);
    assert.equal(body, 400, 'the body keeps its 25rem');
    assert.ok(inner >= 400 && scroll <= inner, `the popup (${inner} px) holds it without scrolling sideways (${scroll} px)`);
    await popup.screenshot({ path: 'out/popup-toolbar.png' });
  } finally {
    await browser.close();
  }
});
