/** The popup's search over the real repository (fake-indexeddb, bundled data): any word of a name, not only its start. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';
import { repositoryBackend } from '../../../src/popup/repo-backend';
import { SEARCH_SHOWN } from '../../../src/popup/backend';
import { buildWordIndex, searchWords } from '../../../src/popup/lib/word-search';
import type { Entity } from '../../../src/core/model/entity';

async function seeded() {
  const repo = new Repository(new ActorLensDb(`popup-search-${Math.random()}`));
  await repo.seed(bundledDataset(), BUNDLED_VERSION);
  return repo;
}

async function backend() {
  return repositoryBackend(await seeded());
}

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

describe('word index (pure)', () => {
  const e = (id: string, name: string, aliases: string[] = []): Entity => ({ id, kind: 'actor', name, aliases: aliases.map((a) => ({ name: a })), provenance: ['bundled'] });
  const index = buildWordIndex([e('a', 'Wicked Panda'), e('b', 'APT99', ['Stone Panda']), e('c', 'PandaBanker'), e('d', 'Pandora')]);

  it('matches inner words and camel-case parts, canonical names first, never the first word', () => {
    expect(searchWords(index, 'panda', 10).map((h) => [h.entity.id, h.matched])).toEqual([
      ['a', 'Wicked Panda'],
      ['b', 'Stone Panda'],
    ]);
    expect(searchWords(index, 'banker', 10).map((h) => h.entity.id)).toEqual(['c']);
    expect(searchWords(index, 'stone-pan', 10).map((h) => h.entity.id)).toEqual([]);
    expect(searchWords(index, 'panda', 10, new Set(['a'])).map((h) => h.entity.id)).toEqual(['b']);
  });
});
