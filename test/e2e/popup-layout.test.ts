/**
 * The popup as a demanding analyst sees it: long names (with and without spaces), long aliases, long source titles
 * and addresses, a dozen links, at browser zoom 100–200 %. Nothing is cut off, nothing runs out of the 400 px popup
 * or into other text, and nothing needs a horizontal scroll bar (layoutProblems in harness.ts). Screenshots go to
 * out/popup-layout-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { layoutProblems, openPopup, sharedBrowser, spotted, tabIdOf, zoomPopup } from './harness';
import { IMPORTS, openOptions, waitSeeded } from './options-support';

const env = sharedBrowser();
const ZOOMS = [1, 1.25, 1.5, 2];
const LONG_ACTOR = 'stix:intrusion-set--00000000-0000-4000-8000-000000000001';

let imported = false;
async function importLongNames(): Promise<void> {
  if (imported) return;
  const options = await openOptions(env.browser.context, env.browser.extensionId);
  await waitSeeded(options);
  await options.getByLabel('Choose a file…').setInputFiles(path.join(IMPORTS, 'popup-long-names-stix.json'));
  await options.getByRole('button', { name: 'Apply import' }).click();
  await options.getByText(/^Imported popup-long-names-stix\.json/).waitFor();
  await options.close();
  imported = true;
}

async function popupOn(page: string, entity?: string): Promise<{ article: Page; popup: Page }> {
  const article = await env.browser.context.newPage();
  await article.goto(env.server.url(page));
  await spotted(env.browser.worker, article);
  const tab = await tabIdOf(env.browser.worker, article);
  const popup = entity ? await env.browser.context.newPage() : await openPopup(env.browser.context, env.browser.extensionId, tab);
  if (entity) {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup/popup.html?tab=${tab}&entity=${encodeURIComponent(entity)}`);
  }
  return { article, popup };
}

/** Layout problems at each zoom level, labelled by it; the popup is left at 100 %. */
async function problemsAtZooms(popup: Page, shot: string): Promise<string[]> {
  const all: string[] = [];
  for (const zoom of ZOOMS) {
    await zoomPopup(env.browser.worker, popup, zoom);
    for (const p of await layoutProblems(popup)) all.push(`${zoom * 100} %: ${p}`);
    // A full-page screenshot of a zoomed page is cut to its CSS width: the visible part only.
    await popup.screenshot({ path: `out/popup-layout-${shot}-${zoom * 100}.png`, fullPage: zoom === 1 });
  }
  await zoomPopup(env.browser.worker, popup, 1);
  return all;
}

test('"Also investigate" on the demo article: "Wizard Spider" and its "on this page" badge are shown whole, the scales line up', async () => {
  const { article, popup } = await popupOn('/demo/article.html');
  try {
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    const row = popup.locator('.pivots .entity-row', { hasText: 'Wizard Spider' });
    await row.waitFor();
    for (const zoom of ZOOMS) {
      await zoomPopup(env.browser.worker, popup, zoom);
      const name = row.locator('.name');
      const [scroll, client] = await name.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(scroll <= client, `${zoom * 100} %: the name is cut off (${scroll} px of text in ${client} px)`);
      const [nameBox, badgeBox, rowBox] = await Promise.all([name.boundingBox(), row.locator('.on-page-badge').boundingBox(), row.boundingBox()]);
      assert.ok(nameBox && badgeBox && rowBox);
      assert.ok(badgeBox.x >= nameBox.x && badgeBox.x + badgeBox.width <= nameBox.x + nameBox.width + 0.5, `${zoom * 100} %: the "on this page" badge is inside the name's box`);
      assert.ok(rowBox.x + rowBox.width <= 400.5, `${zoom * 100} %: the row fits the popup`);
      // The path confidence of every row starts at the same x (a right-aligned column of varying widths was ragged).
      const scales = await popup.locator('.pivots .confidence-scale').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      assert.equal(new Set(scales).size, 1, `${zoom * 100} %: scales start at ${scales.join(', ')}`);
      assert.deepEqual(await layoutProblems(popup), [], `${zoom * 100} %`);
    }
    await zoomPopup(env.browser.worker, popup, 1);
    await row.screenshot({ path: 'out/popup-layout-pivot-wizard-spider.png' });
  } finally {
    await popup.close();
    await article.close();
  }
});

