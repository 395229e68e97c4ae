/**
 * Lookup keys for names: case-, accent- and punctuation-insensitive, so "apt-29", "APT 29" and "Apt29"
 * find the same entity, and "Pawn Storm" is found by typing "pawnst".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(NON_KANA_MARKS, '')
    // NFKD splits ザ into サ and a combining voicing mark; dropping it as an accent made ラザルス and ラサルス (and ﾗｻﾞﾙｽ)
    // one key, though they are different words. The mark is written back onto its kana (NFC of just that pair), so
    // half-width and full-width spellings still share a key.
    .replace(KANA_WITH_MARK, (pair) => pair.normalize('NFC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Combining marks, except a kana voicing mark (U+3099, U+309A) right after a kana. */
const NON_KANA_MARKS = /(?<![\u3041-\u30ff])[\u3099\u309a]+|(?![\u3099\u309a])\p{M}+/gu;
const KANA_WITH_MARK = /[\u3041-\u30ff][\u3099\u309a]/gu;

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
