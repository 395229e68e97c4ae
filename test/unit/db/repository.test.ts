import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';

const dbs: ActorLensDb[] = [];
async function seeded(name = `t-${Math.random()}`) {
  const db = new ActorLensDb(name);
  dbs.push(db);
  const repo = new Repository(db);
  await repo.seed(bundledDataset(), BUNDLED_VERSION);
  return repo;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('Repository', () => {
  it('finds an entity by any alias, ignoring case, accents and punctuation', async () => {
    const repo = await seeded();
    expect((await repo.entityByAlias('hidden cobra'))?.id).toBe('lazarus-group');
    expect((await repo.entityByAlias('Diamond-Sleet'))?.id).toBe('lazarus-group');
    expect((await repo.entityByAlias('TRICKBOT'))?.id).toBe('trickbot');
    expect(await repo.entityByAlias('nobody at all')).toBeUndefined();
  });

  it('searches by prefix and says which alias matched', async () => {
    const repo = await seeded();
    const hits = await repo.search('diam');
    expect(hits[0]?.entity.id).toBe('lazarus-group');
    expect(hits[0]?.matched).toBe('Diamond Sleet');
  });

  it('returns the three Lazarus links in both directions with claims and derived status', async () => {
    const repo = await seeded();
    const links = await repo.linksOf('lazarus-group');
    const byOther = new Map(links.map((l) => [l.other.id, l]));
    expect(byOther.get('trickbot')?.direction).toBe('out');
    expect(byOther.get('trickbot')?.derived.status).toBe('active');
    expect(byOther.get('trickbot')?.derived.confidence).toBeGreaterThanOrEqual(60);
    expect(byOther.get('trickbot')?.claims.every((c) => c.source.url?.startsWith('https://'))).toBe(true);
    // stored from Dridex to Lazarus Group; "affiliated with" reads the same both ways, so it is shown as Lazarus Group's own
    expect(byOther.get('dridex')?.link.from).toBe('dridex');
    expect(byOther.get('dridex')?.direction).toBe('out');
    expect(byOther.get('dridex')?.derived.status).toBe('refuted');
    expect(byOther.get('ta505')?.derived.status).toBe('historical');
  });

  it('keeps user claims and overrides through a re-seed', async () => {
    const repo = await seeded();
    const claim = await repo.addClaim({
      from: 'ta505', relation: 'uses', to: 'dridex', stance: 'supports', confidence: 70,
      source: { title: 'My notes', url: 'https://example.org/a' }, pageUrl: 'https://example.org/a',
      quote: { type: 'TextQuoteSelector', exact: 'TA505 spread Dridex', prefix: 'In 2015 ', suffix: ' widely' },
    });
    await repo.setOverride('lazarus-group~obtains-access-from~trickbot', 90, 'confirmed by our IR team');
    await repo.seed(bundledDataset(), 'next-version');
    expect((await repo.claimsForPage('https://example.org/a')).map((c) => c.id)).toEqual([claim.id]);
    const trick = (await repo.linksOf('lazarus-group')).find((l) => l.other.id === 'trickbot');
    expect(trick?.derived.confidence).toBe(90);
    expect(trick?.derived.overridden).toBe(true);
  });

  it('deletes a claim with undo, including the link the reader created', async () => {
    const repo = await seeded();
    const isNew = (l: { other: { id: string }; link: { relation: string } }) => l.other.id === 'ta505' && l.link.relation === 'sells-access-to';
    expect((await repo.linksOf('dridex')).some(isNew)).toBe(false);
    const claim = await repo.addClaim({ from: 'dridex', relation: 'sells-access-to', to: 'ta505', stance: 'supports', source: { title: 'x' } });
    expect((await repo.linksOf('dridex')).some(isNew)).toBe(true);
    const deleted = await repo.deleteClaim(claim.id);
    expect((await repo.linksOf('dridex')).some(isNew)).toBe(false);
    await repo.restoreClaim(deleted);
    expect((await repo.linksOf('dridex')).find(isNew)?.claims[0]?.id).toBe(claim.id);
  });

  it('moves an edited claim to the link the reader chose; a link the reader made goes with its last claim, a bundled one stays', async () => {
    const repo = await seeded();
    const linkOf = async (id: string, other: string, relation: string) => (await repo.linksOf(id)).find((l) => l.other.id === other && l.link.relation === relation);
    const claim = await repo.addClaim({ from: 'dridex', relation: 'sells-access-to', to: 'ta505', stance: 'supports', source: { title: 'x' } });
    const moved = await repo.updateClaim(claim.id, { link: { from: 'ta505', relation: 'uses', to: 'dridex' }, stance: 'refutes' });
    expect(moved).toMatchObject({ id: claim.id, stance: 'refutes', source: { title: 'x' } });
    expect(await linkOf('dridex', 'ta505', 'sells-access-to')).toBeUndefined(); // the reader's link went with its only claim
    const now = await linkOf('ta505', 'dridex', 'uses');
    expect(now?.claims.map((c) => c.id)).toContain(claim.id);
    expect(moved.linkId).toBe(now?.link.id);
    // Off a bundled link: the link and its own claims stay.
    const bundled = (await repo.linksOf('lazarus-group')).find((l) => l.other.id === 'trickbot')!;
    const onBundled = await repo.addClaim({ from: bundled.link.from, relation: bundled.link.relation, to: bundled.link.to, stance: 'supports', source: { title: 'y' } });
    await repo.updateClaim(onBundled.id, { link: { from: 'lazarus-group', relation: 'uses', to: 'trickbot' } });
    const after = (await repo.linksOf('lazarus-group')).find((l) => l.link.id === bundled.link.id)!;
    expect(after.claims.map((c) => c.id)).toEqual(bundled.claims.map((c) => c.id));
    await expect(repo.updateClaim(onBundled.id, { link: { from: 'trickbot', relation: 'uses', to: 'trickbot' } })).rejects.toThrow();
    await expect(repo.updateClaim(onBundled.id, { link: { from: 'trickbot', relation: 'uses', to: 'nobody' } })).rejects.toThrow();
  });

  it('adds a reader-named entity once, findable by name, and bumps the data version', async () => {
    const repo = await seeded();
    const before = await repo.dataVersion();
    const added = await repo.addEntity({ name: '  Storm-0000 ', kind: 'actor' });
    expect(added).toMatchObject({ id: 'user:storm0000', name: 'Storm-0000', provenance: ['user'] });
    expect(await repo.dataVersion()).toBe(before + 1);
    expect((await repo.entityByAlias('storm 0000'))?.id).toBe('user:storm0000');
    expect((await repo.addEntity({ name: 'STORM-0000', kind: 'actor' })).id).toBe('user:storm0000');
    expect((await repo.addEntity({ name: 'Diamond Sleet', kind: 'actor' })).id).toBe('lazarus-group');
    await expect(repo.addEntity({ name: '<img src=x>', kind: 'actor' })).rejects.toThrow();
    await repo.seed(bundledDataset(), 'another-version');
    expect(await repo.entity('user:storm0000')).toBeDefined();
  });

  it('survives closing and reopening the database', async () => {
    const name = `t-${Math.random()}`;
    const repo = await seeded(name);
    await repo.addClaim({ from: 'dridex', relation: 'shares-code-with', to: 'trickbot', stance: 'refutes', source: { title: 'y' }, pageUrl: 'https://p/' });
    repo.db.close();
    const again = new Repository(new ActorLensDb(name));
    dbs.push(again.db);
    expect(await again.claimsForPage('https://p/')).toHaveLength(1);
    expect(await again.entityByAlias('APT38')).toBeDefined();
  });

  it('suggests two-hop pivots through usable links only', async () => {
    const repo = await seeded();
    await repo.addClaim({ from: 'trickbot', relation: 'uses', to: 'dridex', stance: 'supports', confidence: 70, source: { title: 'z', publisher: 'P' } });
    const pivots = await repo.pivots('lazarus-group');
    // Dridex is a direct (refuted) partner already, so it is not suggested again as a pivot.
    expect(pivots.map((p) => p.entity.id)).not.toContain('dridex');
    const fromTa = await repo.pivots('ta505');
    expect(fromTa.map((p) => p.entity.id)).toContain('trickbot');
  });
});
