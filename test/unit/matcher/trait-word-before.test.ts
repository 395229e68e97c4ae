/**
 * cueTraits reads the words before a name with wordBefore, which finds the run of letters and digits before the
 * text's end from the end and runs WORD_BEFORE once, at its start: it must give exactly WORD_BEFORE's own search
 * (the same match, offset and word), astral letters, lone surrogates and every separator form included. Guards any
 * faster search for it.
 */
import { describe, expect, it } from 'vitest';
import { cueTraits, WORD_BEFORE, wordBefore } from '../../../src/core/matcher/traits';
import { rng } from '../../../scripts/lib/rng';

const show = (m: RegExpExecArray | null) => (m ? [m.index, m[0], m[1]] : null);

describe('wordBefore finds what WORD_BEFORE finds', () => {
  it('the word before a name and its separator', () => {
    expect(show(wordBefore('the Android banking trojan '))).toEqual([20, 'trojan ', 'trojan']);
    expect(show(wordBefore('an x86-'))).toEqual([3, 'x86-', 'x86']);
    expect(show(wordBefore('Windows \u2010 '))).toEqual([0, 'Windows \u2010 ', 'Windows']);
    expect(show(wordBefore('(trojan) '))).toBeNull();
    expect(show(wordBefore('trojan'))).toBeNull();
    expect(show(wordBefore('trojan--'))).toBeNull();
    // a trait word before the name reaches the bits as before
    expect(cueTraits('the Android banking trojan Medusa', 27, 33)).toBeGreaterThan(0);
  });

  it('the same match as the expression on random mixes of words, separators and surrogates', () => {
    const parts = ['a', 'Android', 'banking', '7', '\u{1d400}', '\u{1f642}', ' ', ' ', '\u00a0', '-', '\u2010', '\u2011', '--', '.', ',', '"', '\ud800', '\udc00', '\u00e9', '\n', 'for'];
    const r = rng(5);
    const differ: string[] = [];
    let found = 0;
    for (let k = 0; k < 20_000; k++) {
      let t = '';
      for (let i = 1 + Math.floor(r() * 12); i > 0; i--) t += parts[Math.floor(r() * parts.length)] as string;
      const want = show(WORD_BEFORE().exec(t));
      if (want) found++;
      if (JSON.stringify(show(wordBefore(t))) !== JSON.stringify(want)) differ.push(t);
    }
    expect(differ).toEqual([]);
    expect(found).toBeGreaterThan(1000);
  });
});
