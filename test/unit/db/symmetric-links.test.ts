/**
 * A relation that reads the same both ways ("overlaps with") stated once each way — feeds list it in both entities'
 * records — is one link to the reader: one row, the claims of both, one group heading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';

const dbs: ActorLensDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function seeded(): Promise<Repository> {
  const db = new ActorLensDb(`t-${Math.random()}`);
  dbs.push(db);
  const repo = new Repository(db);
  await repo.seed(bundledDataset(), BUNDLED_VERSION);
  return repo;
}

describe('a symmetric relation stated both ways', () => {
  it('shows as one link from either end, with the claims of both, and reads "overlaps with" both ways', async () => {
    const repo = await seeded();
    const one = await repo.addClaim({ from: 'emotet', relation: 'overlaps-with', to: 'kimsuky', stance: 'supports', confidence: 60, source: { title: 'first note', publisher: 'North Desk', date: '2024-01-02' } });
    const alone = (await repo.linksOf('emotet')).find((v) => v.other.id === 'kimsuky')!.derived.confidence!;
    const two = await repo.addClaim({ from: 'kimsuky', relation: 'overlaps-with', to: 'emotet', stance: 'supports', confidence: 70, source: { title: 'second note', publisher: 'South Desk', date: '2025-03-04' } });
    for (const [from, other] of [['emotet', 'kimsuky'], ['kimsuky', 'emotet']] as const) {
      const views = (await repo.linksOf(from)).filter((v) => v.other.id === other);
      expect(views).toHaveLength(1);
      expect(views[0]!.direction).toBe('out');
      // both claims, newest first, and a confidence drawn from both (two publishers: more than either alone)
      expect(views[0]!.claims.map((c) => c.id)).toEqual([two.id, one.id]);
      expect(views[0]!.derived.confidence).toBeGreaterThan(alone);
    }
    // counted once, as shown (the explorer's Links column, the popup search's ranking)
    const before = (await seeded().then((r) => r.linkCounts())).get('emotet') ?? 0;
    expect((await repo.linkCounts()).get('emotet')).toBe(before + 1);
  });
  it('a directed relation both ways stays two links ("uses" is not "is used by")', async () => {
    const repo = await seeded();
    await repo.addClaim({ from: 'emotet', relation: 'uses', to: 'kimsuky', stance: 'supports', source: { title: 'a' } });
    await repo.addClaim({ from: 'kimsuky', relation: 'uses', to: 'emotet', stance: 'supports', source: { title: 'b' } });
    const views = (await repo.linksOf('emotet')).filter((v) => v.other.id === 'kimsuky');
    expect(views.map((v) => v.direction).sort()).toEqual(['in', 'out']);
  });
});
