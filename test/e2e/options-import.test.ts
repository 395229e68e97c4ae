/**
 * Options page, real Chromium: importing the public MISP threat-actor galaxy through the file input shows the
 * right counts, then a page highlights an actor known only from that file; a broken file shows where it is
 * broken and changes nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SpottedReport } from '../../src/core/protocol';
import { launchChromium, serveFixtures, spotted, highlightTexts } from './harness';
import { countOf, dumpDb, IMPORTS, MISP_ACTORS, NO_SHARED_DATA, openOptions, waitSeeded } from './options-support';

let server: Awaited<ReturnType<typeof serveFixtures>>;
before(async () => {
  server = await serveFixtures();
});
after(async () => {
  await server.close();
});

/** The name the fixture page uses: in threat-actor.json, not in the bundled data (checked below). */
const ONLY_IN_FILE = 'Rocket Kitten';

const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

test('importing the MISP threat-actor galaxy shows the right counts, and a page then highlights an actor known only from it', { skip: NO_SHARED_DATA }, async () => {
  // Expected numbers, computed from the file itself.
  const galaxy = JSON.parse(readFileSync(MISP_ACTORS, 'utf8')) as { values: { value: string; meta?: { synonyms?: string[] } }[] };
  const inFile = galaxy.values.length;
  const target = galaxy.values.find((v) => v.value === ONLY_IN_FILE);
  assert.ok(target, `${ONLY_IN_FILE} is in threat-actor.json`);

  const { context, worker, extensionId } = await launchChromium();
  try {
    const options = await openOptions(context, extensionId);
    await waitSeeded(options);
    const before = await dumpDb(options);
    // The chosen actor is unknown before the import (by any of its names).
    const known = new Set((before.entities as { keys: string[] }[]).flatMap((e) => e.keys));
    for (const name of [target.value, ...(target.meta?.synonyms ?? [])]) assert.ok(!known.has(norm(name)), `${name} is not in the bundled data`);

    // Before the import, the fixture page does not know it: at most a possible actor (the cue "the threat actor X"
    // and the "… Kitten" scheme can find the name), never the known entity.
    const article = await context.newPage();
    await article.goto(server.url('/options-rocket-kitten.html'));
    const first = await spotted(worker, article);
    assert.ok(!first.matches.some((m) => m.name === ONLY_IN_FILE && m.entityId), 'not known before the import');

    await options.bringToFront();
    await options.getByLabel('Choose a file…').setInputFiles(MISP_ACTORS);
    await options.locator('[data-count="newEntities"]').waitFor({ timeout: 30_000 });
    assert.equal(await countOf(options, 'inFile'), inFile, 'entities in the file');
    const fresh = await countOf(options, 'newEntities');
    const updated = await countOf(options, 'updatedEntities');
    assert.ok(fresh > 0 && updated > 0, `new ${fresh}, updated ${updated}`);
    assert.ok(fresh + updated <= inFile, 'no entity counted twice');
    // Preview wrote nothing.
    assert.deepEqual(await dumpDb(options), before);
    await options.screenshot({ path: 'out/options-import-preview.png', fullPage: false });

    await options.getByRole('button', { name: 'Apply import' }).click();
    await options.getByText(/^Imported threat-actor\.json/).waitFor({ timeout: 30_000 });
    const afterDump = await dumpDb(options);
    assert.equal(afterDump.entities.length, before.entities.length + fresh, 'the database grew by the "new" count exactly');
    const updatedRows = (afterDump.entities as { provenance: string[] }[]).filter((e) => e.provenance.includes('bundled') && e.provenance.includes('misp:threat-actor'));
    assert.equal(updatedRows.length, updated, 'as many bundled entities gained the MISP provenance as "updated" said');
    // The undo button is offered for this import.
    await options.getByRole('button', { name: 'Undo this import' }).waitFor();
    // The public feed card of this galaxy knows it was imported, though from a file rather than its address.
    const card = options.locator('.preset').filter({ has: options.getByRole('heading', { name: 'MISP galaxy: threat actors', exact: true }) });
    await card.getByText(/^Last imported/).waitFor();
    await card.getByRole('button', { name: 'Update now' }).waitFor();

    // The page that was already open reads itself again with the published dictionary, without a reload; a newly
    // opened page highlights the actor too. (Publishing compiles ≈1,000 more names in the background: poll.)
    const hasTarget = (r: SpottedReport) => r.matches.some((m) => m.name === ONLY_IN_FILE && m.entityId);
    const eventually = async (page: Page, present = true): Promise<SpottedReport> => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const r = await spotted(worker, page);
        if (hasTarget(r) === present || Date.now() > deadline) return r;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const live = await eventually(article);
    assert.ok(hasTarget(live), `${ONLY_IN_FILE} spotted on the open page after import (got ${live.matches.map((m) => m.name).join(', ')})`);
    const again = await context.newPage();
    await again.goto(server.url('/options-rocket-kitten.html'));
    const report = await eventually(again);
    assert.ok(hasTarget(report), `${ONLY_IN_FILE} spotted after import (got ${report.matches.map((m) => m.name).join(', ')})`);
    const painted = await highlightTexts(again);
    assert.ok(painted['actorlens-actor']?.includes(ONLY_IN_FILE), 'painted as an actor');
    await again.screenshot({ path: 'out/options-after-import-article.png' });

    // Undo takes it back exactly.
    await options.bringToFront();
    await options.getByRole('button', { name: 'Undo this import' }).click();
    await options.getByText(/was undone/).waitFor();
    const undone = await dumpDb(options);
    const key = (rows: unknown[]) => (rows as { id: string }[]).map((r) => r.id).sort();
    assert.deepEqual(key(undone.entities), key(before.entities));
    assert.deepEqual(key(undone.links), key(before.links));
    // …and the open page no longer highlights it.
    assert.ok(!hasTarget(await eventually(again, false)), `${ONLY_IN_FILE} no longer spotted after the undo`);
  } finally {
    await context.close();
  }
});

