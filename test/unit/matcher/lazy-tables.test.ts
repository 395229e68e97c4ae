import { describe, expect, it } from 'vitest';
import { CLS, C_DIGIT, C_KNOWN, C_LETTER, C_LOWER, C_SEP, C_SPACE, C_UPPER, C_WORD, FOLD, NORM } from '../../../src/core/matcher/normalize';

// ASCII is classified by hand at load (no Unicode-class expressions compiled on a page that never needs them); what
// the matcher reads must still be what those expressions say, or names next to digits, dashes or spaces move.
describe('ASCII character classes', () => {
  it('are what the Unicode property expressions give', () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      let k = C_KNOWN;
      if (/\s/.test(ch)) k |= C_SPACE;
      if (/[\p{L}\p{N}\p{M}_]/u.test(ch)) k |= C_WORD;
      if (/\p{L}/u.test(ch)) k |= C_LETTER;
      else if (/\p{N}/u.test(ch)) k |= C_DIGIT;
      if (/\p{Lu}/u.test(ch)) k |= C_UPPER;
      else if (/\p{Ll}/u.test(ch)) k |= C_LOWER;
      if (c === 32 || c === 9 || c === 45) k |= C_SEP;
      expect([c, CLS[c]]).toEqual([c, k]);
      expect([c, FOLD[c], NORM[c]]).toEqual([c, ch.toLowerCase().charCodeAt(0), c]);
    }
  });
});

describe('once', () => {
  it('builds on the first read only and hands back the same object after', async () => {
    const { once } = await import('../../../src/core/matcher/once');
    let builds = 0;
    const sticky = once(() => (builds++, /a/y));
    expect(builds).toBe(0);
    sticky().lastIndex = 3;
    // an expression's lastIndex is state the matcher's loops keep between reads: a second copy would lose it
    expect(sticky().lastIndex).toBe(3);
    expect(builds).toBe(1);
  });
});
