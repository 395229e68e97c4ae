/**
 * The database half of the popup's backend, over a Repository. Kept free of the browser API so the benchmark
 * (scripts/bench-popup.ts) runs the very same queries in Node on fake-indexeddb.
 */
import type { Repository } from '../core/db/repository';
import { SEARCH_SHOWN, type PopupBackend } from './backend';
import { buildWordIndex, searchWords } from './lib/word-search';

type DbPart = Pick<PopupBackend, 'entity' | 'links' | 'pivots' | 'search' | 'addClaim' | 'updateClaim' | 'deleteClaim' | 'restoreClaim' | 'addEntity'>;

/** `ready` resolves once the database may be read (e.g. after a first-run seed). */
export function repositoryBackend(repo: Repository, ready: Promise<unknown> = Promise.resolve()): DbPart {
  const after = async <T>(run: () => Promise<T>) => {
    await ready;
    return run();
  };
  // One more than the popup shows, so it can say that more names match.
  const LIMIT = SEARCH_SHOWN + 1;
  return {
    entity: (id) => after(() => repo.entity(id)),
    links: (id) => after(() => repo.linksOf(id)),
    pivots: (id) => after(() => repo.pivots(id)),
    // Names that start with the query first (name index), then names with a later word that does ("panda" finds
    // Mustang Panda and APT41 by Wicked Panda, not only Panda Stealer): the word index gives those entities alone,
    // and only they are split into words to rank them and name the match.
    search: (q) =>
      after(async () => {
        const hits = await repo.search(q, LIMIT);
        if (hits.length >= LIMIT) return hits;
        const candidates = await repo.entitiesByLaterWord(q);
        return [...hits, ...searchWords(buildWordIndex(candidates), q, LIMIT - hits.length, new Set(hits.map((h) => h.entity.id)))];
      }),
    addClaim: (c) => after(() => repo.addClaim(c)),
    updateClaim: (id, patch) => after(() => repo.updateClaim(id, patch)),
    deleteClaim: (id) => after(() => repo.deleteClaim(id)),
    restoreClaim: (d) => after(() => repo.restoreClaim(d)),
    addEntity: (name) => after(() => repo.addEntity({ name, kind: 'actor' })),
  };
}
