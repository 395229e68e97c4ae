/**
 * Addresses that would run script or carry the file's own content ("javascript:", "data:") are never stored as a
 * claim's source or page: a backup holding one is refused whole, the repository refuses one, and an export never
 * hands one on to another tool as a link.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, exportStix, restoreBackup } from '../../../src/core/db/import-export';
import { ImportError } from '../../../src/core/importers/types';
import { dump, freshRepo, VENDOR_CLAIM } from '../importers/helpers';

type Row = { origin: string; source: { url?: string }; pageUrl?: string };

async function backupWith(edit: (claim: Row) => void): Promise<unknown> {
  const repo = await freshRepo();
  await repo.addClaim(VENDOR_CLAIM);
  const backup = JSON.parse(JSON.stringify(await exportBackup(repo))) as { claims: Row[] };
  edit(backup.claims.find((c) => c.origin === 'user')!);
  return backup;
}

describe('addresses of a scheme other than http(s) and file:', () => {
  it.each([
    ['source url', (c: Row) => (c.source.url = 'javascript:alert(document.domain)'), 'claims[*].source', 'url'],
    ['source url, spaced and capitalised', (c: Row) => (c.source.url = ' JavaScript:alert(1)'), 'claims[*].source', 'url'],
    ['page url', (c: Row) => (c.pageUrl = 'data:text/html,<script>alert(1)</script>'), 'claims[*]', 'pageUrl'],
  ])('a backup with one in its %s is refused and changes nothing', async (_what, edit, path, field) => {
    const backup = await backupWith(edit);
    const repo = await freshRepo();
    await repo.addClaim({ ...VENDOR_CLAIM, stance: 'refutes' });
    const before = await dump(repo);
    const error = await restoreBackup(repo, backup, 'evil-backup.json').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.path).toMatch(new RegExp(`^${path.replace('[*]', '\\[\\d+\\]').replace('.', '\\.')}$`));
    expect(e.field).toBe(field);
    expect(e.reason).toMatch(/http\(s\) or file: address/);
    expect(await dump(repo)).toBe(before);
  });

  it('a backup whose source address is only words, not an address, still restores (it is never a link)', async () => {
    const backup = await backupWith((c) => (c.source.url = 'printed copy, p. 4'));
    const repo = await freshRepo();
    await restoreBackup(repo, backup, 'old-backup.json');
    const mine = (await repo.db.claims.toArray()).filter((c) => c.origin === 'user');
    expect(mine.map((c) => c.source.url)).toEqual(['printed copy, p. 4']);
  });

  it('the repository refuses a claim citing one, and writes nothing', async () => {
    const repo = await freshRepo();
    const before = await dump(repo);
    await expect(repo.addClaim({ ...VENDOR_CLAIM, source: { ...VENDOR_CLAIM.source, url: 'javascript:alert(1)' } })).rejects.toThrow(/http\(s\) or file: address/);
    await expect(repo.addClaim({ ...VENDOR_CLAIM, pageUrl: 'data:,x' })).rejects.toThrow(/http\(s\) or file: address/);
    expect(await dump(repo)).toBe(before);
    const claim = await repo.addClaim(VENDOR_CLAIM);
    await expect(repo.updateClaim(claim.id, { source: { ...VENDOR_CLAIM.source, url: 'vbscript:x' } })).rejects.toThrow(/http\(s\) or file: address/);
    expect((await repo.db.claims.get(claim.id))!.source.url).toBe(VENDOR_CLAIM.source.url);
  });

  it('an export does not hand one on as a reference link (a database from before the check may hold one)', async () => {
    const repo = await freshRepo();
    const claim = await repo.addClaim(VENDOR_CLAIM);
    await repo.db.claims.update(claim.id, { 'source.url': 'javascript:alert(1)' });
    const bundle = await exportStix(repo, { scope: 'annotations' });
    const refs = bundle.objects.flatMap((o) => ((o as { external_references?: { url?: string }[] }).external_references ?? []).map((r) => r.url));
    expect(refs).not.toContain('javascript:alert(1)');
    expect(JSON.stringify(bundle)).toContain('Vendor blog');
  });
});
