/** Firefox smoke: the same dist/ loads as a temporary add-on and the content script highlights a local page. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { DIST, serveFixtures } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

test('Firefox: the content script highlights the demo article', { skip: !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}` }, async () => {
  const server = await serveFixtures();
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    await browser.installExtension(DIST);
    const page = await browser.newPage();
    await page.goto(server.url('/demo/article.html'));
    await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 20_000 });
    const painted = await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      CSS.highlights.forEach((h, name) => {
        out[name] = [...h].map((r) => ((x: AbstractRange) => { const l = new Range(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; })(r).toString());
      });
      return out;
    });
    assert.ok(painted['actorlens-actor']?.includes('Lazarus Group'), JSON.stringify(painted));
    assert.ok(painted['actorlens-malware']?.includes('TrickBot'));
    // The highlight rules reached the page (adopted stylesheet, or a <style> where Firefox's Xrays refuse it).
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('strong')!, '::highlight(actorlens-actor)').backgroundColor);
    assert.notEqual(styled, 'rgba(0, 0, 0, 0)', `highlight colour: ${styled}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