test('an entity with a long name, long aliases, 12 links and long source titles and addresses fits the popup at 100–200 % zoom', async () => {
  await importLongNames();
  const { article, popup } = await popupOn('/popup-long-names.html', LONG_ACTOR);
  try {
    await popup.locator('h1.entity-name', { hasText: 'Supercalifragilisticexpialidocious' }).waitFor();
    await popup.locator('.pivots .entity-row').first().waitFor();
    await popup.getByRole('button', { name: 'Show all 12' }).click();
    // Its source has no title: the address is shown as the title (one long word with few places to break).
    await popup.locator('.link-row', { hasText: 'NoSpacesMalwareName' }).locator('.link-head').click();
    await popup.locator('.link-row', { hasText: 'NoSpacesMalwareName' }).locator('a.evidence-title', { hasText: 'https://www.example-threat' }).waitFor();
    // The link rows keep their columns: no line of the name runs under the status badge.
    for (const head of await popup.locator('.link-head').all()) {
      const [nameRight, badgeLeft] = await head.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el.querySelector('.link-other')!);
        return [Math.max(...[...range.getClientRects()].map((r) => r.right)), el.querySelector('.status-badge')!.getBoundingClientRect().left];
      });
      assert.ok(nameRight <= badgeLeft + 0.5, `the name ends at ${nameRight} px, its status badge starts at ${badgeLeft} px`);
    }
    assert.deepEqual(await problemsAtZooms(popup, 'entity'), []);
    // A source from a publisher with a long name.
    await popup.locator('.link-row', { hasText: 'Ozymandias Everlasting' }).locator('.link-head').click();
    await popup.locator('.link-row', { hasText: 'Ozymandias Everlasting' }).locator('.publisher', { hasText: 'National Cyber Security Centre' }).waitFor();
    assert.deepEqual(await problemsAtZooms(popup, 'entity-publisher'), []);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-layout-entity-${scheme}.png`, fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  } finally {
    await popup.close();
    await article.close();
  }
});

test('the list of who is on the page shows long names and writings whole, and the claim form fits, at 100–200 % zoom', async () => {
  await importLongNames();
  const { article, popup } = await popupOn('/popup-long-names.html');
  try {
    const row = popup.locator('.spotted .entity-row', { hasText: 'Supercalifragilisticexpialidocious' });
    await row.waitFor();
    assert.match(await row.locator('.sub').innerText(), /AVeryLongSingleWordAlias/);
    assert.deepEqual(await problemsAtZooms(popup, 'home'), []);

    await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
    await popup.locator('#claim-from').fill('Ozymandias');
    const option = popup.locator('#claim-from-list [role=option]', { hasText: 'Ozymandias Everlasting' });
    await option.waitFor();
    await popup.screenshot({ path: 'out/popup-layout-claim-picker.png', fullPage: true });
    // The long name wraps; the kind beside it stays one word on one line (not "Ranso / mwa / re").
    const kindLines = await option.locator('.sub').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    assert.equal(kindLines, 1, 'the kind in the suggestion is on one line');
    // The open list lies over the fields below it, as a list box does: checked for width only.
    const [scroll, client, right] = await option.evaluate((el) => [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().right]);
    assert.ok(scroll <= client && right <= 400.5, `the suggestion fits (${scroll} px in ${client} px, right edge ${right} px)`);
    await popup.keyboard.press('Enter');
    await popup.locator('#claim-to').fill('NoSpaces');
    await popup.locator('#claim-to-list [role=option]', { hasText: 'NoSpacesMalwareName' }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.locator('.link-sentence', { hasText: 'NoSpacesMalwareName' }).waitFor();
    assert.deepEqual(await problemsAtZooms(popup, 'claim'), []);
  } finally {
    await popup.close();
    await article.close();
  }
});
