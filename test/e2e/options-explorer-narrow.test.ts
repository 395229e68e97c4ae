/**
 * Audit G, finding 3: in a narrow window or at 200 % zoom the explorer is one column, the chosen entity's graph and
 * details below the whole list (50 rows, about 2,800 px). Choosing an entity from the list must bring it into view
 * (with focus on its name), or the reader sees nothing happen.
 * Finding 10: the name must be on screen with the graph, not below it; the page order (so the Tab order) must be the
 * order on screen, name and details first.
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
    const box = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [bar, heading, kind, graph] = await Promise.all([box('header.top'), box('.detail h3'), box('.detail .kind-label'), box('.graph-pane')]);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'APT28', 'focus on the entity name');
    // The name and the start of the details on screen, not under the sticky top bar.
    assert.ok(kind.top >= bar.bottom - 1, `the details start (${Math.round(kind.top)} px) below the top bar (${Math.round(bar.bottom)})`);
    assert.ok(heading.bottom <= size.height, `the name (bottom ${Math.round(heading.bottom)} px) in the window (${size.height})`);
    const facts = await box('.detail .facts');
    assert.ok(facts.top < size.height - 20, `the facts start in the window (top ${Math.round(facts.top)} px)`);
    // The graph too, below the name: what is seen first is what Tab reaches first.
    assert.ok(graph.top >= heading.bottom, `graph (top ${Math.round(graph.top)}) below the name (bottom ${Math.round(heading.bottom)})`);
    assert.ok(graph.top <= size.height - 100, `at least 100 px of the graph in the window (graph top ${Math.round(graph.top)} px of ${size.height})`);
    const nameFirst = await page.evaluate(() => {
      const h = document.querySelector('.detail h3')!;
      const g = document.querySelector('.graph-pane')!;
      return Boolean(h.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(nameFirst, 'the name comes before the graph in the page (and in Tab order)');
    await page.screenshot({ path: `out/options-explorer-narrow-${size.width}.png` });
    await page.close();
  });
}
