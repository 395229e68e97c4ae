/**
 * The toolbar popup closes whenever the reader clicks the page (to select a passage, to copy a date): a claim being
 * written is kept in the extension's storage and comes back when the popup opens again on that page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPopup, sharedBrowser, spotted, tabIdOf } from './harness';

const env = sharedBrowser();

test('a claim being written survives the popup closing, and Cancel forgets it', async () => {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(env.server.url('/claim-rhysida.html'));
  await spotted(worker, page);
  const tab = await tabIdOf(worker, page);

  let popup = await openPopup(context, extensionId, tab);
  await popup.getByRole('button', { name: 'Record a claim from this page' }).click();
  await popup.locator('form.claim-form').waitFor();
  await popup.fill('#claim-title', 'Loader to ransomware, my summary');
  await popup.getByLabel('Relation').selectOption('obtains-access-from');
  await popup.waitForTimeout(150); // a reader's click on the article comes later than that
  await popup.close(); // the reader clicks the article: the popup is gone

  popup = await openPopup(context, extensionId, tab);
  await popup.locator('form.claim-form').waitFor({ timeout: 10_000 });
  assert.equal(await popup.inputValue('#claim-title'), 'Loader to ransomware, my summary');
  assert.equal(await popup.inputValue('#claim-relation'), 'obtains-access-from');
  await popup.screenshot({ path: 'out/popup-claim-draft-restored.png' });
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await popup.getByRole('button', { name: 'Record a claim from this page' }).waitFor();
  await popup.close();

  popup = await openPopup(context, extensionId, tab);
  await popup.getByRole('button', { name: 'Record a claim from this page' }).waitFor();
  assert.equal(await popup.locator('form.claim-form').count(), 0, 'a cancelled draft does not come back');
  const stored = await worker.evaluate(async () => (await chrome.storage.local.get('popupClaimDraft')).popupClaimDraft);
  assert.equal(stored, undefined);
  await popup.close();
  await page.close();
});

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
