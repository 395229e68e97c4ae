/**
 * The popup's search with the public feeds imported (../shared/data; skipped without it): 7,000 entities, where a
 * plain prefix order listed BEARDSHELL and Bearlyfy for "bear" and left Fancy Bear out of the twelve shown.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { repositoryBackend } from '../../../src/popup/repo-backend';
import { FEED_FILES, parseFeedFile } from '../../../scripts/lib/feeds';
import { freshRepo, HAS_SHARED, SHARED_DATA, warnIfNoShared } from '../importers/helpers';

warnIfNoShared('the popup search ranking over the public feeds');

describe.skipIf(!HAS_SHARED)('popup search over the public feeds', () => {
  it('puts the obvious entity first for "bear", "lazarus", "cobalt" and "conti"', { timeout: 60_000 }, async () => {
    const repo = await freshRepo();
    for (const f of FEED_FILES) await applyImport(repo, parseFeedFile(join(SHARED_DATA, f)));
    const b = repositoryBackend(repo);
    const names = async (q: string) => (await b.search(q)).map((h) => h.entity.name);

    const bear = await names('bear');
    // The groups known as Cozy Bear and Fancy Bear, the two most reported "Bear"s.
    expect(bear.slice(0, 4)).toEqual(expect.arrayContaining(['APT29', 'APT28']));
    expect(bear.slice(0, 6).filter((n) => /^bear/i.test(n))).toEqual([]);
    expect((await names('lazarus'))[0]).toBe('Lazarus Group');
    const cobalt = await names('cobalt');
    expect(cobalt[0]).toBe('Cobalt Group');
    expect(cobalt.slice(0, 3)).toContain('Cobalt Strike');
    expect((await names('conti'))[0]).toBe('Conti');
    expect((await names('lock'))[0]).toBe('LockBit');
  });
});
