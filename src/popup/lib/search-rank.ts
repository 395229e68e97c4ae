/**
 * Order of search hits. With the public feeds imported a query matches dozens of names, and a plain prefix order put
 * BEARDSHELL and Bearlyfy before every "X Bear" group for "bear" (Fancy Bear, by then, was past the twelve shown).
 * Here an entity ranks by how its best name matches, then by how well known it is:
 *
 * 1. exact: the query is a whole name or alias ("cobalt" is an alias of Cobalt Group);
 * 2. whole words: the query is one or more whole words of a name, from the start or a later word ("lazarus" in
 *    Lazarus Group, "bear" in Fancy Bear, "lock" in LockBit);
 * 3. a name starts with the query, inside a word (BEARDSHELL for "bear");
 * 4. a later word starts with the query ("pan" in Mustang Panda);
 *
 * and within each, the team's bundled entities first, then those more feeds know, then those with more links.
 * Pure: the caller gives the candidates and the link counts.
 */
import { laterWordKeys, nameKey } from '../../core/db/keys';
import { allNames, type Entity } from '../../core/model/entity';

export interface RankedHit {
  entity: Entity;
  /** The name or alias that matched. */
  matched: string;
}

const EXACT = 0;
const WHOLE_WORDS = 1;
const NAME_START = 2;
const LATER_WORD = 3;
const NONE = 4;

/** How one name matches the query's key (NONE when it does not). */
export function matchTier(name: string, key: string): number {
  const whole = nameKey(name);
  if (!key) return NONE;
  if (whole === key) return EXACT;
  // Keys read from each word start on; the query covers whole words from one of them when what follows it is
  // exactly the key read from a later word start (or nothing).
  const fromWords = [whole, ...laterWordKeys(name)];
  const rest = new Set(fromWords.map((k) => k.length));
  rest.add(0);
  let tier = NONE;
  fromWords.forEach((k, i) => {
    if (!k.startsWith(key)) return;
    // A one-letter query is not a word of its own: later one-letter words are initials and possessives ("P.A.S.",
    // "Abraham's"), which put such names first for "s".
    if (rest.has(k.length - key.length) && (i === 0 || key.length > 1)) tier = WHOLE_WORDS;
    else tier = Math.min(tier, i === 0 ? NAME_START : LATER_WORD);
  });
  return tier;
}

interface Scored extends RankedHit {
  tier: number;
  canonical: boolean;
  links: number;
}

/** The candidates that match the query, best first, at most `limit`. */
export function rankHits(candidates: readonly Entity[], query: string, linkCounts: ReadonlyMap<string, number>, limit: number): RankedHit[] {
  const key = nameKey(query);
  if (!key || limit <= 0) return [];
  const scored: Scored[] = [];
  const seen = new Set<string>();
  for (const entity of candidates) {
    if (seen.has(entity.id)) continue;
    seen.add(entity.id);
    let best: { tier: number; name: string; canonical: boolean } | undefined;
    allNames(entity).forEach((a, i) => {
      const tier = matchTier(a.name, key);
      if (tier < NONE && (!best || tier < best.tier)) best = { tier, name: a.name, canonical: i === 0 };
    });
    if (best) scored.push({ entity, matched: best.name, tier: best.tier, canonical: best.canonical, links: linkCounts.get(entity.id) ?? 0 });
  }
  scored.sort(
    (a, b) =>
      a.tier - b.tier ||
      bundled(b.entity) - bundled(a.entity) ||
      b.entity.provenance.length - a.entity.provenance.length ||
      b.links - a.links ||
      Number(b.canonical) - Number(a.canonical) ||
      a.entity.name.localeCompare(b.entity.name),
  );
  return scored.slice(0, limit).map(({ entity, matched }) => ({ entity, matched }));
}

const bundled = (e: Entity) => (e.provenance.includes('bundled') ? 1 : 0);
