/**
 * No annotation is ever lost: the reader's claims and overrides survive undoing an import, and whatever the reader
 * can store can be backed up and restored.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, restoreBackup, undoImport } from '../../../src/core/db/import-export';
import { MAX_TEXT } from '../../../src/core/db/limits';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const mispFile = (value: string, uuid: string) =>
  detectAndParse(JSON.stringify({ type: 'threat-actor', name: 'Threat Actor', values: [{ value, uuid, meta: {} }] }), 'ta.json');

async function restoresIntoFreshDb(repo: Awaited<ReturnType<typeof freshRepo>>) {
  const backup = JSON.stringify(await exportBackup(repo));
  const other = await freshRepo();
  return restoreBackup(other, backup);
}

describe('undoing an import keeps the reader’s work', () => {
  it('keeps an entity the import brought when the reader has since recorded a claim about it, and the claim with it', async () => {
    const repo = await freshRepo();
    const result = await applyImport(repo, mispFile('Zeta Heron', '0a2b4c6d-1111-4222-8333-944445555666'));
    const zeta = result.undo.added.entities[0]!;
    const claim = await repo.addClaim({ from: zeta, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'My report' } });
    await undoImport(repo, result.undo);
    expect(await repo.entity(zeta)).toMatchObject({ name: 'Zeta Heron' });
    const views = await repo.linksOf('trickbot');
    expect(views.flatMap((v) => v.claims.map((c) => c.id))).toContain(claim.id);
    // …and the backup taken afterwards restores.
    await expect(restoresIntoFreshDb(repo)).resolves.toMatchObject({ claims: expect.any(Number) });
  });

  it('keeps an override the reader set after the import, on a link the import changed or added', async () => {
    const repo = await freshRepo();
    const file = detectAndParse(
      JSON.stringify({
        type: 'threat-actor',
        name: 'Threat Actor',
        values: [
          { value: 'Lazarus Group', uuid: '0a2b4c6d-1111-4222-8333-000000000001', related: [{ 'dest-uuid': '0a2b4c6d-1111-4222-8333-000000000002', type: 'similar' }] },
          { value: 'Quiet Heron', uuid: '0a2b4c6d-1111-4222-8333-000000000002', meta: {} },
        ],
      }),
      'ta.json',
    );
    const result = await applyImport(repo, file);
    const added = result.undo.added.links[0]!;
    expect(added).toBeDefined();
    await repo.setOverride(added, 15, 'I doubt it');
    const changed = (await repo.linksOf('lazarus-group'))[0]!.link.id;
    await repo.setOverride(changed, 90, 'Seen it myself');
    await undoImport(repo, result.undo);
    expect((await repo.db.links.get(added))?.override).toMatchObject({ confidence: 15, reason: 'I doubt it' });
    expect((await repo.db.links.get(changed))?.override).toMatchObject({ confidence: 90, reason: 'Seen it myself' });
    await expect(restoresIntoFreshDb(repo)).resolves.toBeDefined();
  });
});

describe('what the reader stores, a backup restores', () => {
  it('a claim from a very long address with an over-long title and selection', async () => {
    const repo = await freshRepo();
    const pageUrl = `https://intranet.example/sites/reports/view?${'q=abc&'.repeat(1200)}`;
    const claim = await repo.addClaim({
      from: 'lazarus-group',
      relation: 'uses',
      to: 'trickbot',
      stance: 'supports',
      source: { title: 'T'.repeat(30_000), publisher: 'P'.repeat(5_000), url: pageUrl },
      quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(25_000), prefix: 'before ', suffix: ' after' },
      pageUrl,
    });
    expect(claim.pageUrl).toBe(pageUrl);
    expect(claim.source.title.length).toBe(MAX_TEXT);
    expect(claim.source.title.endsWith('…')).toBe(true);
    expect(claim.quote?.exact).toBe('x'.repeat(MAX_TEXT));
    expect(claim.quote?.suffix).toBeUndefined();
    await expect(restoresIntoFreshDb(repo)).resolves.toBeDefined();
  });

  it('a possible actor copied with a zero-width space or soft hyphen from a page', async () => {
    const repo = await freshRepo();
    const entity = await repo.addEntity({ name: 'Storm\u200b-\u00ad9999', kind: 'actor' });
    expect(entity.name).toBe('Storm-9999');
    await expect(restoresIntoFreshDb(repo)).resolves.toBeDefined();
  });

  it('a name with markup or a character reference is refused with a message, not stored', async () => {
    const repo = await freshRepo();
    await expect(repo.addEntity({ name: 'Fox &amp; Kitten', kind: 'actor' })).rejects.toThrow(/plain text/);
    await expect(repo.addEntity({ name: '<b>x</b>', kind: 'actor' })).rejects.toThrow(/plain text/);
  });

  it('a backup whose import log is not a list is refused, so later imports keep working', async () => {
    const repo = await freshRepo();
    const backup = await exportBackup(repo);
    backup.meta.push({ key: 'imports', value: 'not a log' });
    await expect(restoreBackup(repo, JSON.stringify(backup))).rejects.toThrow(/import log/);
    await expect(applyImport(repo, mispFile('Zeta Heron', '0a2b4c6d-1111-4222-8333-944445555666'))).resolves.toBeDefined();
  });
});
