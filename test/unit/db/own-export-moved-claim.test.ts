/**
 * A link only the reader made goes with its last claim. When they move that claim to another link (editing its
 * entities or relation), an export made before the move, imported again, made the old link again with no claim on it:
 * an empty link in the entity view, counted in the explorer, that nothing could remove.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

describe('an export made before a claim moved to another link', () => {
  it('does not make the old link again, empty', async () => {
    const repo = await freshRepo();
    const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
    const claim = await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } });
    const old = JSON.stringify(await exportStix(repo, { scope: 'all' }));
    await repo.updateClaim(claim.id, { link: { from: mine.id, relation: 'uses', to: 'dridex' } });
    expect(await repo.db.links.get(claim.linkId)).toBeUndefined();

    const preview = await previewImport(repo, detectAndParse(old, 'old.json'));
    expect(preview.newLinks).toEqual([]);
    // The claim itself: the reader's newer version stays, as for any edit since the export.
    expect(preview.conflicts.map((c) => [c.kind, c.claimId])).toEqual([['user-claim', claim.id]]);
    await applyImport(repo, detectAndParse(old, 'old.json'));
    expect(await repo.db.links.get(claim.linkId)).toBeUndefined();
    expect((await repo.db.claims.get(claim.id))?.linkId).toBe(`${mine.id}~uses~dridex`);
  });

  it('into an empty database the reader\'s links come back with their claims', async () => {
    const repo = await freshRepo();
    const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
    const claim = await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } });
    const empty = await freshRepo(false);
    await applyImport(empty, detectAndParse(JSON.stringify(await exportStix(repo, { scope: 'annotations' })), 'a.json'));
    expect(await empty.db.links.get(claim.linkId)).toEqual(await repo.db.links.get(claim.linkId));
  });
});
