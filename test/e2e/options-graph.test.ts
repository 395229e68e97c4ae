/**
 * Options page, real Chromium, with the public feeds imported: the link graph around a hub (Lazarus Group, 83
 * entities) stays readable — its direct links first, only as many entities as the box holds with labels of 11 px or
 * more on screen, the rest one click away — at 1100 × 900 and at 200 % zoom (550 × 450). Screenshots go to out/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchChromium } from './harness';
import { drawn, loadPublicFeeds, NO_SHARED_DATA } from './options-support';

async function openGraph(page: Page, url: string): Promise<void> {
  await page.goto('about:blank'); // a fresh page, not a jump within the same one
  await page.goto(url);
  await page.locator('.graph canvas').first().waitFor({ timeout: 30_000 });
  await page.locator('.graph-toolbar .small').filter({ hasText: /\d/ }).waitFor();
  await page.locator('aside.detail h3').waitFor();
}

test('the graph around a hub draws its direct links first with legible labels, and the rest on request', { skip: NO_SHARED_DATA }, async () => {
  const { context, extensionId, worker } = await launchChromium();
  try {
    await loadPublicFeeds(worker);
    const page = await context.newPage();
    const url = `chrome-extension://${extensionId}/options/options.html#explorer/lazarus-group`;
    for (const [width, height, name] of [
      [1100, 900, 'options-graph-hub.png'],
      [550, 450, 'options-graph-hub-200.png'], // 200 % zoom of 1100 × 900
      [440, 360, 'options-graph-hub-250.png'], // 250 %
    ] as const) {
      await page.setViewportSize({ width, height });
      await openGraph(page, url);
      const size = await page.locator('.graph-toolbar .small').innerText();
      const [shown, total] = (/^(\d+) of (\d+) entities$/.exec(size) ?? []).slice(1).map(Number);
      assert.ok(shown && total, `the toolbar says how many of how many are drawn (${size})`);
      assert.equal(total, 83, 'Lazarus Group has 83 entities around it with the feeds');
      const g = await drawn(page);
      assert.equal(g.nodes.length, shown);
      assert.ok(shown >= 8 && shown < 83, `${shown} drawn in ${width}×${height}`);
      // Direct links first: Lazarus has more than fit, so nothing of the second ring is drawn yet, and the entity
      // says how many of its links are left out.
      assert.deepEqual(g.nodes.filter((n) => n.depth > 1).map((n) => n.label), []);
      const center = g.nodes.find((n) => n.depth === 0)!;
      assert.match(center.label, /^Lazarus Group \+\d+$/);
      // Cut at the other labels' 150 units, the bold "Lazarus Group +10" lost its count to an ellipsis.
      assert.equal(center.cut, false, `the entity's label "${center.label}" is drawn whole`);
      assert.equal(Number(center.label.split('+')[1]), 35 - (shown - 1), 'the +N on the entity counts its direct links not drawn');
      for (const n of g.nodes) assert.ok(n.fontPx >= 11, `label "${n.label}" drawn at ${n.fontPx.toFixed(1)} px (zoom ${g.zoom.toFixed(2)})`);
      assert.deepEqual(g.overlaps, [], 'no two labels overlap');
      assert.deepEqual(g.covered, [], 'no node lies on a label');
      // At 250 % the box (about 330 × 260) is too small for the fewest nodes a first view draws: the view is centred on
      // the entity and the reader pans or fits for the rest; the entity and its label are in view.
      if (width > 440) assert.deepEqual(g.nodes.filter((n) => !n.inView).map((n) => n.label), [], 'every node and label is in the box');
      else assert.ok(center.inView, 'the entity and its label are in the box');
      // The detail panel, the keyboard path, lists every link, those the graph leaves out too.
      const listed = await page.locator('aside.detail .detail-links li').count();
      assert.ok(listed >= 35, `the detail panel lists all direct links (${listed})`);
      await page.locator('.graph-figure').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `out/${name}` });
    }
    // Around APT29 (52 direct links, short names) a node was drawn on "Cobalt Strike +31".
    for (const [width, height] of [
      [1280, 900],
      [1100, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await openGraph(page, url.replace('lazarus-group', 'apt29'));
      const g = await drawn(page);
      assert.deepEqual([...g.overlaps, ...g.covered], [], `APT29 at ${width}×${height}: no label overlaps a label or lies under a node`);
    }
    // Everything on request: the labels stay legible (the view centres on the entity; the reader pans or fits).
    await page.setViewportSize({ width: 1100, height: 900 });
    await openGraph(page, url);
    await page.getByRole('button', { name: 'Show all 83' }).focus();
    await page.keyboard.press('Enter');
    // 94 links: a relation stated once each way ("overlaps with") is one link (Repository.linksOf)
    await page.locator('.graph-toolbar .small').filter({ hasText: '83 entities · 94 links' }).waitFor();
    const all = await drawn(page);
    assert.equal(all.nodes.length, 83);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Fit', 'the keyboard stays in the toolbar');
    assert.ok(all.nodes.some((n) => n.depth === 2));
    for (const n of all.nodes) assert.ok(n.fontPx >= 11, `label "${n.label}" drawn at ${n.fontPx.toFixed(1)} px`);
    assert.ok(all.nodes.find((n) => n.depth === 0)!.inView, 'the entity is in view');
    assert.deepEqual(all.overlaps, [], 'no two labels overlap');
    await page.screenshot({ path: 'out/options-graph-hub-all.png' });
  } finally {
    await context.close();
  }
});
