/**
 * Removals travel in our own STIX export. A reader who moves between two browsers with exports (A → B, then A again
 * after deleting a claim) expects B to show what A shows; before, a deletion was carried only by leaving the claim out,
 * and B, which had it from the first export, kept it for ever (and so did a restore of an older backup re-importing a
 * newer export). Now the export holds each deleted claim as its note revoked, and each cleared override as
 * x_actorlens_override_cleared; the import applies them unless the copy here was changed after the removal.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport, undoImport } from '../../../src/core/db/import-export';
import { readRemovals, REMOVALS_KEY } from '../../../src/core/db/removals';
import type { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { dump, freshRepo, VENDOR_CLAIM } from '../importers/helpers';

const RECORDED = new Date('2025-03-04T05:06:07.089Z');
const MOVED = new Date('2025-04-01T00:00:00.000Z');
const REMOVED = new Date('2025-05-01T00:00:00.000Z');
const AGAIN = new Date('2025-06-01T00:00:00.000Z');

const stix = async (repo: Repository, scope: 'all' | 'annotations', now: Date) => JSON.stringify(await exportStix(repo, { scope, now }));
const parse = (text: string) => detectAndParse(text, 'from-a.json');
/** What the reader sees: entities, links and claims (the meta table holds each database's own log and version). */
const view = async (repo: Repository) => {
  const all = JSON.parse(await dump(repo)) as Record<string, unknown>;
  return { entities: all.entities, links: all.links, claims: all.claims };
};

/** Browser A with two claims (one on a bundled link, one on a link only the reader made) and an override; B got its export. */
async function twoBrowsers(scope: 'all' | 'annotations') {
  const a = await freshRepo();
  const onBundled = await a.addClaim(VENDOR_CLAIM, RECORDED);
  const mine = await a.addEntity({ name: 'Quokka Bear', kind: 'actor' });
  const onOwn = await a.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } }, RECORDED);
  await a.setOverride(onBundled.linkId, 15, 'one vendor only', RECORDED);
  const b = await freshRepo();
  await applyImport(b, parse(await stix(a, scope, MOVED)), MOVED);
  expect(await view(b)).toEqual(await view(a));
  return { a, b, onBundled, onOwn };
}

