/**
 * axe-core on the popup and the options page in their main states: fails on any serious or critical violation (and on
 * a page without an h1, fixed by the audit), so
 * the audited state (contrast, names, roles) is kept. axe runs through page.evaluate, which the extension pages'
 * strict CSP does not block, so the pages need no relaxed policy for the check. Screenshots go to out/a11y-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { popupFor, sharedBrowser } from './harness';
import { openOptions } from './options-support';

const env = sharedBrowser();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run;
    return run(document, { resultTypes: ['violations'] });
  });
  return result.violations;
}

/** Checks light and dark, returning "rule (impact) × nodes: targets" lines for the violations that fail the test. */
async function serious(page: Page, label: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `out/a11y-${label}-${scheme}.png`, fullPage: true });
    const all = await axe(page);
    if (process.env.AXE_REPORT) console.log(`${label}/${scheme}:`, all.map((v) => `${v.id}(${v.impact})×${v.nodes.length}`).join(' ') || 'none');
    for (const v of all) {
      // Serious and critical always fail; the one moderate rule the audit fixed (one h1 per page) is kept as well.
      if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'page-has-heading-one') out.push(`${scheme} ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

test('the popup has no serious, critical or missing-h1 axe violation on the demo article, in an entity, and on an empty page', async () => {
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().waitFor();
    const found = await serious(popup, 'popup-home');
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    await popup.locator('h1.entity-name').waitFor();
    await popup.locator('.link-row .link-head').first().click();
    await popup.locator('.evidence').first().waitFor();
    found.push(...(await serious(popup, 'popup-entity')));
    assert.deepEqual(found, []);
  } finally {
    await popup.close();
    await page.close();
  }
  const empty = await popupFor(env, '/claim-empty.html');
  try {
    await empty.popup.locator('.empty').waitFor();
    assert.deepEqual(await serious(empty.popup, 'popup-empty'), []);
  } finally {
    await empty.popup.close();
    await empty.page.close();
  }
});

test('the options page has no serious, critical or missing-h1 axe violation in data, explorer and settings', async () => {
  const options = await openOptions(env.browser.context, env.browser.extensionId, '#data');
  try {
    const found: string[] = [];
    await options.waitForTimeout(500);
    found.push(...(await serious(options, 'options-data')));
    await options.goto(`chrome-extension://${env.browser.extensionId}/options/options.html#explorer`);
    await options.locator('header.top nav').waitFor();
    await options.waitForTimeout(800);
    found.push(...(await serious(options, 'options-explorer')));
    await options.goto(`chrome-extension://${env.browser.extensionId}/options/options.html#settings`);
    await options.locator('header.top nav').waitFor();
    await options.waitForTimeout(500);
    found.push(...(await serious(options, 'options-settings')));
    assert.deepEqual(found, []);
  } finally {
    await options.close();
  }
});
