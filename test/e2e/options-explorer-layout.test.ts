/**
 * Options page, real Chromium: the explorer's entity table stays readable — no kind written one syllable per line,
 * no column headings running into each other — with and without an entity open, and at 200 % zoom; with an entity
 * open (the narrow table) every row still writes its kind in words, not as a coloured dot alone (WCAG 1.4.1).
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

/** Per row of the table: the kind words shown on screen (a dot's colour does not count), and whether the table
 * is wider than its pane. */
function shownKinds(page: Page): Promise<{ kinds: string[]; overflow: boolean }> {
  return page.evaluate(() => {
    // (No named helper functions in here: the test's transpiler would wrap them in a call the page lacks.)
    const kinds = [...document.querySelectorAll<HTMLElement>('table.entities tbody tr')].map((tr) =>
      [...tr.querySelectorAll<HTMLElement>('.kind-text')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return r.width > 4 && r.height > 4 && style.visibility !== 'hidden' && parseFloat(style.fontSize) >= 11 && style.clip !== 'rect(0px, 0px, 0px, 0px)';
        })
        .map((el) => el.textContent)
        .join(' | '),
    );
    const pane = document.querySelector<HTMLElement>('.list-pane')!;
    return { kinds, overflow: pane.scrollWidth > pane.clientWidth + 1 };
  });
}

function assertKindsInWords(got: { kinds: string[]; overflow: boolean }, where: string): void {
  assert.ok(got.kinds.length > 0, `${where}: rows listed`);
  for (const k of got.kinds) assert.match(k, /^(Threat actor|Malware|Tool|Ransomware)$/, `${where}: each row shows its kind once, in words`);
  assert.equal(got.overflow, false, `${where}: the table fits its pane`);
}

test('the explorer table keeps its kinds and headings whole', async () => {
  const { context, extensionId } = env.browser;
  const page = await openOptions(context, extensionId, '#explorer');
  try {
    await waitSeeded(page);
    await page.reload();
    await page.getByTestId('match-count').filter({ hasText: /of/ }).waitFor();
    await page.getByLabel('Kind').selectOption('ransomware');
    await page.locator('table.entities tbody td:nth-child(2) .kind-text').first().waitFor();
    await page.screenshot({ path: 'out/options-explorer-table.png' });
    assert.deepEqual(await tableProblems(page), [], 'wide window, nothing open');
    assertKindsInWords(await shownKinds(page), 'nothing open');
    await page.getByLabel('Kind').selectOption('');
    assert.deepEqual(await tableProblems(page), [], 'every kind');
    // At 200 % zoom (half the CSS width).
    await page.setViewportSize({ width: 700, height: 500 });
    assert.deepEqual(await tableProblems(page), [], '200 % zoom');
    // At 250 % of 1100 px the fixed columns left the names 0–12 px wide, a letter a line.
    for (const [width, height] of [
      [700, 500],
      [440, 360],
    ] as const) {
      await page.setViewportSize({ width, height });
      const name = await page.locator('table.entities th').first().evaluate((th) => th.getBoundingClientRect().width);
      assert.ok(name >= 140, `nothing open, ${width}×${height}: the Name column is ${Math.round(name)} px wide`);
      assert.deepEqual(await tableProblems(page), [], `nothing open, ${width}×${height}`);
      assertKindsInWords(await shownKinds(page), `nothing open, ${width}×${height}`);
    }
    await page.locator('.list-pane').screenshot({ path: 'out/options-explorer-table-250.png' });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.getByLabel('Name or alias').fill('Lazarus Group');
    await page.getByRole('button', { name: 'Lazarus Group' }).click();
    await page.locator('aside.detail h3').waitFor();
    assert.deepEqual(await tableProblems(page), [], 'an entity open');
    await page.getByLabel('Name or alias').fill('');
    await page.waitForFunction(() => document.querySelectorAll('table.entities tbody tr').length > 10);
    assertKindsInWords(await shownKinds(page), 'an entity open');
    // Read with the name: the row of an open table says the kind (the Kind column is gone there).
    assert.match(await page.locator('table.entities tbody tr').first().ariaSnapshot(), /Ransomware|Threat actor|Malware|Tool/);
    await page.screenshot({ path: 'out/options-explorer-table-open.png' });
    for (const [width, height] of [
      [1100, 900],
      [550, 450], // 200 % zoom of 1100 × 900
    ] as const) {
      await page.setViewportSize({ width, height });
      assert.deepEqual(await tableProblems(page), [], `an entity open, ${width}×${height}`);
      assertKindsInWords(await shownKinds(page), `an entity open, ${width}×${height}`);
    }
    await page.locator('table.entities').screenshot({ path: 'out/options-explorer-table-open-200.png' });
  } finally {
    await page.close();
  }
});
