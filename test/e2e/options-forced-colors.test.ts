/**
 * The options page in forced colours (Windows high contrast; forcedColors in Playwright), real Chromium: the top bar
 * marks the current tab only, and the graph's legend keeps the shapes and colours the graph (a canvas, which forced
 * colours leave alone) is drawn with. Screenshot: out/options-forced-colors.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser } from './harness';
import { openOptions } from './options-support';

const env = sharedBrowser();

test('in forced colours the current tab alone is underlined and the graph legend keeps its colours', async () => {
  const options = await openOptions(env.browser.context, env.browser.extensionId, '#explorer/lazarus-group');
  try {
    // Opened on a fresh profile as it is being seeded: the details wait for the bundled data (they said "not found").
    await options.emulateMedia({ forcedColors: 'active' });
    await options.locator('aside.detail h3').waitFor();
    const tabs = await options.locator('.top nav a').evaluateAll((links) => links.map((a) => ({ current: a.getAttribute('aria-current') === 'page', line: getComputedStyle(a).borderBottomColor })));
    const current = tabs.filter((x) => x.current);
    assert.equal(current.length, 1);
    for (const other of tabs.filter((x) => !x.current)) assert.notEqual(other.line, current[0]!.line, 'another tab is underlined like the current one');

    const fills = await options.locator('.legend-node').evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).backgroundColor));
    assert.equal(new Set(fills).size, fills.length, `each kind has its own colour in the legend (${fills.join(', ')})`);
    await options.screenshot({ path: 'out/options-forced-colors.png' });
  } finally {
    await options.close();
  }
});
