/**
 * The last import's undo record is kept in extension storage, so one written before symmetric links were stored once
 * can name a link the other way round ("B overlaps with A") that the database now holds as "A overlaps with B". Undoing
 * that import must still take the link away, and must not take a link the reader had before the import with it.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ActorLensDb } from '../../../src/core/db/database';
import { undoImport, type ImportUndo } from '../../../src/core/db/import-export';
import { Repository, toRow } from '../../../src/core/db/repository';
import type { Claim, Link } from '../../../src/core/model/link';

const AMBER = 'user:amber';
const NORTH = 'user:north';
const STORED = `${AMBER}~overlaps-with~${NORTH}`;
const REVERSED = `${NORTH}~overlaps-with~${AMBER}`;
const IMPORTED_AT = '2025-05-01T00:00:00.000Z';

const entity = (id: string, name: string) => toRow({ id, kind: 'actor', name, aliases: [], provenance: ['user'] });
const link = (id: string, from: string, to: string, provenance: string): Link => ({ id, from, to, relation: 'overlaps-with', status: 'active', provenance: [provenance] });
const claim = (id: string, linkId: string, origin: string): Claim => ({
  id,
  linkId,
  origin,
  stance: 'supports',
  source: { title: `Report ${id}`, publisher: 'Publisher', date: '2025-01-02', url: `https://reports.example/${id}` },
  created: '2025-01-02T00:00:00.000Z',
});

/** A v5 database holding `rows` and `claimRows`, opened by this release (schema v6 merges the two directions). */
async function upgraded(rows: Link[], claimRows: Claim[]): Promise<Repository> {
  const name = `undo-v5-${Math.random()}`;
  const v5 = new Dexie(name);
  v5.version(5).stores({ entities: 'id, kind, *keys, *ext, *words', links: 'id, from, to, relation', claims: 'id, linkId, origin, pageUrl', meta: 'key', sightings: '++id, entityId, url, at', deleted: 'id, at' });
  await v5.table('entities').bulkAdd([entity(AMBER, 'Amber Mole'), entity(NORTH, 'North Desk Crew')]);
  await v5.table('links').bulkAdd(rows);
  await v5.table('claims').bulkAdd(claimRows);
  await v5.table('meta').add({ key: 'imports', value: [undoRecord.record] });
  v5.close();
  const db = new ActorLensDb(name);
  await db.open();
  return new Repository(db);
}

// What the import wrote before the upgrade: the link stated "North overlaps with Amber", with one claim.
const undoRecord: ImportUndo = {
  record: { id: 'imp-1', fileName: 'feed-c.json', format: 'misp-galaxy', feed: 'Feed C', at: IMPORTED_AT, counts: { newEntities: 0, updatedEntities: 0, newLinks: 1, updatedLinks: 0, newClaims: 1, updatedClaims: 0, conflicts: 0, warnings: 0 }, skipped: { revoked: 0, deprecated: 0, unsupported: 0, orphaned: 0 } },
  added: { entities: [], links: [REVERSED], claims: ['feed-c-1'] },
  previous: { entities: [], links: [], claims: [] },
};

describe('undoing an import recorded before symmetric links were stored once', () => {
  it('takes away the link the import added the other way round, with its claim', async () => {
    const repo = await upgraded([link(REVERSED, NORTH, AMBER, 'import:misp:Feed C')], [claim('feed-c-1', REVERSED, 'import:misp:Feed C')]);
    expect((await repo.db.links.toArray()).map((l) => l.id)).toEqual([STORED]);
    await undoImport(repo, undoRecord);
    expect(await repo.db.links.count()).toBe(0);
    expect(await repo.db.claims.count()).toBe(0);
    expect((await repo.linksOf(AMBER)).length).toBe(0);
    await repo.db.delete();
  });

  it('keeps a link the reader had before the import, stated the other way, with its own claim', async () => {
    const repo = await upgraded(
      [link(STORED, AMBER, NORTH, 'user'), link(REVERSED, NORTH, AMBER, 'import:misp:Feed C')],
      [claim('user:mine', STORED, 'user'), claim('feed-c-1', REVERSED, 'import:misp:Feed C')],
    );
    expect((await repo.db.claims.toArray()).map((c) => c.linkId)).toEqual([STORED, STORED]);
    await undoImport(repo, undoRecord);
    expect((await repo.db.links.toArray()).map((l) => l.id)).toEqual([STORED]);
    expect((await repo.db.claims.toArray()).map((c) => c.id)).toEqual(['user:mine']);
    await repo.db.delete();
  });
});
