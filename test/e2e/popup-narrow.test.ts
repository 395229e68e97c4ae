/**
 * The popup narrower than its own 25rem: the browser's zoom above 200 % (the toolbar popup stops at 800 device px,
 * 320 CSS px at 250 %) or a narrow side panel (250 CSS px). The list of who is on the page, an entity with its links
 * and sources, and the claim form reflow to that width: no sideways scrolling, nothing cut off or drawn over other
 * text, no ordinary word split over two lines. At 400 px the popup keeps its usual 25rem. Screenshots go to
 * out/popup-narrow-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { layoutProblems, popupFor, sharedBrowser, wordsSplitOverLines, zoomPopup } from './harness';

const env = sharedBrowser();

/** What a reader would see as broken at a 250 px wide popup, and at 250 % zoom in the toolbar popup. */
async function narrowProblems(popup: Page, shot: string): Promise<string[]> {
  const all: string[] = [];
  await popup.setViewportSize({ width: 250, height: 600 });
  const [scroll, client] = await popup.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (scroll > client) all.push(`250 px: scrolls sideways (${scroll} px of content in ${client} px)`);
  for (const p of [...(await layoutProblems(popup)), ...(await wordsSplitOverLines(popup))]) all.push(`250 px: ${p}`);
  await popup.screenshot({ path: `out/popup-narrow-${shot}-250.png`, fullPage: true });
  await popup.setViewportSize({ width: 400, height: 600 });
  await zoomPopup(env.browser.worker, popup, 2.5);
  for (const p of [...(await layoutProblems(popup)), ...(await wordsSplitOverLines(popup))]) all.push(`250 %: ${p}`);
  await popup.screenshot({ path: `out/popup-narrow-${shot}-zoom250.png` });
  await zoomPopup(env.browser.worker, popup, 1);
  return all;
}

test('at 250 px and at 250 % zoom, the list, an entity with its sources and the claim form fit without sideways scrolling', async () => {
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    await popup.locator('.spotted .entity-row').first().waitFor();
    // The usual look is kept: 25rem wide where there is room.
    assert.equal(await popup.evaluate(() => document.body.getBoundingClientRect().width), 400);
    assert.deepEqual(await narrowProblems(popup, 'home'), []);

    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    // A link with two sources and their quotes, and a refuted one with its refuting source.
    await popup.locator('.link-row', { hasText: 'TrickBot' }).locator('.link-head').click();
    await popup.locator('.link-row', { hasText: 'Dridex' }).locator('.link-head').click();
    await popup.locator('.link-row', { hasText: 'Dridex' }).locator('.evidence').first().waitFor();
    assert.deepEqual(await narrowProblems(popup, 'entity'), []);

    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
    await popup.locator('#claim-from').waitFor();
    assert.deepEqual(await narrowProblems(popup, 'claim'), []);
  } finally {
    await popup.close();
    await page.close();
  }
});
