/**
 * "Export my annotations" carries what a reset keeps as the reader's (backup.ts resetToBundled): their claims, and also
 * their overrides on links they recorded no claim on and the entities they added by hand. Moved to another browser with
 * that export, the last two were lost.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo, VENDOR_CLAIM } from '../importers/helpers';

describe('the annotations export', () => {
  it('brings an override without a claim of the reader and a hand-added entity without links to a fresh install', async () => {
    const repo = await freshRepo();
    await repo.addClaim(VENDOR_CLAIM);
    const added = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor' });
    const scored = bundledDataset().links.find((l) => !l.id.startsWith('lazarus-group~obtains-access-from~'))!;
    await repo.setOverride(scored.id, 10, 'one vendor only');

    const bundle = await exportStix(repo, { scope: 'annotations' });
    const target = await freshRepo();
    const { preview } = await applyImport(target, detectAndParse(JSON.stringify(bundle), 'annotations.json'));
    expect(preview.conflicts).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(await target.entity(added.id)).toEqual(added);
    expect((await target.db.links.get(scored.id))?.override).toEqual((await repo.db.links.get(scored.id))?.override);
    // Nothing else of the bundled data is written out: only the overridden link's claims, for its derived confidence.
    const rels = bundle.objects.filter((o) => o.type === 'relationship').map((o) => o.x_actorlens_relation);
    expect(rels).toHaveLength(2);
  });
});
