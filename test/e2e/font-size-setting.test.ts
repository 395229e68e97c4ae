/**
 * Audit G, finding 4: the browser's font-size setting (Chrome: Appearance → Font size) must make the popup and the
 * options page, and the hover card on pages, larger, without breaking their layout. Chromium is started with a default font size of 24 px
 * ("Very large" is 24) instead of 16: text 1.5 times as large, the popup 1.5 times as wide, nothing wider than the window.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openPopup, serveFixtures, spotted, tabIdOf, type Fixtures, type Launched } from './harness';
import { drawn, openOptions, waitSeeded } from './options-support';
import { centreOf, dialogStyle, waitFor } from './content-pages';

let server: Fixtures;
let browser: Launched;

before(async () => {
  mkdirSync('out', { recursive: true });
  server = await serveFixtures();
  const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-e2e-font-'));
  mkdirSync(path.join(dir, 'Default'));
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 24, default_fixed_font_size: 20 } } }));
  browser = await launchChromium(dir);
});
after(async () => {
  await browser?.context.close();
  await server?.close();
});

const px = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('with a very large default font the popup is larger and still fits its width', async () => {
  const article = await browser.context.newPage();
  await article.goto(server.url('/demo/article.html'));
  await spotted(browser.worker, article);
  const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.worker, article));
  await popup.locator('.spotted').waitFor();
  assert.equal(await popup.evaluate(() => getComputedStyle(document.body).fontSize), '21px', 'body text 14 px × 1.5');
  // The browser sizes the toolbar popup by the body's own width (up to 800 px); in the 400 px test page the body
  // would reflow to 400, so it is measured with room to spare.
  await popup.setViewportSize({ width: 800, height: 600 });
  const width = await popup.evaluate(() => document.body.getBoundingClientRect().width);
  assert.equal(width, 600, 'the popup grows with its text (400 px × 1.5)');
  // The browser makes the popup as wide as its body.
  await popup.setViewportSize({ width, height: 600 });
  assert.equal(await overflow(popup), 0, 'nothing wider than the popup');
  await popup.screenshot({ path: 'out/popup-font-24-home.png' });

  await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
  await popup.locator('.link-row').first().waitFor();
  assert.equal(await px(popup, 'h1.entity-name'), 30);
  assert.equal(await px(popup, '.link-row .link-other'), 21);
  assert.equal(await overflow(popup), 0, 'nothing wider than the popup in the entity view');
  // Each link row keeps its two lines: name and status above, confidence and sources below, nothing overlapping.
  const head = popup.locator('.link-row .link-head').first();
  const [name, conf] = await Promise.all([head.locator('.relation').boundingBox(), head.locator('.confidence').boundingBox()]);
  assert.ok(name && conf && conf.y >= name.y + name.height - 1, 'confidence below the name');
  await popup.screenshot({ path: 'out/popup-font-24-entity.png', fullPage: true });
  await popup.close();
  await article.close();
});

test('with a very large default font the options page and the explorer are larger and keep their layout', async () => {
  const page = await openOptions(browser.context, browser.extensionId, '#settings');
  await page.locator('h2').first().waitFor();
  assert.equal(await px(page, 'h2'), 30, 'headings 20 px × 1.5');
  assert.equal(await px(page, 'body'), 21);
  assert.equal(await overflow(page), 0);
  await page.screenshot({ path: 'out/options-font-24-settings.png', fullPage: true });

  await page.goto(page.url().replace(/#.*/, '#explorer'));
  await waitSeeded(page);
  await page.getByLabel('Name or alias').fill('Lazarus');
  await page.locator('button.entity-link', { hasText: /^Lazarus Group$/ }).click();
  await page.locator('.detail h3', { hasText: 'Lazarus Group' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await overflow(page), 0, 'the explorer fits the 1400 px window');
  // Graph and details side by side or stacked, but never on top of each other.
  const [graph, detail] = await Promise.all([page.locator('.graph-pane').boundingBox(), page.locator('.detail').boundingBox()]);
  assert.ok(graph && detail);
  const apart = detail.x >= graph.x + graph.width - 1 || detail.y >= graph.y + graph.height - 1;
  assert.ok(apart, `details (${JSON.stringify(detail)}) clear of the graph (${JSON.stringify(graph)})`);
  await page.screenshot({ path: 'out/options-font-24-explorer.png' });
  await page.close();
});

test('with a very large default font the explorer graph draws its labels larger too', async () => {
  const page = await openOptions(browser.context, browser.extensionId, '#explorer/lazarus-group');
  await page.locator('.graph canvas').first().waitFor({ timeout: 30_000 });
  await page.locator('.graph-toolbar .small').filter({ hasText: /\d/ }).waitFor();
  await page.waitForTimeout(300);
  const g = await drawn(page);
  assert.ok(g.nodes.length >= 8, `${g.nodes.length} entities drawn`);
  // Every label at least 11 px × 1.5 on screen, as the page's text is 1.5 times as large; and still clear of each
  // other and inside the box.
  for (const n of g.nodes) assert.ok(n.fontPx >= 16.5, `label "${n.label}" drawn at ${n.fontPx.toFixed(1)} px (zoom ${g.zoom.toFixed(2)})`);
  assert.deepEqual(g.overlaps, [], 'no two labels overlap');
  assert.deepEqual(g.nodes.filter((n) => !n.inView).map((n) => n.label), [], 'every node and label is in the box');
  await page.locator('.graph-figure').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'out/options-font-24-graph.png' });
  await page.close();
});

test('with a very large default font the hover card is larger too, whatever font size the page sets for itself', async () => {
  const article = await browser.context.newPage();
  await article.goto(server.url('/demo/article.html'));
  await spotted(browser.worker, article);
  // The page's own root size must not matter: the card follows the browser's setting.
  await article.addStyleTag({ content: 'html { font-size: 10px !important; }' });
  const at = await centreOf(article, 'HIDDEN COBRA');
  assert.ok(at, 'a visible highlight');
  await article.mouse.move(at.x - 30, at.y - 40);
  await article.mouse.move(at.x, at.y, { steps: 4 });
  const card = await waitFor(() => dialogStyle(article, 'ActorLens: Lazarus Group', ['font-size']), (c) => c !== undefined, 5000, 'hover card');
  assert.equal(card!.style['font-size'], '19.5px', 'card text 13 px × 1.5');
  assert.equal(Math.round(card!.width), 495, 'card 330 px × 1.5');
  await article.close();
});
