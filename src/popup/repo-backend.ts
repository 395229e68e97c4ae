/**
 * The database half of the popup's backend, over a Repository. Kept free of the browser API so the benchmark
 * (scripts/bench-popup.ts) runs the very same queries in Node on fake-indexeddb.
 */
import type { EntityRow } from '../core/db/database';
import { fromRow, type Repository } from '../core/db/repository';
import type { PopupBackend } from './backend';
import { buildWordIndex, searchWords, wordCandidates } from './lib/word-search';

type DbPart = Pick<PopupBackend, 'entity' | 'links' | 'pivots' | 'search' | 'addClaim' | 'updateClaim' | 'deleteClaim' | 'restoreClaim' | 'addEntity'>;

/** `ready` resolves once the database may be read (e.g. after a first-run seed). */
export function repositoryBackend(repo: Repository, ready: Promise<unknown> = Promise.resolve()): DbPart {
  const after = async <T>(run: () => Promise<T>) => {
    await ready;
    return run();
  };
  const LIMIT = 12;
  // The stored rows (with their lookup keys), read on the first search that needs them and again after the knowledge
  // base grows from here. Only the rows whose keys contain the query are turned into entities and split into words:
  // building a word index of every entity cost more than reading them.
  let rows: Promise<EntityRow[]> | undefined;
  const allRows = () => {
    const read = (rows ??= repo.db.entities.toArray());
    read.catch(() => (rows = undefined));
    return read;
  };
  return {
    entity: (id) => after(() => repo.entity(id)),
    links: (id) => after(() => repo.linksOf(id)),
    pivots: (id) => after(() => repo.pivots(id)),
    // Names that start with the query first (indexed), then names with a later word that does ("panda" finds
    // Mustang Panda and APT41 by Wicked Panda, not only Panda Stealer).
    search: (q) =>
      after(async () => {
        const hits = await repo.search(q, LIMIT);
        if (hits.length >= LIMIT) return hits;
        const candidates = wordCandidates(await allRows(), q).map(fromRow);
        return [...hits, ...searchWords(buildWordIndex(candidates), q, LIMIT - hits.length, new Set(hits.map((h) => h.entity.id)))];
      }),
    addClaim: (c) => after(() => repo.addClaim(c)),
    updateClaim: (id, patch) => after(() => repo.updateClaim(id, patch)),
    deleteClaim: (id) => after(() => repo.deleteClaim(id)),
    restoreClaim: (d) => after(() => repo.restoreClaim(d)),
    addEntity: (name) =>
      after(async () => {
        rows = undefined;
        return repo.addEntity({ name, kind: 'actor' });
      }),
  };
}
