/**
 * No annotation is lost: a claim of the reader's deleted in the popup, removed by an import of a file naming ActorLens
 * as its creator, dropped by a reset or by a backup restored over it is kept in Recently deleted, whole, and comes back
 * from there; deleting it for good drops only that copy.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, exportStix, previewImport, resetToBundled, restoreBackup, undoImport } from '../../../src/core/db/import-export';
import { listDeleted, purgeDeleted, restoreDeleted } from '../../../src/core/db/deleted-claims';
import { readRemovals, REMOVALS_KEY } from '../../../src/core/db/removals';
import type { Repository } from '../../../src/core/db/repository';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { detectAndParse } from '../../../src/core/importers/index';
import { dump, freshRepo, galaxyFile, VENDOR_CLAIM } from '../importers/helpers';

const RECORDED = new Date('2025-03-04T05:06:07.089Z');
const MOVED = new Date('2025-04-01T00:00:00.000Z');
const REMOVED = new Date('2025-05-01T00:00:00.000Z');
const LATER = new Date('2025-06-01T00:00:00.000Z');
const LAST = new Date('2025-07-01T00:00:00.000Z');

const stix = async (repo: Repository, now: Date) => JSON.stringify(await exportStix(repo, { scope: 'all', now }));
const parse = (text: string, name = 'from-a.json') => detectAndParse(text, name);
const removals = async (repo: Repository) => readRemovals((await repo.db.meta.get(REMOVALS_KEY))?.value);
const claimsOf = async (repo: Repository) => (await repo.db.claims.toArray()).sort((a, b) => a.id.localeCompare(b.id));

/** A reader's claim on a link only they made (to an entity of their own), with an override on it. */
async function withOwnClaim(repo: Repository) {
  const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
  const claim = await repo.addClaim({ ...VENDOR_CLAIM, from: mine.id, relation: 'uses', to: 'trickbot' }, RECORDED);
  await repo.setOverride(claim.linkId, 20, 'one source', RECORDED);
  return { claim, link: (await repo.db.links.get(claim.linkId))! };
}

