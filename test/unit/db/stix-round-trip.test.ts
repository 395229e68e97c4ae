import { describe, expect, it } from 'vitest';
import { applyImport, exportStix } from '../../../src/core/db/import-export';
import type { Repository } from '../../../src/core/db/repository';
import { uuidv5 } from '../../../src/core/db/uuid';
import { detectAndParse } from '../../../src/core/importers/index';
import { ACTORLENS_IDENTITY } from '../../../src/core/importers/stix';
import { dump, fixture, freshRepo, VENDOR_CLAIM } from '../importers/helpers';

/** Bundled data, a STIX and a MISP import, the analyst's claims, an override and an entity of their own. */
async function populated(): Promise<Repository> {
  const repo = await freshRepo();
  await applyImport(repo, detectAndParse(fixture('stix20-attack-sample.json'), 'stix20-attack-sample.json'));
  await applyImport(repo, detectAndParse(fixture('misp-threat-actor-sample.json'), 'misp-threat-actor-sample.json'));
  await applyImport(
    repo,
    detectAndParse(
      JSON.stringify({ type: 'threat-actor', values: [{ value: 'Sponsor Test', uuid: '00000001-0000-4000-8000-000000000000', meta: { 'cfr-suspected-state-sponsor': 'Somewhere', since: '2017' } }] }),
      'ta.json',
    ),
  );
  const quoted = await repo.addClaim(VENDOR_CLAIM);
  await repo.addClaim({ from: 'apt28', relation: 'overlaps-with', to: 'apt29', stance: 'refutes', confidence: 90, source: { title: 'Analyst note', author: 'me' } });
  await repo.setOverride(quoted.linkId, 42, 'my judgement');
  const mine = await repo.addEntity({ name: 'Quokka Bear', kind: 'actor', description: 'my own actor' });
  await repo.addClaim({ from: mine.id, relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Hunch' } });
  return repo;
}

const exported = async (repo: Repository, scope: 'all' | 'annotations') => JSON.stringify(await exportStix(repo, { scope }));

describe('our own STIX export, re-imported', () => {
  it('is recognised by the identity every earlier export carried too', async () => {
    expect(ACTORLENS_IDENTITY).toBe(`identity--${await uuidv5('identity:actorlens')}`);
  });

  it('into the same database changes nothing, "all" or "annotations", again and again', async () => {
    const repo = await populated();
    const before = await dump(repo, { ignoreMeta: ['dataVersion', 'imports'] });
    for (const scope of ['all', 'annotations', 'all'] as const) {
      const result = await applyImport(repo, detectAndParse(await exported(repo, scope), `${scope}.json`));
      expect(result.record.counts).toMatchObject({ newEntities: 0, updatedEntities: 0, newLinks: 0, updatedLinks: 0, newClaims: 0, updatedClaims: 0, conflicts: 0 });
    }
    expect(await dump(repo, { ignoreMeta: ['dataVersion', 'imports'] })).toBe(before);
  });

  it('into a fresh database brings back entities, links, every claim once, overrides and the user\'s annotations', async () => {
    const repo = await populated();
    const fresh = await freshRepo();
    await applyImport(fresh, detectAndParse(await exported(repo, 'all'), 'all.json'));
    const ids = async (r: Repository, table: 'entities' | 'links' | 'claims') => (await r.db[table].toCollection().primaryKeys()).sort();
    for (const table of ['entities', 'links', 'claims'] as const) expect(await ids(fresh, table)).toEqual(await ids(repo, table));

    // The user's claims are theirs again (kept by a reset, exported as annotations).
    expect((await fresh.userClaims()).map((c) => c.id).sort()).toEqual((await repo.userClaims()).map((c) => c.id).sort());
    const mine = (await fresh.entityByAlias('Quokka Bear'))!;
    expect(mine.provenance).toEqual(['user']);
    // The derived confidence is not evidence: the annotated link keeps its claims and its override.
    const view = async (r: Repository) => (await r.linksOf('lazarus-group')).find((v) => v.link.relation === 'obtains-access-from' && v.other.id === 'trickbot')!;
    const [a, b] = [await view(repo), await view(fresh)];
    expect(b.claims.map((c) => c.id).sort()).toEqual(a.claims.map((c) => c.id).sort());
    expect(b.link.override).toEqual(a.link.override);
    expect(b.derived.confidence).toBe(a.derived.confidence);
    // Motivation and dates exactly as stored.
    const sponsor = (await fresh.entity('misp:00000001-0000-4000-8000-000000000000'))!;
    expect(sponsor).toMatchObject({ motivation: 'state-sponsored (suspected sponsor: Somewhere)', firstSeen: '2017' });
  });

  it('the annotations export restores the user\'s claims in a fresh database', async () => {
    const repo = await populated();
    const fresh = await freshRepo();
    await applyImport(fresh, detectAndParse(await exported(repo, 'annotations'), 'annotations.json'));
    const strip = (cs: { id: string; stance: string; confidence?: number; source: unknown; quote?: unknown; pageUrl?: string }[]) =>
      cs.map(({ id, stance, confidence, source, quote, pageUrl }) => ({ id, stance, confidence, source, quote, pageUrl })).sort((x, y) => x.id.localeCompare(y.id));
    expect(strip(await fresh.userClaims())).toEqual(strip(await repo.userClaims()));
    expect((await fresh.db.links.toArray()).filter((l) => l.override)).toHaveLength(1);
  });

  it('keeps the addresses of claims read on a .onion site (a leak site, a forum) through export and re-import', async () => {
    const repo = await freshRepo();
    const onion = 'http://leaksabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrst234.onion/post/7';
    await repo.addClaim({ from: 'lazarus-group', relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'Leak-site post', url: onion }, pageUrl: `${onion}?page=2` });
    const fresh = await freshRepo();
    const result = await applyImport(fresh, detectAndParse(await exported(repo, 'annotations'), 'annotations.json'));
    expect(result.preview.conflicts).toEqual([]);
    const [back] = await fresh.userClaims();
    expect(back?.source.url).toBe(onion);
    expect(back?.pageUrl).toBe(`${onion}?page=2`);
    const again = await applyImport(repo, detectAndParse(await exported(repo, 'annotations'), 'annotations.json'));
    expect(again.preview.conflicts).toEqual([]);
  });
});
