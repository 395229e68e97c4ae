/** The popup's search over the real repository (fake-indexeddb, bundled data): any word of a name, not only its start. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';
import { repositoryBackend } from '../../../src/popup/repo-backend';
import { SEARCH_SHOWN } from '../../../src/popup/backend';
import { matchTier, rankHits } from '../../../src/popup/lib/search-rank';
import { nameKey } from '../../../src/core/db/keys';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import type { Entity } from '../../../src/core/model/entity';

async function seeded() {
  const repo = new Repository(new ActorLensDb(`popup-search-${Math.random()}`));
  await repo.seed(bundledDataset(), BUNDLED_VERSION);
  return repo;
}

async function backend() {
  return repositoryBackend(await seeded());
}

describe('adding a name the page spotted', () => {
  it('stores possible malware as malware and a possible actor as an actor', async () => {
    const b = await backend();
    expect((await b.addEntity('Quillstack', 'malware')).kind).toBe('malware');
    expect((await b.addEntity('Tarnwick')).kind).toBe('actor');
    expect((await b.entity('user:quillstack'))?.kind).toBe('malware');
  });
});

describe('popup search', () => {
  it('finds a naming family by its second word: "panda", "typhoon", "bear"', async () => {
    const b = await backend();
    const panda = await b.search('panda');
    const names = panda.map((h) => h.entity.name);
    expect(names).toContain('Mustang Panda');
    // An alias counts too, and says which one matched.
    expect(panda.find((h) => h.entity.id === 'apt41')?.matched).toMatch(/Panda$/);
    expect(panda.length).toBeGreaterThan(5);
    expect((await b.search('typhoon')).map((h) => h.entity.name)).toContain('Volt Typhoon');
    expect((await b.search('fancy bear')).map((h) => h.entity.id)).toContain('apt28');
    expect((await b.search('bear')).map((h) => h.entity.id)).toContain('apt28');
  });

  it('keeps names that start with the query first, with no duplicates and at most twelve', async () => {
    const b = await backend();
    const hits = await b.search('lazarus');
    expect(hits[0]!.entity.name).toBe('Lazarus Group');
    const ids = hits.map((h) => h.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    // One more than the popup lists, so it can say more names match.
    expect((await b.search('a')).length).toBe(SEARCH_SHOWN + 1);
  });

  it('finds a possible actor added from the popup by a later word', async () => {
    const b = await backend();
    expect(await b.search('zzyzx')).toEqual([]);
    await b.addEntity('The Quiet Zzyzx');
    expect((await b.search('zzyzx')).map((h) => h.entity.name)).toEqual(['The Quiet Zzyzx']);
  });
});

describe('popup search cost', () => {
  it('does not turn every entity into a word index: only rows whose stored keys contain the query are split into words', async () => {
    const repo = await seeded();
    const all = vi.spyOn(repo, 'allEntities');
    const b = repositoryBackend(repo);
    expect((await b.search('panda')).map((h) => h.entity.name)).toContain('Mustang Panda');
    expect((await b.search('typhoon')).map((h) => h.entity.name)).toContain('Volt Typhoon');
    expect(all).not.toHaveBeenCalled();
  });
});

/**
 * A galaxy of feed-only names written for this test, shaped like the public feeds: many software and crew names
 * that start with "bear", "lazarus" or "cobalt" inside a word or after it, none linked.
 */
function feedOnlyGalaxy(): string {
  const names: [string, string[]][] = [
    ['Bearclaw', []], ['Bearpaw Loader', []], ['BearTrap Stealer', []], ['Bearded Owl', ['Bearish']], ['Beartooth', []],
    ['Bearing Sea Crew', []], ['Bearwood', []], ['Bearfang', []], ['Bearmint', []], ['Bearsden', []], ['Bearnaise', []],
    ['Bearcat', []], ['Bearhug', []], ['Lazarus Loader (variant)', []], ['LazarusWiper', []],
    ['Cobaltine', []], ['Cobalt Harbor', []], ['Greyfin', ['Cobalt']],
  ];
  const values = names.map(([value, synonyms], i) => ({ value, uuid: `0b5e0000-0000-4000-8000-${String(i).padStart(12, '0')}`, meta: { synonyms } }));
  return JSON.stringify({ name: 'Test crews', type: 'threat-actor', uuid: '0b5e0000-0000-4000-8000-ffffffffffff', description: 'test', values });
}

