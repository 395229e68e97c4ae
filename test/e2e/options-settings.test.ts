/** Options page, real Chromium: settings reach open tabs at once (site switched off, suppressed names). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightTexts, launchChromium, serveFixtures, spotted } from './harness';
import { openOptions } from './options-support';

/** The extension API as the options page sees it (the page's own global). */
declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

let server: Awaited<ReturnType<typeof serveFixtures>>;
before(async () => {
  server = await serveFixtures();
});
after(async () => {
  await server.close();
});

test('turning a site off in settings removes its highlights, at once and after a reload', async () => {
  const { context, worker, extensionId } = await launchChromium();
  try {
    const article = await context.newPage();
    await article.goto(server.url('/demo/article.html'));
    const report = await spotted(worker, article);
    assert.ok(report.matches.length > 0, 'highlights before');
    assert.ok((await highlightTexts(article))['actorlens-actor']?.length);

    const options = await openOptions(context, extensionId, '#settings');
    await options.getByLabel('Site', { exact: true }).fill('http://127.0.0.1:1234/anything');
    await options.getByRole('button', { name: 'Turn off on 127.0.0.1' }).click();
    await options.getByRole('list', { name: 'Highlighting is off on' }).getByText('127.0.0.1').waitFor();
    await options.screenshot({ path: 'out/options-settings.png', fullPage: true });

    await article.bringToFront();
    await article.waitForFunction(() => CSS.highlights.size === 0, undefined, { timeout: 10_000 });
    await article.reload();
    const after = await spotted(worker, article);
    assert.equal(after.matches.length, 0, 'nothing highlighted after a reload');

    // Switching it back on restores the highlights.
    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await article.bringToFront();
    await article.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 10_000 });
  } finally {
    await context.close();
  }
});

test('the pause, possible-names and history boxes are saved when clicked (they were undone with "could not be saved")', async () => {
  const { context, extensionId } = await launchChromium();
  try {
    const options = await openOptions(context, extensionId, '#settings');
    const boxes = { paused: 'Pause highlighting everywhere', possibleActors: 'Also mark names not in the knowledge base (possible actors and malware)', history: "Remember the pages where entities were spotted" };
    for (const [flag, label] of Object.entries(boxes)) {
      const box = options.getByLabel(label, { exact: true });
      const was = await box.isChecked();
      await box.click();
      // What is stored, read from the page: the setting in effect for every tab.
      await options.waitForFunction(
        async ([f, w]) => ((await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> }).settings?.[f] === !w,
        [flag, was] as const,
        { timeout: 5000 },
      );
      assert.equal(await box.isChecked(), !was, `${label} shows the new state`);
    }
    assert.equal(await options.getByRole('alert').count(), 0, 'no "could not be saved" message');
  } finally {
    await context.close();
  }
});
