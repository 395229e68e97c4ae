/**
 * A relation that reads the same both ways ("overlaps with") stated once each way — feeds list it in both entities'
 * records — is one link to the reader: one row, the claims of both, one group heading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import { Repository } from '../../../src/core/db/repository';
import { detectAndParse } from '../../../src/core/importers/index';

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

const IDENTITY = 'identity--0b7a61c4-1f2e-4d3c-9a8b-7c6d5e4f3a21';
const AMBER = 'intrusion-set--1a2b3c4d-0000-4000-8000-00000000a001';
const NORTH = 'intrusion-set--1a2b3c4d-0000-4000-8000-00000000a002';
const at = '2025-04-01T00:00:00.000Z';
const relationship = (n: number, source: string, target: string, publisher: string) => ({
  type: 'relationship',
  spec_version: '2.1',
  id: `relationship--5e6f7a8b-0000-4000-8000-00000000b00${n}`,
  created: at,
  modified: at,
  created_by_ref: IDENTITY,
  relationship_type: 'related-to',
  source_ref: source,
  target_ref: target,
  external_references: [{ source_name: publisher, description: `${publisher}: the two crews work together`, url: `https://${publisher.toLowerCase().replace(/\W/g, '')}.example/crews` }],
});
/** A STIX 2.1 bundle (test data) stating "Amber Mole related to North Desk Crew" twice, once each way, by two publishers. */
const bothWays = JSON.stringify({
  type: 'bundle',
  id: 'bundle--3c4d5e6f-0000-4000-8000-00000000c001',
  objects: [
    { type: 'identity', spec_version: '2.1', id: IDENTITY, created: at, modified: at, name: 'Desk Feed', identity_class: 'organization' },
    { type: 'intrusion-set', spec_version: '2.1', id: AMBER, created: at, modified: at, created_by_ref: IDENTITY, name: 'Amber Mole' },
    { type: 'intrusion-set', spec_version: '2.1', id: NORTH, created: at, modified: at, created_by_ref: IDENTITY, name: 'North Desk Crew' },
    relationship(1, AMBER, NORTH, 'East Desk'),
    relationship(2, NORTH, AMBER, 'West Desk'),
  ],
});

describe('a symmetric relation stated both ways in a file', () => {
  it('is imported as one link with the claims of both statements, and exported as one relationship citing both', async () => {
    const repo = await seeded();
    const { preview } = await applyImport(repo, detectAndParse(bothWays, 'crews.json'));
    expect(preview.newLinks).toHaveLength(1);
    const link = preview.newLinks[0]!;
    expect(link.relation).toBe('affiliated-with');
    const claims = await repo.db.claims.where('linkId').equals(link.id).toArray();
    expect(claims.map((c) => c.source.publisher).sort()).toEqual(['East Desk', 'West Desk']);
    const amber = (await repo.entityByAlias('Amber Mole'))!;
    const north = (await repo.entityByAlias('North Desk Crew'))!;
    for (const [from, other] of [[amber, north], [north, amber]] as const) {
      const views = (await repo.linksOf(from.id)).filter((v) => v.other.id === other.id);
      expect(views.map((v) => v.claims.length)).toEqual([2]);
    }

    const bundle = await exportStix(repo, { scope: 'all' });
    const ids = new Map(bundle.objects.filter((o) => o.type === 'intrusion-set').map((o) => [o.name as string, o.id]));
    const pair = new Set([ids.get('Amber Mole'), ids.get('North Desk Crew')]);
    const rels = bundle.objects.filter((o) => o.type === 'relationship' && pair.has(o.source_ref as string) && pair.has(o.target_ref as string));
    expect(rels).toHaveLength(1);
    expect(rels[0]!.relationship_type).toBe('related-to');
    expect((rels[0]!.external_references as { source_name: string }[]).map((r) => r.source_name).sort()).toEqual(['East Desk', 'West Desk']);
  });

  it('stated against a bundled link the other way round, joins that link', async () => {
    const repo = await seeded();
    const bundled = (await repo.db.links.where('relation').equals('affiliated-with').toArray()).find((l) => l.provenance.includes('bundled'))!;
    const [from, to] = await repo.db.entities.bulkGet([bundled.from, bundled.to]);
    const file = JSON.stringify({
      type: 'bundle',
      id: 'bundle--3c4d5e6f-0000-4000-8000-00000000c002',
      objects: [
        { type: 'identity', spec_version: '2.1', id: IDENTITY, created: at, modified: at, name: 'Desk Feed', identity_class: 'organization' },
        { type: 'intrusion-set', spec_version: '2.1', id: AMBER, created: at, modified: at, created_by_ref: IDENTITY, name: from!.name },
        { type: 'intrusion-set', spec_version: '2.1', id: NORTH, created: at, modified: at, created_by_ref: IDENTITY, name: to!.name },
        relationship(3, NORTH, AMBER, 'South Desk'),
      ],
    });
    const before = await repo.db.links.count();
    const { preview } = await applyImport(repo, detectAndParse(file, 'reverse.json'));
    expect(preview.newLinks).toEqual([]);
    expect(await repo.db.links.count()).toBe(before);
    const claims = await repo.db.claims.where('linkId').equals(bundled.id).toArray();
    expect(claims.some((c) => c.source.publisher === 'South Desk')).toBe(true);
    expect(claims.some((c) => c.origin === 'bundled')).toBe(true);
  });
});

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
    // stored once, in one direction, with both claims
    const stored = await repo.db.links.where('relation').equals('overlaps-with').filter((l) => [l.from, l.to].sort().join() === 'emotet,kimsuky').toArray();
    expect(stored.map((l) => [l.from, l.to])).toEqual([['emotet', 'kimsuky']]);
    expect((await repo.db.claims.bulkGet([one.id, two.id])).map((c) => c?.linkId)).toEqual([stored[0]!.id, stored[0]!.id]);
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
