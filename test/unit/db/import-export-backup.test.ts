import { describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { applyImport, exportBackup, importLog, resetToBundled, restoreBackup } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import type { DeletedClaimRow } from '../../../src/core/db/deleted-claims';
import { detectAndParse, ImportError } from '../../../src/core/importers/index';
import { dump, fixture, freshRepo } from '../importers/helpers';

async function populated(): Promise<Repository> {
  const repo = await freshRepo();
  await applyImport(repo, detectAndParse(fixture('stix21-sample.json'), 'stix21-sample.json'));
  await applyImport(repo, detectAndParse(fixture('misp-threat-actor-sample.json'), 'misp-threat-actor-sample.json'));
  await repo.addClaim({
    from: 'lazarus-group',
    relation: 'obtains-access-from',
    to: 'stix:intrusion-set--11111111-2222-4333-8444-555555555555',
    stance: 'supports',
    confidence: 60,
    source: { title: 'Reader note', reliability: 'C' },
    quote: { type: 'TextQuoteSelector', exact: 'bought access', prefix: 'they ', suffix: '.' },
    pageUrl: 'https://example.com/a',
  });
  await repo.setOverride('lazarus-group~obtains-access-from~trickbot', 40, 'Too thin');
  return repo;
}

describe('backup and restore', () => {
  it('round-trips bundled + imported + user data with nothing lost', async () => {
    const repo = await populated();
    const backup = await exportBackup(repo);
    expect(backup).toMatchObject({ format: 'actorlens-backup', version: 2, deleted: [] });
    const text = JSON.stringify(backup);
    const before = await dump(repo, { ignoreMeta: ['dataVersion'] });

    const target = await freshRepo(false);
    const counts = await restoreBackup(target, text, 'backup.json');
    expect(counts).toEqual({ entities: backup.entities.length, links: backup.links.length, claims: backup.claims.length });
    // Deep equality (property order may differ: restore copies known properties in model order).
    expect(JSON.parse(await dump(target, { ignoreMeta: ['dataVersion'] }))).toEqual(JSON.parse(before));
    expect(await exportBackup(target)).toEqual({ ...backup, exportedAt: expect.any(String), meta: expect.any(Array) });
    // The data version moves forward so compiled dictionaries are rebuilt.
    expect(await target.dataVersion()).toBeGreaterThan(await repo.dataVersion());
  });

  it('an entity whose name key outgrows the id limit (NFKD spells a Hangul syllable in three letters) still restores', async () => {
    const repo = await freshRepo();
    const long = await repo.addEntity({ name: '각'.repeat(100), kind: 'actor' });
    const other = await repo.addEntity({ name: `${'각'.repeat(99)}갂`, kind: 'actor' });
    expect(long.id.length).toBeLessThanOrEqual(300);
    expect(other.id).not.toBe(long.id);
    const target = await freshRepo(false);
    await restoreBackup(target, JSON.stringify(await exportBackup(repo)), 'backup.json');
    expect((await target.db.entities.get(long.id))?.name).toBe(long.name);
  });

  it('restoring over a populated database replaces everything', async () => {
    const source = await freshRepo();
    const backup = await exportBackup(source);
    const repo = await populated();
    const mine = await repo.userClaims();
    await restoreBackup(repo, backup);
    const { deleted, ...rest } = JSON.parse(await dump(repo, { ignoreMeta: ['dataVersion'] })) as { deleted: DeletedClaimRow[] };
    const { deleted: _none, ...expected } = JSON.parse(await dump(source, { ignoreMeta: ['dataVersion'] })) as { deleted: DeletedClaimRow[] };
    expect(rest).toEqual(expected);
    // Except the reader's claims, which the backup did not hold: kept in Recently deleted.
    expect(deleted.map((r) => [r.claim, r.by])).toEqual(mine.map((c) => [c, 'restore']));
  });

  it('rejects invalid backups with a located ImportError and writes nothing', async () => {
    const repo = await populated();
    const good = await exportBackup(repo);
    const before = await dump(repo);
    const cases: [unknown, RegExp, string, string][] = [
      [{ ...good, format: 'other' }, /Not an ActorLens backup/, '', 'format'],
      [{ ...good, version: 99 }, /newer ActorLens/, '', 'version'],
      [{ ...good, entities: [{ ...good.entities[0]!, name: '<script>x</script>' }, ...good.entities.slice(1)] }, /plain text/, 'entities[0]', 'name'],
      [{ ...good, links: [{ ...good.links[0]!, relation: 'loves' }] }, /Unknown relation/, 'links[0]', 'relation'],
      [{ ...good, links: [{ ...good.links[0]!, to: 'nobody' }] }, /not an entity of the backup/, 'links[0]', 'to'],
      [{ ...good, claims: [{ ...good.claims[0]!, confidence: -3 }] }, /0 to 100/, 'claims[0]', 'confidence'],
      ['{"format":"actorlens-backup","version":1,"entities":[{"__proto__":{"x":1}}]}', /Forbidden key/, 'entities[0].__proto__', '__proto__'],
      ['{"format":"actorlens-ba', /truncated/, '', ''],
    ];
    for (const [input, message, path, field] of cases) {
      const error = await restoreBackup(repo, input, 'bad.json').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ file: 'bad.json', path, field });
      expect((error as ImportError).message).toMatch(message);
    }
    expect(await dump(repo)).toBe(before);
  });
});