describe('Recently deleted', () => {
  it('a claim the reader deletes is kept with its source, quote, link and override, and Restore brings all of it back', async () => {
    const repo = await freshRepo();
    const { claim, link } = await withOwnClaim(repo);
    await repo.deleteClaim(claim.id, REMOVED);
    // The link only the reader made went with its last claim, as before.
    expect(await repo.db.links.get(link.id)).toBeUndefined();
    const [row] = await listDeleted(repo);
    expect(row).toMatchObject({ id: claim.id, claim, link, at: REMOVED.toISOString(), by: 'reader' });
    expect(row!.ends.map((e) => e.id).sort()).toEqual([link.from, link.to].sort());

    const result = await restoreDeleted(repo, [claim.id], LATER);
    expect(result).toEqual({ restored: 1, newerKept: 0 });
    expect(await repo.db.claims.get(claim.id)).toEqual({ ...claim, updated: LATER.toISOString() });
    expect((await repo.db.links.get(link.id))?.override).toEqual(link.override);
    expect(await listDeleted(repo)).toEqual([]);
    // The reader's again: no removal stands against it, so our export carries it, not its revoked note.
    expect((await removals(repo)).claims.has(claim.id)).toBe(false);
    const notes = (await exportStix(repo, { scope: 'annotations', now: LAST })).objects.filter((o) => o.type === 'note');
    expect(notes.some((n) => n.revoked === true)).toBe(false);
  });

  it('a claim back already in a copy changed after the one kept (an edit made elsewhere, imported) is left as it is', async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim(VENDOR_CLAIM, RECORDED);
    await repo.deleteClaim(claim.id, REMOVED);
    const edited = { ...claim, stance: 'refutes' as const, updated: LATER.toISOString() };
    await repo.db.claims.put(edited);
    expect(await restoreDeleted(repo, [claim.id], LAST)).toEqual({ restored: 0, newerKept: 1 });
    expect(await repo.db.claims.get(claim.id)).toEqual(edited);
    expect(await listDeleted(repo)).toEqual([]);
  });

  it('the popup\'s undo leaves nothing behind in Recently deleted', async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim(VENDOR_CLAIM, RECORDED);
    const deleted = await repo.deleteClaim(claim.id, REMOVED);
    expect((await listDeleted(repo)).length).toBe(1);
    await repo.restoreClaim(deleted);
    expect(await listDeleted(repo)).toEqual([]);
    expect(await repo.db.claims.get(claim.id)).toEqual(claim);
  });

  it('a claim an import of our own export removed is kept after its undo is gone, and restored stays through the same file again', async () => {
    const a = await freshRepo();
    const b = await freshRepo();
    const onBundled = await a.addClaim(VENDOR_CLAIM, RECORDED);
    await applyImport(b, parse(await stix(a, MOVED)), MOVED);
    await a.deleteClaim(onBundled.id, REMOVED);
    const file = await stix(a, LATER);

    await applyImport(b, parse(file), LATER);
    expect(await b.db.claims.get(onBundled.id)).toBeUndefined();
    const [row] = await listDeleted(b);
    expect(row).toMatchObject({ id: onBundled.id, by: 'import', file: 'from-a.json', at: LATER.toISOString() });
    expect(row!.claim).toMatchObject({ source: VENDOR_CLAIM.source, quote: VENDOR_CLAIM.quote });

    await restoreDeleted(b, undefined, LAST);
    expect((await b.db.claims.get(onBundled.id))?.updated).toBe(LAST.toISOString());
    // Restored after the removal the file carries: the file keeps it (a conflict in the preview), it does not delete it.
    const again = await previewImport(b, parse(file), LAST);
    expect(again.removedClaims).toEqual([]);
    expect(again.conflicts.map((c) => c.kind)).toEqual(['removed-since']);
    await applyImport(b, parse(file), LAST);
    expect(await b.db.claims.get(onBundled.id)).toBeDefined();
    // Where it was deleted, the export from here brings it back, as an edit made after the deletion would.
    await applyImport(a, parse(await stix(b, LAST)), LAST);
    expect((await a.db.claims.get(onBundled.id))?.source).toEqual(VENDOR_CLAIM.source);
  });

  it('undoing the import that removed a claim takes its copy out of Recently deleted: the database is as before the import', async () => {
    const a = await freshRepo();
    const b = await freshRepo();
    const onBundled = await a.addClaim(VENDOR_CLAIM, RECORDED);
    await applyImport(b, parse(await stix(a, MOVED)), MOVED);
    await a.deleteClaim(onBundled.id, REMOVED);
    const before = await dump(b, { ignoreMeta: ['dataVersion'] });
    const { undo } = await applyImport(b, parse(await stix(a, LATER)), LATER);
    expect((await listDeleted(b)).length).toBe(1);
    await undoImport(b, undo);
    expect(await dump(b, { ignoreMeta: ['dataVersion'] })).toBe(before);
  });

  it('delete for good drops only the kept copy: the removal stays, and our export still says the claim was deleted', async () => {
    const repo = await freshRepo();
    const one = await repo.addClaim(VENDOR_CLAIM, RECORDED);
    const two = await repo.addClaim({ ...VENDOR_CLAIM, source: { title: 'Second' } }, RECORDED);
    await repo.deleteClaim(one.id, REMOVED);
    await repo.deleteClaim(two.id, LATER);
    expect((await listDeleted(repo)).map((r) => r.id)).toEqual([two.id, one.id]);
    await purgeDeleted(repo, [one.id]);
    expect((await listDeleted(repo)).map((r) => r.id)).toEqual([two.id]);
    await purgeDeleted(repo);
    expect(await listDeleted(repo)).toEqual([]);
    expect([...(await removals(repo)).claims.keys()].sort()).toEqual([one.id, two.id].sort());
    const revoked = (await exportStix(repo, { scope: 'annotations', now: LAST })).objects.filter((o) => o.type === 'note' && o.revoked === true);
    expect(revoked.length).toBe(2);
  });

  it('a reset that drops annotations keeps them: restored, each comes back with the imported entity its link needs', async () => {
    const repo = await freshRepo();
    await applyImport(repo, parse(galaxyFile('threat-actor', [{ value: 'Quokka Spider', uuid: '0b6a4c1e-5f2d-4e8a-9c3b-7d1e2f3a4b5c' }]), 'galaxy.json'), MOVED);
    const spider = (await repo.entityByAlias('Quokka Spider'))!;
    const claim = await repo.addClaim({ ...VENDOR_CLAIM, from: spider.id, relation: 'uses', to: 'trickbot' }, RECORDED);
    await resetToBundled(repo, bundledDataset(), BUNDLED_VERSION, { keepAnnotations: false });
    expect(await repo.entity(spider.id)).toBeUndefined();
    expect((await listDeleted(repo)).map((r) => [r.id, r.by])).toEqual([[claim.id, 'reset']]);

    await restoreDeleted(repo, [claim.id], LAST);
    expect(await repo.entityByAlias('Quokka Spider')).toMatchObject({ id: spider.id });
    expect((await repo.linksOf(spider.id)).map((v) => v.claims.map((c) => c.id))).toEqual([[claim.id]]);
  });

  it('a backup carries Recently deleted; a restore over claims the backup lacks keeps them there', async () => {
    const a = await freshRepo();
    const { claim } = await withOwnClaim(a);
    await a.deleteClaim(claim.id, REMOVED);
    const backup = JSON.stringify(await exportBackup(a, LATER));

    const b = await freshRepo();
    const only = await b.addClaim({ ...VENDOR_CLAIM, source: { title: 'Only in B' } }, RECORDED);
    await restoreBackup(b, backup, 'backup.json');
    expect((await listDeleted(b)).map((r) => [r.id, r.by]).sort()).toEqual([
      [claim.id, 'reader'],
      [only.id, 'restore'],
    ].sort());
    await restoreDeleted(b, undefined, LAST);
    expect((await claimsOf(b)).filter((c) => c.origin === 'user').map((c) => c.source.title).sort()).toEqual(['Only in B', 'Vendor blog']);
    // The reader's own entity, gone with the backup restored, comes back with the claim that needs it.
    expect(await b.entityByAlias('Quokka Bear')).toBeDefined();
  });

  it('a version-1 backup (no Recently deleted) still restores; a kept claim that is not valid, or not the reader\'s, is refused with its place', async () => {
    const a = await freshRepo();
    await a.addClaim(VENDOR_CLAIM, RECORDED);
    const { deleted: _none, ...v1 } = { ...(await exportBackup(a, LATER)), version: 1 };
    const b = await freshRepo(false);
    await expect(restoreBackup(b, JSON.stringify(v1))).resolves.toMatchObject({ claims: v1.claims.length });

    const c = await freshRepo();
    const gone = await c.addClaim(VENDOR_CLAIM, RECORDED);
    await c.deleteClaim(gone.id, REMOVED);
    const bad = await exportBackup(c, LATER);
    bad.deleted![0]!.claim.stance = 'maybe' as never;
    await expect(restoreBackup(await freshRepo(false), JSON.stringify(bad))).rejects.toMatchObject({ path: 'deleted[0].claim', field: 'stance' });
    // Nor can a backup slip in a claim of the curators' or a feed's as one to restore.
    const foreign = await exportBackup(c, LATER);
    foreign.deleted![0]!.claim.origin = 'bundled';
    await expect(restoreBackup(await freshRepo(false), JSON.stringify(foreign))).rejects.toMatchObject({ path: 'deleted[0].claim', field: 'origin' });
  });
});