test('a broken file shows its error with its place in the file and changes nothing', async () => {
  const { context, extensionId } = await launchChromium();
  try {
    const options = await openOptions(context, extensionId);
    await waitSeeded(options);
    const before = await dumpDb(options);
    await options.getByLabel('Choose a file…').setInputFiles(path.join(IMPORTS, 'hostile/img-onerror.json'));
    const alert = options.getByRole('alert').filter({ hasText: 'nothing was imported' });
    await alert.waitFor({ timeout: 20_000 });
    const table = options.locator('table.issues');
    const row = table.locator('tbody tr').first();
    assert.equal(await row.locator('td').nth(0).innerText(), 'img-onerror.json');
    assert.equal(await row.locator('td').nth(1).innerText(), 'values[1].meta.synonyms[1]');
    assert.equal(await row.locator('td').nth(2).innerText(), 'synonyms');
    assert.match(await row.locator('td').nth(3).innerText(), /plain text/);
    // The hostile name is shown as text, never as markup.
    assert.equal(await options.locator('main img').count(), 0);
    assert.equal(await options.getByRole('button', { name: 'Apply import' }).count(), 0, 'no way to apply a broken file');
    await options.screenshot({ path: 'out/options-import-error.png' });
    assert.deepEqual(await dumpDb(options), before);
  } finally {
    await context.close();
  }
});

test('a file cut off in the middle is said to be incomplete JSON, with the line and column where it stops', async () => {
  const { context, extensionId } = await launchChromium();
  try {
    const options = await openOptions(context, extensionId);
    await waitSeeded(options);
    const whole = readFileSync(path.join(IMPORTS, 'misp-threat-actor-sample.json'), 'utf8');
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    const lines = cut.trimEnd().split('\n');
    await options.getByLabel('Choose a file…').setInputFiles({ name: 'threat-actor.json', mimeType: 'application/json', buffer: Buffer.from(cut) });
    await options.getByRole('alert').filter({ hasText: 'nothing was imported' }).waitFor({ timeout: 20_000 });
    const preview = options.locator('.preview');
    assert.match(await preview.innerText(), /Incomplete JSON/);
    assert.doesNotMatch(await preview.innerText(), /Unrecognised format/);
    const row = options.locator('table.issues tbody tr').first();
    assert.equal(await row.locator('td').nth(1).innerText(), `line ${lines.length}, column ${lines.at(-1)!.length + 1}`);
    const problem = await row.locator('td').nth(3).innerText();
    assert.match(problem, /^The file ends before its JSON is complete \(line \d+, column \d+\)/);
    // Not the browser's own parser message.
    assert.doesNotMatch(problem, /position|JSON input|Unterminated|Expected|Unexpected/);
  } finally {
    await context.close();
  }
});
