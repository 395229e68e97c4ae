/** A database created by schema version 1 opens with the current schema with nothing lost. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ActorLensDb } from '../../../src/core/db/database';
import { readRemovals, REMOVALS_KEY } from '../../../src/core/db/removals';
import { Repository } from '../../../src/core/db/repository';

describe('schema upgrade', () => {
  it('opens a version-1 database and keeps its rows', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ entities: 'id, kind, *keys, *ext', links: 'id, from, to, relation', claims: 'id, linkId, origin, pageUrl', meta: 'key' });
    await v1.table('entities').add({ id: 'x', kind: 'actor', name: 'X', aliases: [], provenance: ['user'], keys: ['x'], ext: [] });
    await v1.table('claims').add({ id: 'c', linkId: 'l', origin: 'user', source: { title: 't' }, stance: 'supports', created: '2026-01-01' });
    v1.close();

    const db = new ActorLensDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.entities.get('x')).toMatchObject({ name: 'X' });
    expect(await db.claims.where('origin').equals('user').count()).toBe(1);
    await db.sightings.add({ entityId: 'x', url: 'https://a/', title: 'A', at: '2026-01-02' });
    expect(await db.sightings.count()).toBe(1);
    await db.delete();
  });

  it('a version-3 database with annotations needs no upgrade for removals: nothing is lost, the first removal is kept', async () => {
    const name = `upgrade-${Math.random()}`;
    // The schema as the release before removals wrote it (no removals row in meta).
    const v3 = new Dexie(name);
    v3.version(3).stores({ entities: 'id, kind, *keys, *ext, *words', links: 'id, from, to, relation', claims: 'id, linkId, origin, pageUrl', meta: 'key', sightings: '++id, entityId, url, at' });
    const entity = (id: string, n: string) => ({ id, kind: 'actor', name: n, aliases: [], provenance: ['user'], keys: [id], ext: [], words: [] });
    await v3.table('entities').bulkAdd([entity('a', 'A'), entity('b', 'B')]);
    const override = { confidence: 30, reason: 'mine', at: '2026-01-01T00:00:00.000Z' };
    await v3.table('links').bulkAdd([
      { id: 'a~uses~b', from: 'a', to: 'b', relation: 'uses', status: 'active', provenance: ['user'], override },
      { id: 'b~uses~a', from: 'b', to: 'a', relation: 'uses', status: 'active', provenance: ['user'], override },
    ]);
    const claim = (id: string, linkId: string) => ({ id, linkId, origin: 'user', source: { title: id }, stance: 'supports', created: '2026-01-01T00:00:00.000Z' });
    await v3.table('claims').bulkAdd([claim('c1', 'a~uses~b'), claim('c2', 'a~uses~b'), claim('c3', 'b~uses~a')]);
    await v3.table('meta').add({ key: 'dataVersion', value: 7 });
    v3.close();

    const db = new ActorLensDb(name);
    const repo = new Repository(db);
    expect(await db.claims.count()).toBe(3);
    await repo.deleteClaim('c1', new Date('2026-02-01T00:00:00.000Z'));
    await repo.setOverride('b~uses~a', null, '', new Date('2026-02-02T00:00:00.000Z'));
    const removals = readRemovals((await db.meta.get(REMOVALS_KEY))?.value);
    expect([...removals.claims]).toEqual([['c1', '2026-02-01T00:00:00.000Z']]);
    expect([...removals.overrides]).toEqual([['b~uses~a', '2026-02-02T00:00:00.000Z']]);
    // Every other annotation as it was.
    expect((await db.claims.toArray()).map((c) => c.id).sort()).toEqual(['c2', 'c3']);
    expect((await db.links.get('a~uses~b'))?.override).toEqual(override);
    expect(await db.entities.count()).toBe(2);
    expect((await db.meta.get('dataVersion'))?.value).toBe(7);
    await db.delete();
  });
});
