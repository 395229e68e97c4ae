/**
 * The popup at 250 px (a narrow side panel) and at 250 % zoom (320 CSS px) should read as well as at its own width:
 * the search box's placeholder whole (it was cut after "Search by name or alia"), and a link's header in three lines
 * (name; confidence; status and sources), not four; the claim form's entity picker with each name whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { popupFor, sharedBrowser, wordsSplitOverLines, zoomPopup } from './harness';

const env = sharedBrowser();

/** Width the placeholder's text needs, against the room the box gives it (CSS px). */
function placeholderFit(popup: Page): Promise<{ needed: number; room: number }> {
  return popup.locator('input[type=search]').evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { needed: ctx.measureText(input.placeholder).width, room };
  });
}

/**
 * Text lines of a link's header: the distinct tops of its name, confidence, status and sources; NaN when the
 * confidence runs into the chevron or out of the header (at 250 px "roughly even chance 54" ran under the chevron).
 */
function headLines(popup: Page, other: string): Promise<number> {
  return popup
    .locator('.link-row', { hasText: other })
    .locator('.link-head')
    .evaluate((head) => {
      const tops = ['.link-other', '.confidence', '.status-badge', '.sources-count'].map((s) => head.querySelector(s)!.getBoundingClientRect());
      const conf = head.querySelector('.confidence')!.getBoundingClientRect();
      const chev = head.querySelector('.icon-chevron')!.getBoundingClientRect();
      const crosses = conf.right > chev.left && conf.left < chev.right && conf.bottom > chev.top && conf.top < chev.bottom;
      if (crosses || conf.right > head.getBoundingClientRect().right) return NaN;
      const rows: number[] = [];
      for (const r of tops) if (!rows.some((top) => Math.abs(top - r.top) < r.height / 2)) rows.push(r.top);
      return rows.length;
    });
}

test('at 250 px and 250 % zoom the search placeholder shows whole and a link header takes three lines', async () => {
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    await popup.locator('.spotted .entity-row').first().waitFor();
    for (const [label, set] of [
      ['250 px', () => popup.setViewportSize({ width: 250, height: 600 })],
      ['250 %', () => zoomPopup(env.browser.worker, popup, 2.5)],
    ] as const) {
      await set();
      const { needed, room } = await placeholderFit(popup);
      assert.ok(needed <= room, `${label}: the placeholder needs ${Math.round(needed)} px, the box gives ${Math.round(room)}`);
    }
    await zoomPopup(env.browser.worker, popup, 1);
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    await popup.locator('.link-row', { hasText: 'TA505' }).waitFor();
    await popup.setViewportSize({ width: 250, height: 600 });
    // TA505: "on this page", historical, two sources; Dridex refuted with a refuting source.
    for (const other of ['TA505', 'Dridex', 'Andariel']) assert.equal(await headLines(popup, other), 3, `${other} at 250 px`);
    await popup.locator('.link-row', { hasText: 'TA505' }).screenshot({ path: 'out/popup-narrow-link-head-250.png' });
    await popup.setViewportSize({ width: 400, height: 600 });
    await zoomPopup(env.browser.worker, popup, 2.5);
    for (const other of ['TA505', 'Dridex']) assert.ok((await headLines(popup, other)) <= 3, `${other} at 250 %`);
    // At the popup's own width a link stays on two lines.
    await zoomPopup(env.browser.worker, popup, 1);
    assert.equal(await headLines(popup, 'TA505'), 2);

    // The claim form's entity picker at 250 px: a name with its kind and the alias that matched ("Cobalt" is an alias
    // of Cobalt Group) reads whole, the kind going under the name (beside it, "Cobalt Group" was broken into four).
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
    await popup.setViewportSize({ width: 250, height: 600 });
    await popup.locator('#claim-from').click();
    await popup.locator('#claim-from').fill('cobalt');
    await popup.locator('#claim-from-list [role=option]', { hasText: 'Cobalt Group' }).waitFor();
    assert.deepEqual(await wordsSplitOverLines(popup), []);
    await popup.locator('.picker-pop', { has: popup.locator('#claim-from-list') }).screenshot({ path: 'out/popup-narrow-picker-250.png' });
  } finally {
    await popup.close();
    await page.close();
  }
});
