/** Undoing an import keeps the reader's own claims it brought back that they have edited since. */
import { describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { applyImport, exportBackup, exportStix, resetToBundled, restoreBackup, undoImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

describe('undoing an import that brought the reader’s claims back', () => {
  it('keeps a claim edited since, with its link and both ends, and says so', async () => {
    const repo = await freshRepo();
    await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
    const edited = await repo.addClaim({ from: 'user:quokkabear', relation: 'uses', to: 'trickbot', stance: 'supports', confidence: 70, source: { title: 'Mine' } });
    const untouched = await repo.addClaim({ from: 'lazarus-group', relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Other' } });
    const bundle = JSON.stringify(await exportStix(repo, { scope: 'annotations' }));
    await resetToBundled(repo, bundledDataset(), BUNDLED_VERSION, { keepAnnotations: false });
    const at = new Date('2030-01-01T00:00:00Z');
    const result = await applyImport(repo, detectAndParse(bundle, 'mine.json'), at);
    expect(result.undo.added.claims).toEqual(expect.arrayContaining([edited.id, untouched.id]));
    await repo.updateClaim(edited.id, { confidence: 95, source: { title: 'Mine, corrected' } }, new Date('2030-01-01T00:05:00Z'));

    const undone = await undoImport(repo, result.undo);
    expect(await repo.db.claims.get(untouched.id)).toBeUndefined();
    const kept = await repo.db.claims.get(edited.id);
    expect(kept).toMatchObject({ confidence: 95, source: { title: 'Mine, corrected' } });
    expect(await repo.db.links.get(kept!.linkId)).toBeDefined();
    expect(await repo.entity('user:quokkabear')).toMatchObject({ name: 'Quokka Bear' });
    expect(undone.kept.claims).toEqual([edited.id]);
    expect(undone.kept.links).toEqual([kept!.linkId]);
    expect(undone.kept.entities).toEqual(['user:quokkabear']);
    // …and what remains backs up and restores.
    await expect(restoreBackup(await freshRepo(), JSON.stringify(await exportBackup(repo)))).resolves.toBeDefined();
  });
});
