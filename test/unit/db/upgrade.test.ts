/** A database created by schema version 1 opens with the current schema with nothing lost. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ActorLensDb } from '../../../src/core/db/database';

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
});
