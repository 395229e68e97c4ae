/**
 * Which entities are the hubs of the link graph. Counted by links, the public feeds' first page was 28 CryptoMix
 * variants (MISP's "similar" relations become overlaps-with links, and the ransomware galaxy lists each variant as
 * similar to every other: 52 links each, all inside the family), so a reader looking for hubs saw one family 28
 * times. An entity's reach counts the other entities it is linked to, where entities joined by overlaps-with (directly
 * or through each other: variants of one family, vendors' names for one group) count as one, and its own such family
 * not at all. CryptoMix-0000 reaches nothing; APT29 reaches 52; APT34, with 11 overlaps among its 36 neighbours, 30.
 */
import { distinctLinks, type Link } from '../../core/model/link';

export type LinkEnds = Pick<Link, 'from' | 'to' | 'relation'>;

export interface LinkStats {
  /** Links touching each entity, a symmetric relation stated both ways once (as Repository.linkCounts counts them). */
  links: Map<string, number>;
  /** Each entity's reach (above); absent for an entity without links. */
  reach: Map<string, number>;
}

/** The overlaps-with families: each entity's family representative (union-find; an entity alone is its own). */
function families(links: readonly LinkEnds[]): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: later look-ups of this chain take one step.
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const l of links) {
    if (l.relation !== 'overlaps-with') continue;
    const a = find(l.from);
    const b = find(l.to);
    if (a !== b) parent.set(a, b);
  }
  return find;
}

/** Link counts and reach from one read of the links table (the explorer needs both, live). */
export function linkStats(links: readonly LinkEnds[]): LinkStats {
  const family = families(links);
  const counts = new Map<string, number>();
  const reached = new Map<string, Set<string>>();
  for (const l of distinctLinks(links)) {
    for (const [self, other] of [
      [l.from, l.to],
      [l.to, l.from],
    ] as const) {
      counts.set(self, (counts.get(self) ?? 0) + 1);
      const set = reached.get(self) ?? new Set<string>();
      const theirs = family(other);
      if (theirs !== family(self)) set.add(theirs);
      reached.set(self, set);
    }
  }
  return { links: counts, reach: new Map([...reached].map(([id, set]) => [id, set.size])) };
}
