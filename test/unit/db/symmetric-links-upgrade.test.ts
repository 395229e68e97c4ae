/**
 * A database written before symmetric links were stored once may hold "A overlaps with B" and "B overlaps with A" as
 * two rows. Opened by this release it holds one link, turned to its stored direction, and keeps every claim (source,
 * quote, page), both notes, the override the reader saw, and what named the old row by id (Recently deleted, removals).
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ActorLensDb } from '../../../src/core/db/database';
import { restoreBackup } from '../../../src/core/db/import-export';
import { readRemovals, REMOVALS_KEY } from '../../../src/core/db/removals';
import { Repository, toRow } from '../../../src/core/db/repository';
import { mergeStatements } from '../../../src/core/db/symmetric-links';
import type { Claim, Link } from '../../../src/core/model/link';
import { freshRepo } from '../importers/helpers';

const V5_STORES = {
  entities: 'id, kind, *keys, *ext, *words',
  links: 'id, from, to, relation',
  claims: 'id, linkId, origin, pageUrl',
  meta: 'key',
  sightings: '++id, entityId, url, at',
  deleted: 'id, at',
};

// Ids in code-unit order: "user:amber" is the stored start of any symmetric link between the two.
const AMBER = 'user:amber';
const NORTH = 'user:north';
const STORED = `${AMBER}~overlaps-with~${NORTH}`;
const REVERSED = `${NORTH}~overlaps-with~${AMBER}`;
const CODE_REVERSED = `${NORTH}~shares-code-with~${AMBER}`;
const CODE_STORED = `${AMBER}~shares-code-with~${NORTH}`;
const USES = `${NORTH}~uses~${AMBER}`;

const entity = (id: string, name: string) => toRow({ id, kind: 'actor', name, aliases: [], provenance: ['user'] });
const OVERRIDE = { confidence: 80, reason: 'Our own review of both reports', at: '2025-06-01T00:00:00.000Z' };
const links: Link[] = [
  { id: STORED, from: AMBER, to: NORTH, relation: 'overlaps-with', status: 'active', note: 'Feed A: the two share tooling.', provenance: ['import:stix:Feed A'] },
  { id: REVERSED, from: NORTH, to: AMBER, relation: 'overlaps-with', status: 'active', note: 'Desk: the same operators, seen twice.', override: OVERRIDE, provenance: ['user'] },
  { id: CODE_REVERSED, from: NORTH, to: AMBER, relation: 'shares-code-with', status: 'historical', provenance: ['import:misp:Feed B'] },
  { id: USES, from: NORTH, to: AMBER, relation: 'uses', status: 'active', provenance: ['user'] },
];
const claim = (id: string, linkId: string, origin: string, extra: Partial<Claim> = {}): Claim => ({
  id,
  linkId,
  origin,
  stance: 'supports',
  source: { title: `Report ${id}`, publisher: `Publisher ${id}`, date: '2025-01-02', url: `https://reports.example/${id}` },
  created: '2025-01-02T00:00:00.000Z',
  ...extra,
});
const claims: Claim[] = [
  claim('feed-a-1', STORED, 'import:stix:Feed A', { confidence: 60 }),
  claim('user:mine', REVERSED, 'user', { quote: { type: 'TextQuoteSelector', exact: 'both crews reused one loader', prefix: 'we saw ', suffix: '.' }, pageUrl: 'https://blog.example/post' }),
  claim('feed-c-1', REVERSED, 'import:misp:Feed C', { confidence: 40 }),
  claim('feed-b-1', CODE_REVERSED, 'import:misp:Feed B'),
  claim('user:uses', USES, 'user'),
];
const deletedClaim = claim('user:old', REVERSED, 'user', { quote: { type: 'TextQuoteSelector', exact: 'an older passage' } });

async function v5Database(): Promise<string> {
  const name = `sym-${Math.random()}`;
  const v5 = new Dexie(name);
  v5.version(5).stores(V5_STORES);
  await v5.table('entities').bulkAdd([entity(AMBER, 'Amber Mole'), entity(NORTH, 'North Desk Crew')]);
  await v5.table('links').bulkAdd(links);
  await v5.table('claims').bulkAdd(claims);
  await v5.table('deleted').add({ id: deletedClaim.id, claim: deletedClaim, link: links[1], ends: [], at: '2025-07-01T00:00:00.000Z', by: 'reader' });
  await v5.table('meta').bulkAdd([
    { key: 'dataVersion', value: 9 },
    {
      key: REMOVALS_KEY,
      value: {
        claims: [{ id: 'user:gone', at: '2025-07-02T00:00:00.000Z', link: REVERSED, created: '2025-01-01T00:00:00.000Z' }],
        overrides: [{ id: CODE_REVERSED, at: '2025-07-03T00:00:00.000Z' }],
      },
    },
  ]);
  v5.close();
  return name;
}

const withoutLink = ({ linkId: _l, ...rest }: Claim) => rest;

describe('schema v6: symmetric links stored once', () => {
  it('merges a link stored both ways into one, keeping every claim, both notes and the override', async () => {
    const db = new ActorLensDb(await v5Database());
    await db.open();
    expect(db.verno).toBe(6);

    expect((await db.links.toArray()).map((l) => l.id).sort()).toEqual([CODE_STORED, STORED, USES].sort());
    const merged = (await db.links.get(STORED))!;
    expect(merged).toMatchObject({ from: AMBER, to: NORTH, relation: 'overlaps-with', override: OVERRIDE });
    expect(merged.provenance.sort()).toEqual(['import:stix:Feed A', 'user']);
    expect(merged.note).toContain('Feed A: the two share tooling.');
    expect(merged.note).toContain('Desk: the same operators, seen twice.');
    // alone the other way round: turned, nothing else changes
    expect(await db.links.get(CODE_STORED)).toEqual({ ...links[2], id: CODE_STORED, from: AMBER, to: NORTH });
    // a directed relation is not turned
    expect(await db.links.get(USES)).toEqual(links[3]);

    const after = new Map((await db.claims.toArray()).map((c) => [c.id, c]));
    expect(after.size).toBe(claims.length);
    for (const c of claims) expect(withoutLink(after.get(c.id)!)).toEqual(withoutLink(c));
    expect(['feed-a-1', 'user:mine', 'feed-c-1'].map((id) => after.get(id)!.linkId)).toEqual([STORED, STORED, STORED]);
    expect(after.get('feed-b-1')!.linkId).toBe(CODE_STORED);
    expect(after.get('user:uses')!.linkId).toBe(USES);

    const kept = (await db.deleted.get('user:old'))!;
    expect(kept.claim).toEqual({ ...deletedClaim, linkId: STORED });
    expect(kept.link).toMatchObject({ id: STORED, from: AMBER, to: NORTH, override: OVERRIDE });
    const removals = readRemovals((await db.meta.get(REMOVALS_KEY))!.value);
    expect([...removals.overrides.keys()]).toEqual([CODE_STORED]);
    expect(removals.details.get('user:gone')?.link).toBe(STORED);
    // the links changed: the dictionary is compiled again
    expect((await db.meta.get('dataVersion'))?.value).toBe(10);

    // each actor's side shows the one link, with all three claims and the reader's override
    const repo = new Repository(db);
    for (const [from, other] of [[AMBER, NORTH], [NORTH, AMBER]] as const) {
      const views = (await repo.linksOf(from)).filter((v) => v.other.id === other && v.link.relation === 'overlaps-with');
      expect(views).toHaveLength(1);
      expect(views[0]!.claims.map((c) => c.id).sort()).toEqual(['feed-a-1', 'feed-c-1', 'user:mine']);
      expect(views[0]!.derived.confidence).toBe(80);
    }
    await db.delete();
  });

  it('both statements overridden: the override shown stays, the other one is kept in the note', async () => {
    const earlier = { confidence: 35, reason: 'Imported from my other browser', at: '2025-03-01T00:00:00.000Z' };
    const merged = mergeStatements({ ...links[0]!, override: earlier }, links[1]!);
    // the popup showed the first by id when both had one
    expect(merged.override).toEqual(earlier);
    expect(merged.note).toContain('Feed A: the two share tooling.');
    expect(merged.note).toContain('Desk: the same operators, seen twice.');
    expect(merged.note).toContain(`${OVERRIDE.confidence} (${OVERRIDE.at}) — ${OVERRIDE.reason}`);
  });

  it('a database with no link stated the other way round opens unchanged, its data version kept', async () => {
    const name = `sym-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V5_STORES);
    const kept = [links[0]!, links[3]!];
    await v5.table('links').bulkAdd(kept);
    await v5.table('claims').bulkAdd([claims[0], claims[4]]);
    await v5.table('meta').add({ key: 'dataVersion', value: 4 });
    v5.close();
    const db = new ActorLensDb(name);
    expect(await db.links.toArray()).toEqual(kept.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await db.meta.get('dataVersion'))?.value).toBe(4);
    await db.delete();
  });

  it('a backup made before restores with its link stated both ways merged into one, every claim on it', async () => {
    const repo = await freshRepo(false);
    const backup = {
      format: 'actorlens-backup',
      version: 1,
      exportedAt: '2025-08-01T00:00:00.000Z',
      entities: [AMBER, NORTH].map((id) => ({ id, kind: 'actor', name: id === AMBER ? 'Amber Mole' : 'North Desk Crew', aliases: [], provenance: ['user'] })),
      links: [links[0], links[1]],
      claims: claims.slice(0, 3),
      meta: [],
    };
    await restoreBackup(repo, JSON.stringify(backup));
    expect((await repo.db.links.toArray()).map((l) => l.id)).toEqual([STORED]);
    expect((await repo.db.claims.toArray()).map((c) => [c.id, c.linkId]).sort()).toEqual([
      ['feed-a-1', STORED],
      ['feed-c-1', STORED],
      ['user:mine', STORED],
    ]);
    expect((await repo.db.links.get(STORED))?.override).toEqual(OVERRIDE);
    await repo.db.delete();
  });
});