describe('our STIX export carries what the reader removed', () => {
  for (const scope of ['all', 'annotations'] as const) {
    it(`claims deleted and an override cleared in A are gone in B after A's next ${scope} export; the preview says so`, async () => {
      const { a, b, onBundled, onOwn } = await twoBrowsers(scope);
      await a.deleteClaim(onBundled.id, REMOVED);
      await a.deleteClaim(onOwn.id, REMOVED);
      await a.setOverride(onBundled.linkId, null, '', REMOVED);
      const next = await stix(a, scope, AGAIN);

      const preview = await previewImport(b, parse(next), AGAIN);
      expect(preview.removedClaims.map((c) => c.id).sort()).toEqual([onBundled.id, onOwn.id].sort());
      expect(preview.removedLinks.map((l) => l.id)).toEqual([onOwn.linkId]);
      expect(preview.updatedLinks.map((c) => [c.before.id, c.before.override?.confidence, c.after.override])).toEqual([[onBundled.linkId, 15, undefined]]);
      expect(preview.conflicts).toEqual([]);

      await applyImport(b, parse(next), AGAIN);
      expect(await view(b)).toEqual(await view(a));
      // Imported once more, the same file changes nothing.
      const again = await previewImport(b, parse(next), AGAIN);
      expect([again.removedClaims, again.updatedLinks, again.newClaims, again.newLinks]).toEqual([[], [], [], []]);
    });
  }

  it('re-imported into the browser it was made in, an export with removals changes nothing', async () => {
    const { a, onBundled, onOwn } = await twoBrowsers('all');
    await a.deleteClaim(onBundled.id, REMOVED);
    await a.deleteClaim(onOwn.id, REMOVED);
    await a.setOverride(onBundled.linkId, null, '', REMOVED);
    const before = await dump(a, { ignoreMeta: ['imports'] });
    const preview = await previewImport(a, parse(await stix(a, 'all', AGAIN)), AGAIN);
    expect([preview.removedClaims, preview.updatedLinks, preview.newClaims, preview.conflicts]).toEqual([[], [], [], []]);
    await applyImport(a, parse(await stix(a, 'all', AGAIN)), AGAIN);
    expect(await dump(a, { ignoreMeta: ['imports'] })).toBe(before);
  });

  it('B remembers the removals: the first export, imported again afterwards, does not bring them back', async () => {
    const { a, b, onBundled } = await twoBrowsers('all');
    const first = await stix(a, 'all', MOVED);
    await a.deleteClaim(onBundled.id, REMOVED);
    await a.setOverride(onBundled.linkId, null, '', REMOVED);
    await applyImport(b, parse(await stix(a, 'all', AGAIN)), AGAIN);
    const removals = readRemovals((await b.db.meta.get(REMOVALS_KEY))?.value);
    expect(removals.claims.get(onBundled.id)).toBe(REMOVED.toISOString());
    expect(removals.overrides.get(onBundled.linkId)).toBe(REMOVED.toISOString());
    const after = await view(b);
    await applyImport(b, parse(first), AGAIN);
    expect(await view(b)).toEqual(after);
  });

  it('an export with removals imported into a fresh profile gives the same view', async () => {
    const { a, onBundled } = await twoBrowsers('all');
    await a.deleteClaim(onBundled.id, REMOVED);
    const fresh = await freshRepo();
    await applyImport(fresh, parse(await stix(a, 'all', AGAIN)), AGAIN);
    expect(await view(fresh)).toEqual(await view(a));
  });

  it('a claim B changed after A deleted it stays, and the preview says why', async () => {
    const { a, b, onBundled } = await twoBrowsers('all');
    await a.deleteClaim(onBundled.id, REMOVED);
    await b.updateClaim(onBundled.id, { confidence: 90 }, AGAIN);
    const preview = await previewImport(b, parse(await stix(a, 'all', AGAIN)), AGAIN);
    expect(preview.removedClaims).toEqual([]);
    expect(preview.conflicts.map((c) => c.message)).toEqual([
      'Your claim "Vendor blog" was deleted where from-a.json was made, on 2025-05-01, but you have changed it here since; it is kept.',
    ]);
  });

  it('undoing the import brings the claims, the link and the override back, and forgets the removals it brought', async () => {
    const { a, b, onBundled, onOwn } = await twoBrowsers('all');
    const before = await dump(b, { ignoreMeta: ['dataVersion', 'imports'] });
    await a.deleteClaim(onBundled.id, REMOVED);
    await a.deleteClaim(onOwn.id, REMOVED);
    await a.setOverride(onBundled.linkId, null, '', REMOVED);
    const { undo } = await applyImport(b, parse(await stix(a, 'all', AGAIN)), AGAIN);
    await undoImport(b, undo);
    expect(await dump(b, { ignoreMeta: ['dataVersion', 'imports'] })).toEqual(before);
  });

  it('an import that fails at its last write deletes nothing and remembers nothing', async () => {
    const { a, b, onBundled, onOwn } = await twoBrowsers('all');
    await a.deleteClaim(onBundled.id, REMOVED);
    await a.deleteClaim(onOwn.id, REMOVED);
    await a.setOverride(onBundled.linkId, null, '', REMOVED);
    const before = await dump(b);
    b.bumpDataVersion = async () => {
      throw new Error('disk full');
    };
    await expect(applyImport(b, parse(await stix(a, 'all', AGAIN)), AGAIN)).rejects.toThrow('disk full');
    expect(await dump(b)).toBe(before);
  });

  it("a file that is not our own export, or that names a claim that is not the reader's, deletes nothing", async () => {
    const { a, b, onBundled } = await twoBrowsers('all');
    await a.deleteClaim(onBundled.id, REMOVED);
    const bundle = await exportStix(a, { scope: 'all', now: AGAIN });
    const withdrawn = bundle.objects.find((o) => o.type === 'note' && o.revoked === true)!;
    expect(withdrawn).toMatchObject({ x_actorlens_claim_id: onBundled.id, modified: REMOVED.toISOString() });

    // Someone else's bundle with the same revoked note: only our own export speaks for the reader.
    const foreign = {
      ...bundle,
      objects: bundle.objects.map((o) => ({ ...o, created_by_ref: 'identity--00000000-0000-4000-8000-000000000001' })),
    };
    expect((await previewImport(b, parse(JSON.stringify(foreign)), AGAIN)).removedClaims).toEqual([]);

    // Our own export naming a curator's claim: not the reader's to delete.
    const bundled = (await b.db.claims.where('origin').equals('bundled').first())!;
    const hostile = { ...bundle, objects: bundle.objects.map((o) => (o === withdrawn ? { ...o, x_actorlens_claim_id: bundled.id } : o)) };
    const preview = await previewImport(b, parse(JSON.stringify(hostile)), AGAIN);
    expect(preview.removedClaims).toEqual([]);
    await applyImport(b, parse(JSON.stringify(hostile)), AGAIN);
    expect(await b.db.claims.get(bundled.id)).toEqual(bundled);
  });
});
