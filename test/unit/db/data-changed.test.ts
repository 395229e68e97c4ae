/**
 * The Repository's change hook: the extension's pages use it to have the background publish a new dictionary, so
 * it must fire once per change and only after the change is committed (a reader in another context must see it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';

const dbs: ActorLensDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('Repository change hook', () => {
  it('fires once per change, after the transaction committed, and a second connection then reads the new data', async () => {
    const name = `t-${Math.random()}`;
    const db = new ActorLensDb(name);
    const other = new ActorLensDb(name);
    dbs.push(db, other);
    const seen: { version: number; found: boolean }[] = [];
    const pending: Promise<void>[] = [];
    const reader = new Repository(other);
    const repo = new Repository(db, () => {
      // What another context reads when told: the committed version and the new entity.
      pending.push(
        (async () => {
          seen.push({ version: await reader.dataVersion(), found: !!(await reader.entityByAlias('Quiet Heron')) });
        })(),
      );
    });
    await repo.seed(bundledDataset(), BUNDLED_VERSION);
    await Promise.all(pending);
    expect(seen).toEqual([{ version: 1, found: false }]);
    await repo.seed(bundledDataset(), BUNDLED_VERSION); // same version: nothing changes, nothing fires
    await repo.addEntity({ name: 'Quiet Heron', kind: 'actor' });
    await Promise.all(pending);
    expect(seen).toEqual([
      { version: 1, found: false },
      { version: 2, found: true },
    ]);
  });

  it('does not fire when a change fails and is rolled back', async () => {
    const db = new ActorLensDb(`t-${Math.random()}`);
    dbs.push(db);
    let calls = 0;
    const repo = new Repository(db, () => calls++);
    await repo.seed(bundledDataset(), BUNDLED_VERSION);
    expect(calls).toBe(1);
    await expect(repo.addEntity({ name: '<b>bad</b>', kind: 'actor' })).rejects.toThrow();
    await expect(
      db.transaction('rw', [db.entities, db.meta], async () => {
        await repo.bumpDataVersion();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
    expect(await repo.dataVersion()).toBe(1);
  });

  it("moves with the reader's links, which spotting reads (two linked names confirm each other), and not with their other claims", async () => {
    const db = new ActorLensDb(`t-${Math.random()}`);
    dbs.push(db);
    let calls = 0;
    const repo = new Repository(db, () => calls++);
    await repo.seed(bundledDataset(), BUNDLED_VERSION);
    const before = await repo.dataVersion();
    const pairLinked = async () => (await repo.linkEnds()).some((l) => l.from === 'emotet' && l.to === 'kimsuky');
    expect(await pairLinked()).toBe(false);
    const first = await repo.addClaim({ from: 'emotet', relation: 'uses', to: 'kimsuky', stance: 'supports', source: { title: 'a note' } });
    expect(await repo.dataVersion()).toBe(before + 1);
    expect(await pairLinked()).toBe(true);
    // a second claim on the same link changes nothing spotting reads
    const second = await repo.addClaim({ from: 'emotet', relation: 'uses', to: 'kimsuky', stance: 'supports', source: { title: 'another note' } });
    expect(await repo.dataVersion()).toBe(before + 1);
    await repo.deleteClaim(second.id);
    expect(await repo.dataVersion()).toBe(before + 1);
    // the last claim takes the reader's link with it, and the dictionary must forget the pair
    await repo.deleteClaim(first.id);
    expect(await repo.dataVersion()).toBe(before + 2);
    expect(await pairLinked()).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(3);
  });
});
