/**
 * The explorer's table counts and graph, followed live (Dexie's liveQuery: every context of the extension hears of a
 * committed change, so a claim recorded in the popup shows here while the page is open). Only what is shown is read
 * again: the links for the counts and reach (2,119 rows with the public feeds, 19 ms in fake-indexeddb, against
 * 753 ms to read the 7,150 entities again) and the chosen entity's neighbourhood for the graph.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { OptionsBackend } from '../backend';
import { readLinkStats } from '../data/explorer-data';
import type { Indexed } from './filter';
import { buildNeighborhood, type Neighborhood } from './neighborhood';
import type { LinkStats } from './reach';

/** Subscribes once the database is ready; `undefined` until the first answer. */
function useLive<T>(backend: OptionsBackend, query: (() => Promise<T>) | undefined, deps: unknown[], same: (a: T, b: T) => boolean = () => false): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    setValue(undefined);
    if (!query) return;
    let live = true;
    let watching: { unsubscribe(): void } | undefined;
    void backend.ready.then(() => {
      if (!live) return;
      watching = liveQuery(query).subscribe({
        // An answer equal to the one shown keeps the old object, so the graph is not laid out again for nothing.
        next: (v) => live && setValue((old) => (old !== undefined && same(old, v) ? old : v)),
        error: () => undefined,
      });
    });
    return () => {
      live = false;
      watching?.unsubscribe();
    };
  }, [backend, ...deps]);
  return value;
}

/** Links and reach per entity, kept up to date. */
export function useLiveLinkStats(backend: OptionsBackend): LinkStats | undefined {
  return useLive(backend, async () => await readLinkStats(backend.repo), [], (a, b) => sameCounts(a.links, b.links) && sameCounts(a.reach, b.reach));
}

/** The graph around `center` (null: no such entity), kept up to date; undefined while it loads. */
export function useLiveNeighborhood(backend: OptionsBackend, center: string | undefined): Neighborhood | null | undefined {
  return useLive(backend, center ? async () => (await buildNeighborhood(backend.repo, center)) ?? null : undefined, [center], (a, b) => JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The rows with their link counts and reach replaced by `stats`' (rows whose figures are unchanged are kept as they are), and
 * the linked entities missing from the rows: added since they were read (a possible actor the popup added and linked),
 * for which the caller reads the entities again, or ends of a link to nothing (a feed's dangling reference).
 */
export function withLinkStats(rows: readonly Indexed[], stats: Pick<LinkStats, 'links' | 'reach'>): { rows: Indexed[]; missing: string[] } {
  const ids = new Set<string>();
  const updated = rows.map((row) => {
    ids.add(row.entity.id);
    const links = stats.links.get(row.entity.id) ?? 0;
    const reach = stats.reach.get(row.entity.id) ?? 0;
    return links === row.links && reach === row.reach ? row : { ...row, links, reach };
  });
  return { rows: updated, missing: [...stats.links.keys()].filter((id) => !ids.has(id)) };
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