describe('popup search ranking', () => {
  async function withFeed() {
    const repo = await seeded();
    const plan = detectAndParse(feedOnlyGalaxy(), 'threat-actor.json');
    expect(plan.errors).toEqual([]);
    await applyImport(repo, plan);
    return repositoryBackend(repo);
  }
  const names = async (b: Awaited<ReturnType<typeof withFeed>>, q: string) => (await b.search(q)).map((h) => h.entity.name);

  it('puts the well-known "X Bear" groups before names that merely start with "bear"', async () => {
    const b = await withFeed();
    const bear = await names(b, 'bear');
    // Bundled groups known by a "… Bear" name (Fancy Bear, Cozy Bear, Venomous Bear, Voodoo Bear) come before the
    // thirteen feed names that start with "bear".
    const firstFeedName = bear.findIndex((n) => n.startsWith('Bear'));
    expect(firstFeedName).toBeGreaterThan(0);
    expect(bear.slice(0, firstFeedName)).toEqual(expect.arrayContaining(['APT28', 'APT29', 'Turla', 'Sandworm Team']));
  });

  it('puts an exact name first, and a bundled entity before a feed-only one of the same match', async () => {
    const b = await withFeed();
    const lazarus = await names(b, 'lazarus');
    expect(lazarus[0]).toBe('Lazarus Group');
    const cobalt = await names(b, 'cobalt');
    // "Cobalt" is an alias of Cobalt Group and of the feed's Greyfin: exact matches first, the bundled one before.
    expect(cobalt.slice(0, 2)).toEqual(['Cobalt Group', 'Greyfin']);
    // Then whole-word matches, well-known first: Cobalt Strike before the feed's Cobalt Harbor, and both before a
    // name that only starts with the letters.
    expect(cobalt.indexOf('Cobalt Strike')).toBeLessThan(cobalt.indexOf('Cobalt Harbor'));
    expect(cobalt.indexOf('Cobalt Harbor')).toBeLessThan(cobalt.indexOf('Cobaltine'));
  });
});

describe('match tiers (pure)', () => {
  it('tells an exact name, whole words, a name start and a later word apart', () => {
    const tiers = (name: string, q: string) => matchTier(name, nameKey(q));
    expect(tiers('Fancy Bear', 'fancy bear')).toBe(0);
    expect(tiers('Fancy Bear', 'bear')).toBe(1);
    expect(tiers('Fancy Bear', 'fancy')).toBe(1);
    expect(tiers('LockBit', 'lock')).toBe(1);
    expect(tiers('BEARDSHELL', 'bear')).toBe(2);
    expect(tiers('Mustang Panda', 'pan')).toBe(3);
    expect(tiers('Pandora', 'bear')).toBe(4);
    // A lone letter is no word: "s" is not a whole word of a possessive or of initials.
    expect(tiers("Abraham's Ax", 's')).toBe(3);
    expect(tiers('Sandworm Team', 's')).toBe(2);
  });

  it('ranks by tier, then bundled, then number of feeds, then links', () => {
    const e = (id: string, name: string, provenance: string[], aliases: string[] = []): Entity => ({ id, kind: 'actor', name, aliases: aliases.map((a) => ({ name: a })), provenance });
    const set = [
      e('beard', 'Beardshell', ['misp:malpedia']),
      e('two', 'Brown Bear', ['attack', 'misp:threat-actor']),
      e('one', 'Grey Bear', ['misp:threat-actor']),
      e('famous', 'APT99', ['bundled', 'attack'], ['Quiet Bear']),
      e('linked', 'Red Bear', ['misp:threat-actor']),
    ];
    const ranked = rankHits(set, 'bear', new Map([['linked', 3]]), 10);
    expect(ranked.map((h) => h.entity.id)).toEqual(['famous', 'two', 'linked', 'one', 'beard']);
    expect(ranked[0]!.matched).toBe('Quiet Bear');
    expect(rankHits(set, 'bear', new Map(), 2)).toHaveLength(2);
  });
});

describe('popup search, prepared on focus', () => {
  it('reads the link counts once, when asked to prepare, and the first search after it reads them no more', async () => {
    const repo = await seeded();
    const counts = vi.spyOn(repo, 'linkCounts');
    const b = repositoryBackend(repo);
    b.prepareSearch!();
    await vi.waitFor(() => expect(counts).toHaveBeenCalledTimes(1));
    expect((await b.search('lazarus'))[0]?.entity.name).toBe('Lazarus Group');
    expect(counts).toHaveBeenCalledTimes(1);
  });
});
