/**
 * An export made before the reader deleted a claim or cleared an override, imported again (here, or after moving to
 * another browser with a backup), used to bring the claim or the override back: nothing told "deleted since" from
 * "never had". Deletions and clearings are now remembered with their time (removals.ts), and the merge leaves out a
 * copy older than its removal, saying so in the preview.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, exportStix, previewImport, restoreBackup } from '../../../src/core/db/import-export';
import { readRemovals, REMOVALS_KEY } from '../../../src/core/db/removals';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { dump, freshRepo, VENDOR_CLAIM } from '../importers/helpers';

const RECORDED = new Date('2025-03-04T05:06:07.089Z');
const EXPORTED = new Date('2025-04-01T00:00:00.000Z');
const REMOVED = new Date('2025-05-01T00:00:00.000Z');

/** Lazarus → TrickBot (a bundled link) and Quokka Bear → TrickBot (a link only the reader made), each with a claim. */
async function annotated() {
  const repo = await freshRepo();
  const onBundled = await repo.addClaim(VENDOR_CLAIM, RECORDED);
  const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
  const onOwn = await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } }, RECORDED);
  await repo.setOverride(onBundled.linkId, 15, 'one vendor only', RECORDED);
  return { repo, onBundled, onOwn, mine };
}

const exported = async (repo: Repository, scope: 'all' | 'annotations' = 'all') => JSON.stringify(await exportStix(repo, { scope, now: EXPORTED }));
const tables = async (repo: Repository) => {
  const all = JSON.parse(await dump(repo)) as Record<string, unknown>;
  return { entities: all.entities, links: all.links, claims: all.claims };
};

describe('an export made before a removal does not undo it', () => {
  for (const scope of ['all', 'annotations'] as const) {
    it(`claims deleted since (${scope} export): not brought back, nor the link only the reader made; the preview says so`, async () => {
      const { repo, onBundled, onOwn } = await annotated();
      const old = await exported(repo, scope);
      await repo.deleteClaim(onBundled.id, REMOVED);
      await repo.deleteClaim(onOwn.id, REMOVED);
      expect(await repo.db.links.get(onOwn.linkId)).toBeUndefined();
      const after = await tables(repo);

      const preview = await previewImport(repo, detectAndParse(old, 'old.json'));
      expect(preview.newClaims).toEqual([]);
      expect(preview.newLinks).toEqual([]);
      // In the file's order, which is by claim id: both ids were made in one millisecond, so either may come first.
      expect(preview.conflicts.map((c) => [c.kind, c.claimId]).sort()).toEqual(
        [
          ['removed-since', onBundled.id],
          ['removed-since', onOwn.id],
        ].sort(),
      );
      expect(preview.conflicts.find((c) => c.claimId === onBundled.id)!.message).toBe(
        'You deleted your claim "Vendor blog" on Lazarus Group obtains-access-from TrickBot on 2025-05-01, after this file\'s copy of it was written; it is not brought back.',
      );
      await applyImport(repo, detectAndParse(old, 'old.json'));
      expect(await tables(repo)).toEqual(after);
    });
  }

  it('an override cleared since: not brought back; one set again afterwards stays as set', async () => {
    const { repo, onBundled } = await annotated();
    const old = await exported(repo);
    await repo.setOverride(onBundled.linkId, null, '', REMOVED);
    const preview = await previewImport(repo, detectAndParse(old, 'old.json'));
    expect(preview.updatedLinks).toEqual([]);
    expect(preview.conflicts.map((c) => c.message)).toEqual([
      "You cleared the confidence override of Lazarus Group obtains-access-from TrickBot on 2025-05-01, after this file's copy of it was set; it is not brought back.",
    ]);
    await applyImport(repo, detectAndParse(old, 'old.json'));
    expect((await repo.db.links.get(onBundled.linkId))?.override).toBeUndefined();

    await repo.setOverride(onBundled.linkId, 80, 'two vendors now', new Date('2025-06-01T00:00:00.000Z'));
    expect(readRemovals((await repo.db.meta.get(REMOVALS_KEY))?.value).overrides.size).toBe(0);
    await applyImport(repo, detectAndParse(old, 'old.json'));
    expect((await repo.db.links.get(onBundled.linkId))?.override).toMatchObject({ confidence: 80, reason: 'two vendors now' });
  });

  it('a copy changed after the removal (the claim edited in another browser since) comes back', async () => {
    const { repo, onBundled } = await annotated();
    const other = await freshRepo();
    await applyImport(other, detectAndParse(await exported(repo), 'moved.json'));
    await repo.deleteClaim(onBundled.id, REMOVED);
    await other.updateClaim(onBundled.id, { confidence: 90 }, new Date('2025-06-01T00:00:00.000Z'));
    const newer = await exported(other);
    const preview = await previewImport(repo, detectAndParse(newer, 'newer.json'));
    expect(preview.conflicts).toEqual([]);
    expect(preview.newClaims.map((c) => [c.id, c.confidence])).toEqual([[onBundled.id, 90]]);
  });

  it('undoing a deletion takes its removal back', async () => {
    const { repo, onOwn } = await annotated();
    const deleted = await repo.deleteClaim(onOwn.id, REMOVED);
    expect([...readRemovals((await repo.db.meta.get(REMOVALS_KEY))?.value).claims.keys()]).toEqual([onOwn.id]);
    await repo.restoreClaim(deleted);
    expect(readRemovals((await repo.db.meta.get(REMOVALS_KEY))?.value).claims.size).toBe(0);
  });

  it('a backup carries the removals to the browser it is restored in', async () => {
    const { repo, onBundled } = await annotated();
    const old = await exported(repo);
    await repo.deleteClaim(onBundled.id, REMOVED);
    const other = await freshRepo(false);
    await restoreBackup(other, JSON.stringify(await exportBackup(repo)));
    const preview = await previewImport(other, detectAndParse(old, 'old.json'));
    expect(preview.newClaims).toEqual([]);
    expect(preview.conflicts.map((c) => c.kind)).toEqual(['removed-since']);
  });

  it('a database from before removals were kept, or a damaged removals row, reads as no removal', async () => {
    const { repo, onBundled } = await annotated();
    const old = await exported(repo);
    await repo.db.claims.delete(onBundled.id); // deleted by a version that kept no record
    await repo.db.meta.put({ key: REMOVALS_KEY, value: { claims: { [onBundled.id]: 'yesterday' }, overrides: 'x' } });
    const preview = await previewImport(repo, detectAndParse(old, 'old.json'));
    expect(preview.newClaims.map((c) => c.id)).toEqual([onBundled.id]);
    // And a deletion recorded now starts a clean list.
    await applyImport(repo, detectAndParse(old, 'old.json'));
    await repo.deleteClaim(onBundled.id, REMOVED);
    expect(readRemovals((await repo.db.meta.get(REMOVALS_KEY))?.value).claims).toEqual(new Map([[onBundled.id, REMOVED.toISOString()]]));
  });

  it('a claim id that is not a safe object key is remembered and the backup still restores', async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim(VENDOR_CLAIM, RECORDED);
    await repo.db.claims.put({ ...claim, id: '__proto__' });
    await repo.deleteClaim('__proto__', REMOVED);
    const other = await freshRepo(false);
    await expect(restoreBackup(other, JSON.stringify(await exportBackup(repo)))).resolves.toBeDefined();
    expect([...readRemovals((await other.db.meta.get(REMOVALS_KEY))?.value).claims.keys()]).toEqual(['__proto__']);
  });
});
