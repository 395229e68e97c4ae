/**
 * The popup on pages ActorLens does not read, real Chromium: a site turned off, highlighting paused everywhere, a PDF
 * in the browser's viewer, a browser page. Each says why the list is empty (it said "No known actors or malware on
 * this page" for a page naming five), and turning highlighting on from the popup lists the page's names without
 * reopening it. Screenshots go to out/popup-not-read-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPopup, popupFor, sharedBrowser, spotted, tabIdOf } from './harness';
import { openOptions } from './options-support';

const env = sharedBrowser();
const DEMO_NAMES = ['Lazarus Group', 'TA505', 'Wizard Spider', 'TrickBot', 'Dridex'];

const listed = (popup: Page) => popup.locator('.spotted .entity-row .name').allInnerTexts();

test('a site turned off says so; its switch turned on in the popup lists the page\'s names at once', async () => {
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    await popup.locator('.spotted').waitFor();
    await popup.locator('.switch input').click();
    await popup.locator('.empty.off').waitFor();
    assert.equal(await popup.locator('.empty').innerText(), 'Highlighting is off on 127.0.0.1, so ActorLens does not read this page. The switch below turns it on.');
    await page.bringToFront();
    await page.waitForFunction(() => CSS.highlights.size === 0);

    // Opened again on the page that is off: the same words, not "No known actors or malware on this page".
    await popup.reload();
    await popup.locator('.empty.off').waitFor();
    await popup.screenshot({ path: 'out/popup-not-read-site-off.png', fullPage: true });

    await popup.locator('.switch input').click();
    await popup.locator('.spotted').waitFor({ timeout: 10_000 });
    assert.deepEqual((await listed(popup)).sort(), [...DEMO_NAMES].sort());
    assert.equal(await popup.getByText('No known actors').count(), 0);
  } finally {
    await popup.close();
    await page.close();
  }
});

test('paused everywhere says so, and Resume highlighting lists the page\'s names', async () => {
  const options = await openOptions(env.browser.context, env.browser.extensionId, '#settings');
  const pause = options.getByLabel('Pause highlighting everywhere');
  await pause.click();
  await options.waitForFunction(() => [...document.querySelectorAll('label')].find((l) => l.textContent === 'Pause highlighting everywhere')?.querySelector('input')?.checked === true);
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    await popup.locator('.empty.off').waitFor();
    assert.match(await popup.locator('.empty').innerText(), /^Highlighting is paused everywhere, so ActorLens does not read pages\./);
    assert.equal(await popup.locator('.switch input').isDisabled(), true);
    await popup.screenshot({ path: 'out/popup-not-read-paused.png', fullPage: true });
    await popup.getByRole('button', { name: 'Resume highlighting' }).click();
    await popup.locator('.spotted').waitFor({ timeout: 10_000 });
    assert.deepEqual((await listed(popup)).sort(), [...DEMO_NAMES].sort());
    assert.equal(await popup.locator('.switch input').isChecked(), true);
  } finally {
    await popup.close();
    await page.close();
    await options.close();
  }
});

/** A one-page PDF whose text names Lazarus Group and TrickBot. */
function pdfNaming(text: string): string {
  const content = `BT /F1 18 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

test('a PDF in the browser\'s viewer: its text cannot be read, said as such; a browser page: cannot be read, and why', async () => {
  const url = env.server.url('/report-that-is-a.pdf');
  await env.browser.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'application/pdf', body: pdfNaming('Lazarus Group used TrickBot') }));
  const pdf = await env.browser.context.newPage();
  const browserPage = await env.browser.context.newPage();
  try {
    await pdf.goto(url);
    await spotted(env.browser.worker, pdf);
    const popup = await openPopup(env.browser.context, env.browser.extensionId, await tabIdOf(env.browser.worker, pdf));
    await popup.locator('.empty').waitFor();
    assert.match(await popup.locator('.empty').innerText(), /^ActorLens cannot read a PDF shown in the browser's viewer/);
    await popup.screenshot({ path: 'out/popup-not-read-pdf.png', fullPage: true });
    await popup.close();

    await browserPage.goto('chrome://version');
    const other = await openPopup(env.browser.context, env.browser.extensionId, await tabIdOf(env.browser.worker, browserPage));
    await other.locator('.empty').waitFor();
    assert.match(await other.locator('.empty').innerText(), /^ActorLens cannot read this page\. The browser keeps its own pages/);
    await other.close();
  } finally {
    await pdf.close();
    await browserPage.close();
  }
});
