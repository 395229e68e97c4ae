import { describe, expect, it } from 'vitest';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';
import { eraseSightings, pagesSeenSince, recordSightings, sightingCount } from '../../../src/core/db/sightings';

describe('local history (sightings)', () => {
  it('records each entity once per page visit, counts distinct pages, and erases', async () => {
    const repo = new Repository(new ActorLensDb(`s-${Math.random()}`));
    const t0 = new Date('2026-11-20T10:00:00Z');
    await recordSightings(repo, ['lazarus-group', 'trickbot', 'lazarus-group'], 'https://a.example/1', 'A', t0);
    // The same page re-read ten minutes later is the same visit.
    await recordSightings(repo, ['lazarus-group'], 'https://a.example/1', 'A', new Date(t0.getTime() + 600_000));
    await recordSightings(repo, ['lazarus-group'], 'https://b.example/2', 'B', new Date(t0.getTime() + 700_000));
    expect(await sightingCount(repo)).toEqual({ sightings: 3, pages: 2 });
    expect(await pagesSeenSince(repo, 'lazarus-group', new Date('2026-11-01T00:00:00Z'))).toBe(2);
    expect(await pagesSeenSince(repo, 'trickbot', new Date('2026-11-21T00:00:00Z'))).toBe(0);
    await eraseSightings(repo);
    expect(await sightingCount(repo)).toEqual({ sightings: 0, pages: 0 });
    await repo.db.delete();
  });
});
