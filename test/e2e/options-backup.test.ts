/** Options page, real Chromium: export (STIX 2.1) and a full backup restored into a fresh profile. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './harness';
import { dumpDb, IMPORTS, openOptions, waitSeeded, type DbDump } from './options-support';

async function saveDownload(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

const comparable = (d: DbDump) => ({ ...d, meta: d.meta.filter((m) => m.key !== 'dataVersion') });

test('export, then restore into a fresh profile, gives back the same data', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-backup-'));
  const first = await launchChromium();
  let original: DbDump;
  let backupFile: string;
  try {
    const page = await openOptions(first.context, first.extensionId);
    await waitSeeded(page);
    // Something beyond the bundled data: an imported STIX bundle.
    await page.getByLabel('Choose a file…').setInputFiles(path.join(IMPORTS, 'stix21-sample.json'));
    await page.getByRole('button', { name: 'Apply import' }).click({ timeout: 20_000 });
    await page.getByText(/^Imported stix21-sample\.json/).waitFor();

    const stixFile = await saveDownload(page, () => page.getByRole('button', { name: 'Export everything' }).click(), dir);
    const bundle = JSON.parse(readFileSync(stixFile, 'utf8')) as { type: string; objects: { type: string; spec_version: string; name?: string }[] };
    assert.equal(bundle.type, 'bundle');
    assert.ok(bundle.objects.every((o) => o.spec_version === '2.1'));
    assert.ok(bundle.objects.some((o) => o.type === 'intrusion-set' && o.name === 'Example Panda'), 'the imported actor is exported');
    await page.getByText(/STIX objects/).waitFor();

    backupFile = await saveDownload(page, () => page.getByRole('button', { name: 'Download backup' }).click(), dir);
    original = await dumpDb(page);
    assert.ok(original.entities.length > 0);
  } finally {
    await first.context.close();
  }

  const second = await launchChromium();
  try {
    const page = await openOptions(second.context, second.extensionId);
    await waitSeeded(page);
    assert.notDeepEqual(comparable(await dumpDb(page)), comparable(original), 'the fresh profile starts different');
    await page.getByLabel('Restore from a file…').setInputFiles(backupFile);
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Replace my data' }).click();
    await page.getByText(/^Backup restored/).waitFor({ timeout: 20_000 });
    assert.deepEqual(comparable(await dumpDb(page)), comparable(original));
  } finally {
    await second.context.close();
  }
});
