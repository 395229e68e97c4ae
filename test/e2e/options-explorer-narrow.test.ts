/**
 * Audit G, finding 3: in a narrow window or at 200 % zoom the explorer is one column, the chosen entity's graph and
 * details below the whole list (50 rows, about 2,800 px). Choosing an entity from the list must bring it into view
 * (with focus on its name), or the reader sees nothing happen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser } from './harness';
import { openOptions, waitSeeded } from './options-support';

const env = sharedBrowser();

for (const [label, size] of [
  ['a narrow window', { width: 560, height: 800 }],
  ['200 % zoom of a 1400 × 900 window', { width: 700, height: 450 }],
] as const) {
  test(`choosing an entity from the list in ${label} shows its details`, async () => {
    const { context, extensionId } = env.browser;
    const page = await openOptions(context, extensionId, '#explorer');
    await page.setViewportSize(size);
    await waitSeeded(page);
    await page.reload();
    // APT28, on the first page of the list (most links first); the graph is below all fifty rows either way.
    const name = page.locator('button.entity-link', { hasText: /^APT28$/ });
    await name.scrollIntoViewIfNeeded();
    await name.click();
    await page.locator('.detail h3', { hasText: 'APT28' }).waitFor();
    await page.waitForTimeout(300);
    const top = await page.locator('.graph-pane').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < size.height / 2, `the graph starts in the upper half of the window (top ${Math.round(top)} px of ${size.height})`);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'APT28', 'focus on the entity name');
    // Not hidden under the sticky top bar.
    const bar = await page.locator('header.top').evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(top >= bar - 1, `graph top ${Math.round(top)} below the top bar (${Math.round(bar)})`);
    await page.screenshot({ path: `out/options-explorer-narrow-${size.width}.png` });
    await page.close();
  });
}