describe('resetToBundled', () => {
  it('removes imported data, keeps user claims and what they need (keepAnnotations)', async () => {
    const repo = await populated();
    const userClaims = await repo.userClaims();
    await resetToBundled(repo, bundledDataset(), BUNDLED_VERSION);
    expect(await repo.userClaims()).toEqual(userClaims);
    const bundled = bundledDataset();
    const ids = new Set((await repo.allEntities()).map((e) => e.id));
    // The bundled entities plus the imported one the user's claim needs.
    expect(ids).toEqual(new Set([...bundled.entities.map((e) => e.id), 'stix:intrusion-set--11111111-2222-4333-8444-555555555555']));
    expect((await repo.entity('lazarus-group'))?.provenance).toEqual(['bundled']);
    expect((await repo.entity('lazarus-group'))?.externalIds).toEqual(bundled.entities.find((e) => e.id === 'lazarus-group')!.externalIds);
    expect((await repo.db.claims.toArray()).filter((c) => c.origin.startsWith('import:'))).toEqual([]);
    expect((await repo.db.links.get('lazarus-group~obtains-access-from~trickbot'))?.override?.reason).toBe('Too thin');
    expect(await importLog(repo)).toEqual([]);
    // No dangling references.
    const links = await repo.db.links.toArray();
    for (const l of links) expect(ids.has(l.from) && ids.has(l.to)).toBe(true);
    const linkIds = new Set(links.map((l) => l.id));
    for (const c of await repo.db.claims.toArray()) expect(linkIds.has(c.linkId)).toBe(true);
  });

  it('without keepAnnotations it is exactly a fresh seed', async () => {
    const repo = await populated();
    const mine = await repo.userClaims();
    await resetToBundled(repo, bundledDataset(), BUNDLED_VERSION, { keepAnnotations: false });
    const fresh = await freshRepo();
    const { deleted, ...rest } = JSON.parse(await dump(repo, { ignoreMeta: ['dataVersion'] })) as { deleted: DeletedClaimRow[] };
    const { deleted: _none, ...expected } = JSON.parse(await dump(fresh, { ignoreMeta: ['dataVersion'] })) as { deleted: DeletedClaimRow[] };
    expect(rest).toEqual(expected);
    // The reader's claims are kept in Recently deleted, whence they can be restored.
    expect(deleted.map((r) => [r.claim, r.by])).toEqual(mine.map((c) => [c, 'reset']));
  });
});
