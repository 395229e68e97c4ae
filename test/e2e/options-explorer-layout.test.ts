/**
 * Options page, real Chromium: the explorer's entity table stays readable — no kind written one syllable per line,
 * no column headings running into each other — with and without an entity open, and at 200 % zoom.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sharedBrowser } from './harness';
import { openOptions, waitSeeded } from './options-support';

const env = sharedBrowser();

/** Problems of the visible table: words broken inside, headings wider than their column. */
function tableProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const th of document.querySelectorAll<HTMLElement>('table.entities th')) {
      if (th.getBoundingClientRect().width > 1 && th.scrollWidth > th.clientWidth + 1) out.push(`heading "${th.textContent}" overflows its column`);
    }
    for (const span of document.querySelectorAll<HTMLElement>('table.entities .kind-text')) {
      const r = span.getBoundingClientRect();
      if (r.width <= 1) continue; // visually hidden (narrow layout)
      const lines = span.getClientRects().length;
      const lineHeight = parseFloat(getComputedStyle(span).lineHeight) || 20;
      if (lines > 1 || r.height > lineHeight * 1.5) out.push(`kind "${span.textContent}" is broken over lines`);
    }
    return [...new Set(out)];
  });
}

test('the explorer table keeps its kinds and headings whole', async () => {
  const { context, extensionId } = env.browser;
  const page = await openOptions(context, extensionId, '#explorer');
  try {
    await waitSeeded(page);
    await page.reload();
    await page.getByTestId('match-count').filter({ hasText: /of/ }).waitFor();
    await page.getByLabel('Kind').selectOption('ransomware');
    await page.locator('table.entities .kind-text').first().waitFor();
    await page.screenshot({ path: 'out/options-explorer-table.png' });
    assert.deepEqual(await tableProblems(page), [], 'wide window, nothing open');
    await page.getByLabel('Kind').selectOption('');
    assert.deepEqual(await tableProblems(page), [], 'every kind');
    // At 200 % zoom (half the CSS width).
    await page.setViewportSize({ width: 700, height: 500 });
    assert.deepEqual(await tableProblems(page), [], '200 % zoom');
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.getByLabel('Name or alias').fill('Lazarus Group');
    await page.getByRole('button', { name: 'Lazarus Group' }).click();
    await page.locator('aside.detail h3').waitFor();
    assert.deepEqual(await tableProblems(page), [], 'an entity open');
  } finally {
    await page.close();
  }
});
