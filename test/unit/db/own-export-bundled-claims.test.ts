/**
 * The bundled claims are the curators' and only a re-seed writes them (Repository.seed). An export carries them whole
 * (x_actorlens_claims), so one made by an older release, imported into a newer one (a new machine, a fresh install),
 * put the older wording, source or date back over the curators' correction, shown as an updated claim.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { applyImport, exportStix, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

describe('a bundled claim in our own export', () => {
  it('does not replace the bundled claim of the release the database was seeded with', async () => {
    const older = await freshRepo();
    const claim = bundledDataset().claims.find((c) => c.source.date)!;
    // As an older release shipped it, before a correction.
    await older.db.claims.put({ ...claim, source: { ...claim.source, date: '1999' }, confidence: 5 });
    const text = JSON.stringify(await exportStix(older, { scope: 'all' }));

    const fresh = await freshRepo();
    const preview = await previewImport(fresh, detectAndParse(text, 'older-release.json'));
    expect(preview.updatedClaims).toEqual([]);
    await applyImport(fresh, detectAndParse(text, 'older-release.json'));
    expect(await fresh.db.claims.get(claim.id)).toEqual(claim);
  });

  it('still comes back into a database that does not have it', async () => {
    const repo = await freshRepo();
    const text = JSON.stringify(await exportStix(repo, { scope: 'all' }));
    const empty = await freshRepo(false);
    await applyImport(empty, detectAndParse(text, 'all.json'));
    expect(await empty.db.claims.where('origin').equals('bundled').count()).toBe(bundledDataset().claims.length);
  });
});
