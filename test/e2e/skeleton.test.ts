/** The thin slice end to end in Chromium: highlight the demo article, list it in the popup, persist a choice. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightTexts, launchChromium, openPopup, serveFixtures, spotted, tabIdOf } from './harness';

let server: Awaited<ReturnType<typeof serveFixtures>>;
before(async () => {
  server = await serveFixtures();
});
after(async () => {
  await server.close();
});

test('the demo article gets its actors highlighted and the textarea is left alone', async () => {
  const { context, worker } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(server.url('/demo/article.html'));
    const before = await page.inputValue('#notes');
    const report = await spotted(worker, page);
    const names = new Set(report.matches.map((m) => m.name));
    for (const name of ['Lazarus Group', 'TrickBot', 'TA505', 'Dridex']) assert.ok(names.has(name), `${name} spotted (got ${[...names].join(', ')})`);
    const surfaces = new Set(report.matches.map((m) => m.text));
    for (const alias of ['HIDDEN COBRA', 'Diamond Sleet', 'APT38']) assert.ok(surfaces.has(alias), `alias ${alias} spotted`);
    const painted = await highlightTexts(page);
    assert.ok(painted['actorlens-actor']?.includes('Lazarus Group'), 'Lazarus Group painted as an actor');
    assert.ok(painted['actorlens-malware']?.includes('TrickBot'), 'TrickBot painted as malware');
    // The textarea's text contains "Lazarus" and "TrickBot" but no range may sit inside it.
    const insideTextarea = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h) => h.forEach((r) => { if ((r as Range).startContainer.parentElement?.closest('textarea')) n++; }));
      return n;
    });
    assert.equal(insideTextarea, 0);
    assert.equal(await page.inputValue('#notes'), before);
    await page.screenshot({ path: 'out/e2e-demo-article.png' }).catch(() => undefined);
  } finally {
    await context.close();
  }
});

test('the popup lists the page\'s actors and shows the TrickBot link with confidence and source', async () => {
  const { context, worker, extensionId } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(server.url('/demo/article.html'));
    await spotted(worker, page);
    const popup = await openPopup(context, extensionId, await tabIdOf(worker, page));
    for (const name of ['Lazarus Group', 'TrickBot', 'TA505', 'Dridex']) await popup.getByRole('button', { name: new RegExp(name) }).first().waitFor();
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    const trickbotLink = popup.locator('.link-row', { has: popup.locator('.relation', { hasText: 'TrickBot' }) }).first();
    await trickbotLink.waitFor();
    assert.match(await trickbotLink.innerText(), /likely/i);
    await trickbotLink.locator('button').first().click();
    assert.match(await trickbotLink.innerText(), /Dark Reading/);
    assert.match(await popup.locator('.link-row', { has: popup.locator('.relation', { hasText: 'Dridex' }) }).innerText(), /refuted/);
    assert.match(await popup.locator('.link-row', { has: popup.locator('.relation', { hasText: 'TA505' }) }).innerText(), /historical/);
  } finally {
    await context.close();
  }
});

test('a per-site switch set in the popup survives a browser restart', async () => {
  const first = await launchChromium();
  const url = server.url('/demo/article.html');
  try {
    const page = await first.context.newPage();
    await page.goto(url);
    await spotted(first.worker, page);
    const popup = await openPopup(first.context, first.extensionId, await tabIdOf(first.worker, page));
    const toggle = popup.getByRole('checkbox', { name: /Highlight on 127\.0\.0\.1/ });
    assert.equal(await toggle.isChecked(), true);
    await toggle.click();
    await popup.waitForFunction(() => !(document.querySelector('input[type=checkbox]') as HTMLInputElement).checked);
    // Reflected at once in the open tab.
    await page.waitForFunction(() => CSS.highlights.size === 0);
  } finally {
    await first.context.close();
  }
  const second = await launchChromium(first.userDataDir);
  try {
    const page = await second.context.newPage();
    await page.goto(url);
    const report = await spotted(second.worker, page);
    assert.equal(report.matches.length, 0, 'nothing highlighted after restart');
    assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    const popup = await openPopup(second.context, second.extensionId, await tabIdOf(second.worker, page));
    const toggle = popup.getByRole('checkbox', { name: /Highlight on 127\.0\.0\.1/ });
    await toggle.waitFor();
    assert.equal(await toggle.isChecked(), false);
  } finally {
    await second.context.close();
  }
});
