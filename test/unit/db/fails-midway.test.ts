/**
 * A restore or an undo that fails partway (the disk fills, the browser closes the database) leaves everything as it
 * was: entities, links, claims, the reader's own claims, Recently deleted and the import log. Both clear or remove
 * rows before they write the new ones, so a failure after the first step would otherwise lose the reader's work.
 */
import { describe, expect, it, vi } from 'vitest';
import { applyImport, exportBackup, restoreBackup, undoImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import type { Repository } from '../../../src/core/db/repository';
import { dump, fixture, freshRepo, VENDOR_CLAIM } from '../importers/helpers';

/** A database holding some of everything: an import, two claims of the reader's, one of them deleted. */
async function busyRepo(): Promise<Repository> {
  const repo = await freshRepo();
  await applyImport(repo, detectAndParse(fixture('stix21-sample.json'), 'stix21-sample.json'));
  await repo.addClaim(VENDOR_CLAIM);
  const gone = await repo.addClaim({ ...VENDOR_CLAIM, stance: 'refutes' });
  await repo.deleteClaim(gone.id);
  return repo;
}

describe('a failure partway through', () => {
  it('a restore whose writing of claims fails changes nothing', async () => {
    const source = await busyRepo();
    await source.addClaim({ ...VENDOR_CLAIM, relation: 'uses', to: 'dridex' });
    const backup = await exportBackup(source);
    const repo = await busyRepo();
    const before = await dump(repo);
    const spy = vi.spyOn(repo.db.claims, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(restoreBackup(repo, backup, 'backup.json')).rejects.toThrow('QuotaExceededError');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(await dump(repo)).toBe(before);
  });

  it('an undo whose last write fails changes nothing', async () => {
    const repo = await busyRepo();
    const { undo } = await applyImport(repo, detectAndParse(fixture('misp-threat-actor-sample.json'), 'misp-threat-actor-sample.json'));
    await repo.addClaim({ ...VENDOR_CLAIM, relation: 'uses', to: 'dridex', stance: 'refutes' });
    const before = await dump(repo);
    const spy = vi.spyOn(repo, 'bumpDataVersion').mockRejectedValueOnce(new Error('database closed'));
    await expect(undoImport(repo, undo)).rejects.toThrow('database closed');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(await dump(repo)).toBe(before);
  });
});
