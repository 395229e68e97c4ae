/**
 * Lookup keys for names: case-, accent- and punctuation-insensitive, so "apt-29", "APT 29" and "Apt29"
 * find the same entity, and "Pawn Storm" is found by typing "pawnst".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A word start after the first: after a run of punctuation or spaces, or a lower-to-upper case change ("PandaBanker"). */
const LATER_WORD = /[^\p{L}\p{N}]+(?=[\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu})/gu;

/**
 * Keys of a name read from each of its later word starts on ("APT41 by Wicked Panda" → "bywickedpanda",
 * "wickedpanda", "panda"); the first word's is the whole name's key. A query whose key one of them starts with
 * matches a later word of the name ("wicked pan", "panda").
 */
export function laterWordKeys(name: string): string[] {
  const keys: string[] = [];
  for (const m of name.matchAll(LATER_WORD)) {
    const key = nameKey(name.slice(m.index + m[0].length));
    if (key) keys.push(key);
  }
  return keys;
}

/** laterWordKeys() of the canonical name and every alias, without repeats: what the entities' word index holds. */
export function wordKeys(names: readonly string[]): string[] {
  return [...new Set(names.flatMap(laterWordKeys))];
}
