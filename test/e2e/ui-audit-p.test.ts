/**
 * Audit P (popup and options as a demanding analyst sees them), real Chromium: an entity whose feed description runs
 * to paragraphs shows its first lines and its links within reach, with a button for the rest; the explorer's detail
 * panel breaks a long alias without spaces instead of scrolling sideways. The data is a MISP instance's export of a
 * galaxy (GalaxyCluster / GalaxyElement), imported through the options page. Screenshots go to out/ui-audit-p-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { layoutProblems, sharedBrowser } from './harness';
import { openOptions, waitSeeded } from './options-support';

const env = sharedBrowser();
const UUID = '11111111-1111-4111-8111-111111111111';
const ID = `misp:${UUID}`;
const LONG_ALIAS = 'averyveryverylongaliaswithoutanyspacesthatgoesonandonforever_0123456789';
const DESCRIPTION = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of a long-running espionage group's description.`).join(' ');

/** A MISP instance export of one threat-actor cluster with a long description and 26 names, imported once. */
let imported = false;
async function importExport(): Promise<void> {
  if (imported) return;
  const file = path.join(tmpdir(), 'ui-audit-p-misp-export.json');
  const synonyms = [...Array.from({ length: 25 }, (_, i) => `Glass Heron Alias ${i}`), LONG_ALIAS];
  writeFileSync(
    file,
    JSON.stringify([
      {
        GalaxyCluster: { value: 'Glass Heron', uuid: UUID, type: 'threat-actor', description: DESCRIPTION, GalaxyElement: synonyms.map((value) => ({ key: 'synonyms', value })), GalaxyClusterRelation: [] },
        Galaxy: { name: 'Threat Actor', type: 'threat-actor' },
      },
    ]),
  );
  const options = await openOptions(env.browser.context, env.browser.extensionId);
  await waitSeeded(options);
  await options.getByLabel('Choose a file…').setInputFiles(file);
  await options.getByRole('button', { name: 'Apply import' }).click();
  await options.getByText(/^Imported ui-audit-p-misp-export\.json/).waitFor();
  await options.close();
  imported = true;
}

test('a long description is cut to its first lines, the links stay in reach, and "Show the whole description" shows the rest', async () => {
  await importExport();
  const popup = await env.browser.context.newPage();
  try {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup/popup.html?entity=${encodeURIComponent(ID)}`);
    const description = popup.locator('p.description');
    await description.waitFor();
    const cut = await description.innerText();
    assert.ok(cut.endsWith('…') && DESCRIPTION.startsWith(cut.slice(0, -1)) && cut.length < DESCRIPTION.length / 4, `cut to its start: ${cut}`);
    assert.ok((await description.evaluate((p) => p.clientHeight)) < 150, 'a few lines high');
    // The links section starts just under the names and those lines (in full, the text put it ≈ 1,600 px down).
    const linksTop = await popup.getByRole('heading', { name: /^Links/i }).evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(linksTop < 800, `links heading at ${linksTop} px`);
    assert.deepEqual(await layoutProblems(popup), []);
    await popup.screenshot({ path: 'out/ui-audit-p-description-cut.png', fullPage: true });

    const more = popup.getByRole('button', { name: 'Show the whole description' });
    await more.click();
    await more.waitFor({ state: 'detached' });
    assert.equal(await description.innerText(), DESCRIPTION, 'the whole description is shown');
    // Focus goes to the text the button completed, not back to the top of the page.
    await popup.waitForFunction(() => document.activeElement?.classList.contains('description'), undefined, { timeout: 2000 });
    assert.deepEqual(await layoutProblems(popup), []);
    await popup.screenshot({ path: 'out/ui-audit-p-description-whole.png', fullPage: true });
  } finally {
    await popup.close();
  }
});

test('a short description has no "Show the whole description" button', async () => {
  const popup = await env.browser.context.newPage();
  try {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup/popup.html?entity=lazarus-group`);
    await popup.locator('p.description').waitFor();
    await popup.getByRole('heading', { name: /^Links/i }).waitFor();
    assert.equal(await popup.getByRole('button', { name: 'Show the whole description' }).count(), 0);
  } finally {
    await popup.close();
  }
});

test("the explorer's detail panel breaks a long alias without spaces instead of scrolling sideways", async () => {
  await importExport();
  const options = await openOptions(env.browser.context, env.browser.extensionId, `#explorer/${encodeURIComponent(ID)}`);
  try {
    const detail = options.locator('.detail');
    await detail.getByRole('heading', { name: 'Glass Heron' }).waitFor();
    const alias = detail.locator('.aliases li', { hasText: LONG_ALIAS });
    const [panel, chip] = [await detail.boundingBox(), await alias.boundingBox()];
    assert.ok(panel && chip && chip.x + chip.width <= panel.x + panel.width, `alias ${JSON.stringify(chip)} inside the panel ${JSON.stringify(panel)}`);
    assert.equal(await detail.evaluate((d) => d.scrollWidth <= d.clientWidth), true, 'no sideways scroll in the panel');
    await alias.scrollIntoViewIfNeeded();
    await options.screenshot({ path: 'out/ui-audit-p-explorer-detail.png' });
  } finally {
    await options.close();
  }
});
