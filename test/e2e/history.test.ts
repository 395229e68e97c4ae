/** The opt-in local history: nothing is kept until the reader turns it on; then visits are recorded locally. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchChromium, serveFixtures, spotted } from './harness';

declare const chrome: { storage: { local: { set(v: object): Promise<void> } } };

async function sightings(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('actorlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('sightings').objectStore('sightings').count();
          req.onsuccess = () => resolve(req.result);
        };
      }),
  );
}

test('history records the entities of a visited page only after the reader opts in', async () => {
  const server = await serveFixtures();
  const { context, worker, extensionId } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(server.url('/demo/article.html'));
    await spotted(worker, page);
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/options/options.html`);
    assert.equal(await sightings(ext), 0, 'nothing is kept while history is off');

    await worker.evaluate(() => chrome.storage.local.set({ settings: { history: true } }));
    await page.reload();
    await spotted(worker, page);
    await ext.waitForFunction(
      () => new Promise<boolean>((resolve) => {
        const open = indexedDB.open('actorlens');
        open.onsuccess = () => {
          const req = open.result.transaction('sightings').objectStore('sightings').count();
          req.onsuccess = () => resolve(req.result >= 4);
        };
      }),
      undefined,
      { timeout: 10_000 },
    );
    assert.ok((await sightings(ext)) >= 4, 'Lazarus Group, TrickBot, TA505 and Dridex recorded');
  } finally {
    await context.close();
    await server.close();
  }
});
