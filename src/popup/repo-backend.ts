/**
 * The database half of the popup's backend, over a Repository. Kept free of the browser API so the benchmark
 * (scripts/bench-popup.ts) runs the very same queries in Node on fake-indexeddb.
 */
import type { Repository } from '../core/db/repository';
import type { PopupBackend } from './backend';

type DbPart = Pick<PopupBackend, 'entity' | 'links' | 'pivots' | 'search' | 'addClaim' | 'updateClaim' | 'deleteClaim' | 'restoreClaim' | 'addEntity'>;

/** `ready` resolves once the database may be read (e.g. after a first-run seed). */
export function repositoryBackend(repo: Repository, ready: Promise<unknown> = Promise.resolve()): DbPart {
  const after = async <T>(run: () => Promise<T>) => {
    await ready;
    return run();
  };
  return {
    entity: (id) => after(() => repo.entity(id)),
    links: (id) => after(() => repo.linksOf(id)),
    pivots: (id) => after(() => repo.pivots(id)),
    search: (q) => after(() => repo.search(q, 12)),
    addClaim: (c) => after(() => repo.addClaim(c)),
    updateClaim: (id, patch) => after(() => repo.updateClaim(id, patch)),
    deleteClaim: (id) => after(() => repo.deleteClaim(id)),
    restoreClaim: (d) => after(() => repo.restoreClaim(d)),
    addEntity: (name) => after(() => repo.addEntity({ name, kind: 'actor' })),
  };
}
