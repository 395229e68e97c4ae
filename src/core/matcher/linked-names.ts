/**
 * Linked names: the knowledge base's links, as pairs of dictionary entities, for one rule of the matcher.
 *
 * A short text that states a link ("Dridex is linked to Lazarus.", "TA505 worked with Lazarus.") carries no security
 * vocabulary, and an ordinary-word name (Lazarus, a surname too) or a word-like one (Dridex) needs such context. Two
 * names in one sentence whose entities the knowledge base links are context for each other: a page that names Lazarus
 * of Bethany does not go on to name Dridex in the same sentence. The rule itself lives in match.ts (linkedConfirmed).
 */
export interface LinkEnds {
  from: string;
  to: string;
}

/** Flat [a, b, a, b, …] entity indices of every linked pair, a < b, each pair once; links to unknown ids are left out. */
export function compileLinks(links: readonly LinkEnds[], entityIndex: ReadonlyMap<string, number>): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const n = entityIndex.size;
  for (const l of links) {
    const a = entityIndex.get(l.from);
    const b = entityIndex.get(l.to);
    if (a === undefined || b === undefined || a === b) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(lo, hi);
  }
  return out;
}

/** The stored pairs when they are well formed for `entities` entities, else undefined (a foreign or truncated value). */
export function readLinks(value: unknown, entities: number): number[] | undefined {
  if (!Array.isArray(value) || value.length % 2) return undefined;
  for (const x of value) if (!Number.isInteger(x) || (x as number) < 0 || (x as number) >= entities) return undefined;
  return value as number[];
}

/** Per entity, the entities linked to it. */
export function linkedSets(pairs: readonly number[] | undefined): Map<number, Set<number>> {
  const m = new Map<number, Set<number>>();
  if (!pairs) return m;
  const add = (a: number, b: number) => {
    let s = m.get(a);
    if (!s) m.set(a, (s = new Set()));
    s.add(b);
  };
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    add(pairs[k] as number, pairs[k + 1] as number);
    add(pairs[k + 1] as number, pairs[k] as number);
  }
  return m;
}
