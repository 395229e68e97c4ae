/**
 * Options page, real Chromium: a reader's claim dropped by "Reset… also delete my annotations" is listed under
 * Recently deleted and comes back with Restore, in the database the extension opened (schema v5 in IndexedDB).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchChromium } from './harness';
import { dumpDb, openOptions, waitSeeded } from './options-support';

const CLAIM_ID = 'user:e2e:quokka';
const LINK_ID = 'lazarus-group~obtains-access-from~trickbot';

/** A claim of the reader's on a bundled link, written with raw IndexedDB as the popup's Dexie would store it. */
function writeClaim(page: Page): Promise<void> {
  return page.evaluate(
    ({ id, linkId }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('actorlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('claims', 'readwrite');
          tx.objectStore('claims').put({
            id,
            linkId,
            origin: 'user',
            stance: 'supports',
            created: '2026-01-05T10:00:00.000Z',
            source: { title: 'Quokka field notes <b>draft</b>' },
            quote: { type: 'TextQuoteSelector', exact: 'Lazarus rented access from TrickBot operators' },
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { id: CLAIM_ID, linkId: LINK_ID },
  );
}

const claimIds = async (page: Page) => (await dumpDb(page)).claims.map((c) => (c as { id: string }).id);

test('a claim dropped by a reset is listed under Recently deleted and Restore brings it back', async () => {
  const { context, extensionId } = await launchChromium();
  try {
    const page = await openOptions(context, extensionId);
    await waitSeeded(page);
    await writeClaim(page);
    const section = page.getByRole('region', { name: 'Recently deleted' });
    await section.getByText('Nothing deleted.').waitFor();

    await page.getByRole('button', { name: 'Reset to bundled data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset to the bundled data?' });
    await dialog.getByLabel(/Also delete my annotations/).check();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByText('Reset done: bundled data only.').waitFor({ timeout: 20_000 });
    assert.ok(!(await claimIds(page)).includes(CLAIM_ID), 'the reset took the claim out of the claims');

    const item = section.getByRole('listitem');
    await item.waitFor();
    const text = await item.innerText();
    assert.match(text, /Lazarus Group/);
    assert.match(text, /TrickBot/);
    // The page's markup in a title stays text.
    assert.match(text, /Quokka field notes <b>draft<\/b>/);
    assert.match(text, /Lazarus rented access from TrickBot operators/);
    assert.match(text, /by a reset/);

    await item.getByRole('button', { name: /^Restore/ }).click();
    await section.getByText('Claims restored: 1.').waitFor();
    await section.getByText('Nothing deleted.').waitFor();
    assert.ok((await claimIds(page)).includes(CLAIM_ID), 'the claim is back');
    // Still there after a reload: it was written, not only drawn.
    await page.reload();
    await page.getByRole('region', { name: 'Recently deleted' }).getByText('Nothing deleted.').waitFor();
    assert.ok((await claimIds(page)).includes(CLAIM_ID));
  } finally {
    await context.close();
  }
});

