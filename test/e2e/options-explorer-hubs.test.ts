/**
 * Options page, real Chromium, with the public feeds imported: the explorer opens on the hubs of the link graph. By
 * links, its first page was 27 CryptoMix variants (each listed by MISP as similar to every other); by reach, the
 * default, a family of overlapping names counts as one, and the table says which column it is ordered by.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchChromium } from './harness';
import { drawn, loadPublicFeeds, NO_SHARED_DATA } from './options-support';

const firstPage = (page: Page) => page.locator('table.entities tbody .entity-link').allInnerTexts();
const sortedBy = (page: Page) => page.locator('table.entities th[aria-sort]').evaluateAll((ths) => ths.map((th) => `${th.textContent} ${th.getAttribute('aria-sort')}`));

test('the explorer opens on the hubs, not on one family of variants', { skip: NO_SHARED_DATA }, async () => {
  const { context, extensionId, worker } = await launchChromium();
  try {
    await loadPublicFeeds(worker);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(`chrome-extension://${extensionId}/options/options.html#explorer`);
    await page.getByTestId('match-count').filter({ hasText: /7,1\d\d of/ }).waitFor({ timeout: 30_000 });
    await page.locator('table.entities td.col-reach').first().waitFor();
    assert.equal(await page.getByLabel('Order').inputValue(), 'reach');
    assert.deepEqual(await sortedBy(page), ['Reach descending']);
    const byReach = await firstPage(page);
    const variants = (names: string[]) => names.filter((n) => /^cryptomix-/i.test(n)).length;
    assert.ok(variants(byReach) <= 1, `CryptoMix variants on the first page by reach: ${variants(byReach)}`);
    for (const hub of ['APT29', 'Lazarus Group', 'Mimikatz', 'Cobalt Strike']) assert.ok(byReach.includes(hub), `${hub} on the first page`);
    await page.screenshot({ path: 'out/options-explorer-hubs.png' });

    // Ordered by links, as before: the variants are back, and the table says it is ordered by Links.
    await page.getByLabel('Order').selectOption('links');
    await page.waitForFunction(() => document.querySelector('table.entities th[aria-sort]')?.textContent === 'Links');
    assert.deepEqual(await sortedBy(page), ['Links descending']);
    assert.ok(variants(await firstPage(page)) >= 20, 'by links the family fills the first page');

    // The family's graph: long variant names with links left out keep their "+N" (the name is cut, not the count).
    await page.getByLabel('Name or alias').fill('CryptoMix-Backup');
    await page.getByRole('button', { name: 'CryptoMix-Backup' }).click();
    await page.locator('.graph canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('.graph-toolbar .small').filter({ hasText: /\d/ }).waitFor();
    const g = await drawn(page);
    const counted = g.nodes.filter((n) => / \+\d+$/.test(n.label));
    assert.ok(counted.length >= 5, `labels with a count: ${counted.map((n) => n.label).join(', ')}`);
    assert.deepEqual(g.nodes.filter((n) => n.cut && / \+\d+$/.test(n.label)).map((n) => n.label), [], 'no "+N" is cut off');
    await page.locator('.graph-figure').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'out/options-graph-family.png' });
  } finally {
    await context.close();
  }
});
