/**
 * Kana voicing marks are part of a name's key: ラザルス (razarusu) and ラサルス (rasarusu) are different names, and a
 * database written when both had one key is re-keyed on upgrade, losing nothing.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ActorLensDb } from '../../../src/core/db/database';
import { applyImport } from '../../../src/core/db/import-export';
import { nameKey } from '../../../src/core/db/keys';
import { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo, galaxyFile } from '../importers/helpers';

describe('kana keys', () => {
  it('voiced and semi-voiced kana keep their own keys; half-width and full-width spellings share one', () => {
    expect(nameKey('ラザルス')).not.toBe(nameKey('ラサルス'));
    expect(nameKey('パンダ')).not.toBe(nameKey('ハンダ'));
    expect(nameKey('パンダ')).not.toBe(nameKey('バンダ'));
    expect(nameKey('ﾗｻﾞﾙｽ')).toBe(nameKey('ラザルス'));
    expect(nameKey('らざるす')).not.toBe(nameKey('らさるす'));
    // Accents on Latin letters are still ignored.
    expect(nameKey('Café Bear')).toBe(nameKey('cafe bear'));
  });

  it('two clusters named ラザルス and ラサルス are two entities, each found by its own name', async () => {
    const repo = await freshRepo();
    const file = galaxyFile('threat-actor', [
      { value: 'ラザルス', uuid: '1c0e6f3a-2b4d-4e5f-8a9b-0c1d2e3f4a5b' },
      { value: 'ラサルス', uuid: '2d1f7a4b-3c5e-4f6a-9b0c-1d2e3f4a5b6c' },
    ]);
    const { preview } = await applyImport(repo, detectAndParse(file, 'galaxy.json'));
    expect(preview.newEntities.map((e) => e.name).sort()).toEqual(['ラサルス', 'ラザルス']);
    expect(preview.conflicts).toEqual([]);
    expect((await repo.entityByAlias('ラザルス'))?.name).toBe('ラザルス');
    expect((await repo.entityByAlias('ﾗｻﾞﾙｽ'))?.name).toBe('ラザルス');
    expect((await repo.entityByAlias('ラサルス'))?.name).toBe('ラサルス');
    expect((await repo.search('ラザ')).map((h) => h.entity.name)).toEqual(['ラザルス']);
  });

  it('a version-4 database keyed the old way is re-keyed on upgrade: every row kept, each name finds its own entity', async () => {
    const name = `kana-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      entities: 'id, kind, *keys, *ext, *words',
      links: 'id, from, to, relation',
      claims: 'id, linkId, origin, pageUrl',
      meta: 'key',
      sightings: '++id, entityId, url, at',
      deleted: 'id, at',
    });
    // As the release before this one stored them: the voicing mark dropped, both rows under one key.
    const row = (id: string, n: string) => ({ id, kind: 'actor', name: n, aliases: [{ name: `${n} 班` }], provenance: ['user'], keys: ['ラサルス', 'ラサルス班'], ext: [], words: ['班'] });
    await v4.table('entities').bulkAdd([row('user:a', 'ラザルス'), row('user:b', 'ラサルス')]);
    await v4.table('links').add({ id: 'user:a~uses~user:b', from: 'user:a', to: 'user:b', relation: 'uses', status: 'active', provenance: ['user'] });
    await v4.table('claims').add({ id: 'c', linkId: 'user:a~uses~user:b', origin: 'user', source: { title: 't' }, stance: 'supports', created: '2026-01-01T00:00:00.000Z' });
    await v4.table('meta').add({ key: 'dataVersion', value: 9 });
    v4.close();

    const db = new ActorLensDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    const repo = new Repository(db);
    expect((await db.entities.get('user:a'))?.keys).toEqual([nameKey('ラザルス'), nameKey('ラザルス 班')]);
    expect((await repo.entityByAlias('ラザルス'))?.id).toBe('user:a');
    expect((await repo.entityByAlias('ラサルス 班'))?.id).toBe('user:b');
    expect(await db.claims.count()).toBe(1);
    expect(await db.links.count()).toBe(1);
    expect((await db.meta.get('dataVersion'))?.value).toBe(9);
    await db.delete();
  });

  it('a name added by the reader before the upgrade keeps its id; the other spelling added since gets one of its own', async () => {
    const name = `kana-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({ entities: 'id, kind, *keys, *ext, *words', links: 'id, from, to, relation', claims: 'id, linkId, origin, pageUrl', meta: 'key', sightings: '++id, entityId, url, at', deleted: 'id, at' });
    // Added as ラザルス when its key was ラサルス: the id was made from that key.
    await v4.table('entities').add({ id: 'user:ラサルス', kind: 'actor', name: 'ラザルス', aliases: [], provenance: ['user'], keys: ['ラサルス'], ext: [], words: [] });
    v4.close();
    const repo = new Repository(new ActorLensDb(name));
    const other = await repo.addEntity({ name: 'ラサルス', kind: 'actor' });
    expect(other.id).not.toBe('user:ラサルス');
    expect((await repo.entity('user:ラサルス'))?.name).toBe('ラザルス');
    expect((await repo.entityByAlias('ラサルス'))?.id).toBe(other.id);
    expect((await repo.addEntity({ name: 'ラザルス', kind: 'actor' })).id).toBe('user:ラサルス');
    await repo.db.delete();
  });

  it('a version-3 database gains an empty Recently deleted and keeps its claims', async () => {
    const name = `kana-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({ entities: 'id, kind, *keys, *ext, *words', links: 'id, from, to, relation', claims: 'id, linkId, origin, pageUrl', meta: 'key', sightings: '++id, entityId, url, at' });
    await v3.table('claims').add({ id: 'c', linkId: 'l', origin: 'user', source: { title: 't' }, stance: 'supports', created: '2026-01-01T00:00:00.000Z' });
    v3.close();
    const db = new ActorLensDb(name);
    expect(await db.deleted.count()).toBe(0);
    expect(await db.claims.get('c')).toMatchObject({ origin: 'user' });
    await db.delete();
  });
});
