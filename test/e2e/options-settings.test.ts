/** Options page, real Chromium: settings reach open tabs at once (site switched off, suppressed names). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightTexts, launchChromium, serveFixtures, spotted } from './harness';
import { openOptions } from './options-support';

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
