/** Explorer filtering over all entities in memory (10,000+ rows filter in a few milliseconds). Pure. */
import { nameKey } from '../../core/db/keys';
import { allNames, type Entity, type EntityKind } from '../../core/model/entity';
import type { LinkStats } from './reach';

export interface EntityFilter {
  /** Matches the name or any alias, ignoring case, accents and punctuation. */
  query: string;
  kind: EntityKind | '';
  /** Country code, '' for any, '-' for "unknown". */
  country: string;
  links: 'any' | 'with' | 'without';
  /** A provenance value ("bundled", "misp:threat-actor", "attack", "user"…), '' for any. */
  source: string;
  /**
   * Order of the list: widest reach first (reach.ts; ties by links, then name), most links first (ties by name), or
   * by name. Reach by default: with the public feeds imported, by name the list opened on ".CryptoHasYou.",
   * "[Unnamed group]", "$ucyLocker"… with no links, and by links on Mimikatz, APT29 and 27 CryptoMix variants.
   */
  sort: 'reach' | 'links' | 'name';
}

export const ANY: EntityFilter = { query: '', kind: '', country: '', links: 'any', source: '', sort: 'reach' };

export interface Indexed {
  entity: Entity;
  /** nameKey of every name, joined by a separator that nameKey never produces. */
  search: string;
  links: number;
  /** Entities reached by its links, an overlaps-with family counted once (reach.ts). */
  reach: number;
}

export function indexEntities(entities: readonly Entity[], stats: Pick<LinkStats, 'links' | 'reach'>): Indexed[] {
  return entities
    .map((entity) => ({ entity, search: allNames(entity).map((a) => nameKey(a.name)).join('\u0000'), links: stats.links.get(entity.id) ?? 0, reach: stats.reach.get(entity.id) ?? 0 }))
    .sort((a, b) => a.entity.name.localeCompare(b.entity.name, undefined, { sensitivity: 'base' }));
}

/** The rows that pass the filter, in its order (rows come sorted by name; the sort is stable). */
export function filterEntities(rows: readonly Indexed[], f: EntityFilter): Indexed[] {
  const q = nameKey(f.query);
  const kept = rows.filter(({ entity, search, links }) => {
    if (f.kind && entity.kind !== f.kind) return false;
    if (f.country === '-' ? !!entity.country : f.country && entity.country !== f.country) return false;
    if (f.links === 'with' && links === 0) return false;
    if (f.links === 'without' && links > 0) return false;
    if (f.source && !entity.provenance.includes(f.source)) return false;
    return !q || search.includes(q);
  });
  if (f.sort === 'reach') return kept.sort((a, b) => b.reach - a.reach || b.links - a.links);
  return f.sort === 'links' ? kept.sort((a, b) => b.links - a.links) : kept;
}

/** Distinct values for the filter menus, most common first. */
export function facets(rows: readonly Indexed[]): { countries: string[]; sources: string[] } {
  const countries = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const { entity } of rows) {
    if (entity.country) countries.set(entity.country, (countries.get(entity.country) ?? 0) + 1);
    for (const p of entity.provenance) sources.set(p, (sources.get(p) ?? 0) + 1);
  }
  const byCount = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return { countries: [...countries.keys()].sort(), sources: byCount(sources) };
}

