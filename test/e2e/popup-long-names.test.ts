/**
 * The popup with the long names public feeds carry (MISP has "Barack Obama's Everlasting Blue Blackmail Virus
 * Ransomware"): names wrap inside the 400px popup and the buttons that carry them keep their icons.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, tabIdOf } from './harness';
import { openOptions, waitSeeded } from './options-support';

const env = sharedBrowser();

const UUID = '0f3c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const LONG = 'Barack Obama’s Everlasting Blue Blackmail Virus Ransomware Operators Collective';

const galaxy = {
  name: 'Ransomware', type: 'ransomware', source: 'test', uuid: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', version: 1, authors: ['test'], description: 'test', category: 'tool',
  values: [{ value: LONG, uuid: UUID, description: 'A ransomware with a very long name.', meta: { synonyms: ['Obama Everlasting Blackmail'] } }],
};

test('a long entity name wraps in the popup and its "Record a claim about" button keeps its icon', async () => {
  const { context, extensionId } = env.browser;
  const options = await openOptions(context, extensionId);
  await waitSeeded(options);
  await options.getByLabel('Choose a file…').setInputFiles({ name: 'long-name.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(galaxy)) });
  await options.getByRole('button', { name: 'Apply import' }).click();
  await options.getByText(/^Imported long-name\.json/).waitFor();

  // "Record a claim about" needs a page ActorLens reads: the popup is opened for an article tab.
  const article = await context.newPage();
  await article.goto(env.server.url('/claim-empty.html'));
  const tabId = await tabIdOf(env.browser.worker, article);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tabId}&entity=${encodeURIComponent(`misp:${UUID}`)}`);
  await popup.locator('h1.entity-name').waitFor();
  const button = popup.getByRole('button', { name: `Record a claim about ${LONG}` });
  await button.waitFor();
  await popup.screenshot({ path: 'out/popup-long-name.png' });
  const icon = await button.locator('svg.icon').evaluate((svg) => svg.getBoundingClientRect().width);
  assert.equal(Math.round(icon), 16, 'the + icon keeps its size');
  const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing wider than the popup');
});
