/** Options page, real Chromium: the explorer filters entities and draws the link graph around one of them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from './harness';
import { ATTACK, openOptions, waitSeeded } from './options-support';

const NO_ATTACK = existsSync(ATTACK) ? false : `../shared/data is absent (expected ${ATTACK}): skipping the 200-node graph test`;

async function matchCount(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId('match-count').innerText();
  const [shown, total] = text.match(/[\d,]+/g)!.map((n) => Number(n.replace(/,/g, '')));
  return [shown!, total!];
}

test('the explorer filters by kind, name and links, and the graph focuses the chosen entity', async () => {
  const { context, extensionId } = await launchChromium();
  try {
    const page = await openOptions(context, extensionId, '#explorer');
    await waitSeeded(page);
    await page.reload();
    await page.getByTestId('match-count').filter({ hasText: /of/ }).waitFor();
    const [, total] = await matchCount(page);
    assert.ok(total > 100, `bundled entities listed (${total})`);
    // The table is one Tab stop: from its first name, Tab goes on past the other 49 (to the pager), Shift+Tab comes
    // back, and the arrows move between names.
    const names = page.locator('table.entities button.entity-link');
    await names.first().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('table.entities')), false, 'Tab leaves the table');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('.pager')), true, 'to the pager');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), await names.first().innerText());
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), await names.nth(1).innerText());
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'solid', 'the name moved to shows focus');
    await page.getByLabel('Kind').selectOption('ransomware');
    const [ransomware] = await matchCount(page);
    assert.ok(ransomware > 0 && ransomware < total);
    for (const cell of await page.locator('table.entities tbody tr td:nth-child(2)').allInnerTexts()) assert.match(cell, /Ransomware/);
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Name or alias').fill('hidden cobra');
    await page.getByRole('button', { name: 'Lazarus Group' }).waitFor();
    await page.getByRole('button', { name: 'Lazarus Group' }).click();
    await page.waitForFunction(() => location.hash === '#explorer/lazarus-group');
    await page.locator('.graph canvas').first().waitFor({ timeout: 20_000 });
    const detail = page.locator('aside.detail');
    await detail.getByRole('heading', { name: 'Lazarus Group' }).waitFor();
    // Keyboard path through the graph: the detail panel lists the same links as buttons.
    const trickbot = detail.getByRole('button', { name: /TrickBot/ }).first();
    await trickbot.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#explorer/trickbot');
    await detail.getByRole('heading', { name: 'TrickBot' }).waitFor();
    await page.locator('.graph canvas').first().waitFor();
    await page.getByLabel('Links', { exact: true }).selectOption('without');
    const [unlinked] = await matchCount(page);
    assert.ok(unlinked < total);
  } finally {
    await context.close();
  }
});

test('after importing ATT&CK, the graph around APT28 stays readable with 200 nodes', { skip: NO_ATTACK }, async () => {
  const { context, extensionId } = await launchChromium();
  try {
    const page = await openOptions(context, extensionId);
    await waitSeeded(page);
    await page.getByLabel('Choose a file…').setInputFiles(ATTACK);
    await page.getByRole('button', { name: 'Apply import' }).click({ timeout: 60_000 });
    await page.getByText(/^Imported enterprise-groups-software\.json/).waitFor({ timeout: 60_000 });
    await page.goto(page.url().replace(/#.*$/, '#explorer/apt28'));
    await page.locator('.graph canvas').first().waitFor({ timeout: 20_000 });
    const size = await page.locator('.graph-toolbar').innerText();
    const nodes = Number(/(\d+) entities/.exec(size)?.[1]);
    assert.ok(nodes >= 100 && nodes <= 200, `graph size within bounds (${size})`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'out/options-graph.png' });
    // Dark mode: the graph takes its colours from the design tokens.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.locator('.graph canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'out/options-graph-dark.png' });
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();
  } finally {
    await context.close();
  }
});
