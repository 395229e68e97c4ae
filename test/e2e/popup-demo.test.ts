/**
 * The popup in real Chromium on the demo article: who is on the page, the Lazarus Group entity view with its
 * likely / refuted / historical links and their evidence, search, the empty state, keyboard-only use, and
 * screenshots of every view in light and dark (out/popup-*.png).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { popupFor, sharedBrowser } from './harness';

const env = sharedBrowser();

const linkRow = (popup: Page, name: string) => popup.locator('.link-row', { has: popup.locator('.link-other', { hasText: new RegExp(`^${name}$`) }) });

test('on the demo article the popup lists the entities by kind and Lazarus shows likely, refuted and historical links with sources', async () => {
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    for (const name of ['Lazarus Group', 'TrickBot', 'TA505', 'Dridex']) await popup.getByRole('button', { name: new RegExp(name) }).first().waitFor();
    const groups = await popup.locator('.group-title').allInnerTexts();
    assert.match(groups[0]!, /Threat actor/);
    assert.ok(groups.some((g) => /Malware/.test(g)));
    const actors = await popup.locator('.group-actor .name').allInnerTexts();
    assert.equal(actors[0], 'Lazarus Group', 'most mentioned actor first');

    // Keyboard only: Tab from the search box reaches Lazarus Group; Enter opens it.
    await popup.locator('input[type=search]').focus();
    await popup.keyboard.press('Tab');
    assert.match(await popup.evaluate(() => document.activeElement?.textContent ?? ''), /Lazarus Group/);
    await popup.keyboard.press('Enter');
    await popup.locator('h1.entity-name', { hasText: 'Lazarus Group' }).waitFor();

    const trick = linkRow(popup, 'TrickBot');
    await trick.waitFor();
    assert.match(await trick.locator('.confidence-word').innerText(), /^likely$/);
    assert.match(await trick.locator('.sources-count').innerText(), /\d+ sources?/);
    assert.match(await trick.locator('.status-badge').innerText(), /active/);
    await trick.locator('.link-head').focus();
    await popup.keyboard.press('Enter');
    await trick.locator('.evidence').first().waitFor();
    const evidence = await trick.locator('.evidence-list').innerText();
    assert.match(evidence, /Dark Reading/);
    assert.match(evidence, /Reliability/);
    assert.equal(await trick.locator('a.evidence-title').first().getAttribute('target'), '_blank');

    const dridex = linkRow(popup, 'Dridex');
    assert.match((await dridex.getAttribute('class')) ?? '', /status-refuted/);
    assert.match(await dridex.innerText(), /refuted/);
    const ta505 = linkRow(popup, 'TA505');
    assert.match((await ta505.getAttribute('class')) ?? '', /status-historical/);
    assert.match(await ta505.innerText(), /historical/);
    await popup.locator('.pivots .entity-row').first().waitFor();
    assert.match(await popup.locator('.pivots').innerText(), /via /);

    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-entity-${scheme}.png`, fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'light' });

    // Escape goes back, with focus on the row that was opened.
    await popup.keyboard.press('Escape');
    await popup.locator('.spotted').waitFor();
    assert.match(await popup.evaluate(() => document.activeElement?.textContent ?? ''), /Lazarus Group/);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-home-${scheme}.png`, fullPage: true });
    }

    // Search as you type, with the matched alias.
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.locator('input[type=search]').fill('diamond');
    const hit = popup.getByRole('option', { name: /Lazarus Group/ });
    await hit.waitFor();
    assert.match(await hit.innerText(), /Diamond Sleet/);
    // From the keyboard, the results are the search box's listbox: Arrow Down, Enter opens; Escape comes back to the box.
    await popup.keyboard.press('ArrowDown');
    assert.equal(await popup.locator('input[type=search]').getAttribute('aria-activedescendant'), await hit.getAttribute('id'));
    assert.equal(await hit.getAttribute('aria-selected'), 'true');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-search-${scheme}.png`, fullPage: true });
    }
    await popup.keyboard.press('Enter');
    await popup.locator('h1.entity-name', { hasText: 'Lazarus Group' }).waitFor();
    await popup.keyboard.press('Escape');
    await hit.waitFor();
    assert.equal(await popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), 'search');
    await popup.keyboard.press('Escape');
    assert.equal(await popup.locator('input[type=search]').getAttribute('aria-activedescendant'), null);
    assert.equal(await popup.locator('input[type=search]').inputValue(), 'diamond');
  } finally {
    await popup.close();
    await page.close();
  }
});

test('an empty page says so and offers search', async () => {
  const { page, popup } = await popupFor(env, '/claim-empty.html');
  try {
    const offer = popup.getByRole('button', { name: 'Search the knowledge base' });
    await offer.waitFor();
    assert.match(await popup.locator('.empty').innerText(), /No known actors or malware/);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `out/popup-empty-${scheme}.png`, fullPage: true });
    }
    await offer.click();
    assert.equal(await popup.evaluate(() => (document.activeElement as HTMLInputElement).type), 'search');
  } finally {
    await popup.close();
    await page.close();
  }
});
