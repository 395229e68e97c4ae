/**
 * The database half of the popup's backend, over a Repository. Kept free of the browser API so the benchmark
 * (scripts/bench-popup.ts) runs the very same queries in Node on fake-indexeddb.
 */
import { nameKey } from '../core/db/keys';
import type { Repository } from '../core/db/repository';
import { SEARCH_SHOWN, type PopupBackend } from './backend';
import { rankHits } from './lib/search-rank';

/** Whole-name matches read for ranking: 200 results of 600 rows (a cursor walk of all 954 "s" rows took 0.4 s). */
const PREFIX_CANDIDATES = 200;

type DbPart = Pick<PopupBackend, 'entity' | 'links' | 'pivots' | 'search' | 'prepareSearch' | 'addClaim' | 'updateClaim' | 'deleteClaim' | 'restoreClaim' | 'addEntity' | 'pageClaims'>;

/** `ready` resolves once the database may be read (e.g. after a first-run seed). */
export function repositoryBackend(repo: Repository, ready: Promise<unknown> = Promise.resolve()): DbPart {
  const after = async <T>(run: () => Promise<T>) => {
    await ready;
    return run();
  };
  // One more than the popup shows, so it can say that more names match.
  const LIMIT = SEARCH_SHOWN + 1;
  // Links per entity, a search's measure of how well known an entity is: both ends of every link, read once (2,119
  // links with the public feeds: 9 ms in fake-indexeddb) and again after the popup changed a link.
  let counts: Promise<Map<string, number>> | undefined;
  const linkCounts = () => (counts ??= repo.linkCounts());
  const changesLinks = async <T>(run: () => Promise<T>) => {
    counts = undefined;
    return after(run);
  };
  return {
    entity: (id) => after(() => repo.entity(id)),
    links: (id) => after(() => repo.linksOf(id)),
    pivots: (id) => after(() => repo.pivots(id)),
    // Every entity a name of which has a word starting with the query is a candidate: the name index gives those
    // whose whole name does (in key order, so exact names come first; capped, as a one-letter query matches a
    // thousand and a cursor walks them), the word index those whose later word does. rankHits orders them.
    search: (q) =>
      after(async () => {
        // A one-letter query reads as before: as many whole-name matches as shown (hundreds match, in key order), and
        // later words only when those are fewer.
        const short = nameKey(q).length < 2;
        const [starts, links] = await Promise.all([repo.search(q, short ? LIMIT : PREFIX_CANDIDATES), linkCounts()]);
        const later = short && starts.length >= LIMIT ? [] : await repo.entitiesByLaterWord(q);
        return rankHits([...starts.map((h) => h.entity), ...later], q, links, LIMIT);
      }),
    prepareSearch: () => void after(linkCounts).catch(() => undefined),
    addClaim: (c) => changesLinks(() => repo.addClaim(c)),
    updateClaim: (id, patch) => changesLinks(() => repo.updateClaim(id, patch)),
    deleteClaim: (id) => changesLinks(() => repo.deleteClaim(id)),
    restoreClaim: (d) => changesLinks(() => repo.restoreClaim(d)),
    addEntity: (name, kind) => after(() => repo.addEntity({ name, kind: kind ?? 'actor' })),
    pageClaims: (url) => after(() => repo.pageClaims(url)),
  };
}
