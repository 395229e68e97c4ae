/**
 * The popup from the keyboard on a page naming 40-odd actors (test/fixtures/pages/popup-many-actors.html): focus
 * is never lost nor hidden behind the sticky top bar while filling in the claim form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPopup, sharedBrowser, spotted, tabIdOf } from './harness';

const env = sharedBrowser();

async function claimForm(): Promise<Page> {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(env.server.url('/popup-many-actors.html'));
  const report = await spotted(worker, page);
  assert.ok(new Set(report.matches.map((m) => m.entityId)).size >= 30, 'the page names 30 entities or more');
  const popup = await openPopup(context, extensionId, await tabIdOf(worker, page));
  await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
  await popup.locator('form.claim-form').waitFor();
  return popup;
}

const focusedId = (popup: Page) => popup.evaluate(() => { const e = document.activeElement; return e?.id || (e?.classList.contains('swap') ? 'swap' : e?.tagName); });

test('Tab leaves an entity picker whose suggestion list is open for the next field, not for nowhere', async () => {
  const popup = await claimForm();
  try {
    await popup.locator('#claim-from').focus();
    // The suggestions (every entity on the page) are more than the list shows at once: it scrolls.
    await popup.locator('#claim-from-list').waitFor();
    assert.ok(await popup.locator('#claim-from-list').evaluate((ul) => ul.scrollHeight > ul.clientHeight), 'the list scrolls');
    await popup.keyboard.press('Tab');
    assert.equal(await focusedId(popup), 'claim-relation');
    await popup.locator('#claim-to').focus();
    await popup.keyboard.press('Shift+Tab');
    assert.equal(await focusedId(popup), 'swap');
  } finally {
    await popup.close();
  }
});

test('the first field in error gets focus where the reader can see it, below the sticky top bar', async () => {
  const popup = await claimForm();
  try {
    await popup.fill('#claim-to', 'no such entity');
    await popup.keyboard.press('Escape');
    await popup.fill('#claim-title', '');
    await popup.getByRole('button', { name: 'Save claim' }).click();
    assert.equal(await focusedId(popup), 'claim-to');
    const [fieldTop, barBottom] = await popup.evaluate(() => [
      document.getElementById('claim-to')!.getBoundingClientRect().top,
      document.querySelector('.topbar')!.getBoundingClientRect().bottom,
    ]);
    assert.ok(fieldTop >= barBottom, `the focused field (top ${fieldTop}) is not under the top bar (bottom ${barBottom})`);
    // Its label and error message are visible as well.
    const labelTop = await popup.locator('label[for="claim-to"]').evaluate((l) => l.getBoundingClientRect().top);
    assert.ok(labelTop >= barBottom, `label top ${labelTop}`);
    await popup.screenshot({ path: 'out/popup-claim-errors.png' });
  } finally {
    await popup.close();
  }
});
