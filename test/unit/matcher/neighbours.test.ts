/** Names listed together: a word-like name right after a distinctive one in the same sentence is read in its company. */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, hasSecurityContext } from '../../../src/core/matcher/index';
import { ENTITIES } from './fixtures';

const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => m.text);

describe('a word-like name in the company of a distinctive one', () => {
  it('is spotted right after it in the same sentence, on a page with no other security words', () => {
    expect(hasSecurityContext('The note mentions TrickBot and Emotet, found on two laptops.')).toBe(false);
    expect(found('The note mentions TrickBot and Emotet, found on two laptops.')).toEqual(['TrickBot', 'Emotet']);
  });
  it('is spotted before it in the same sentence too ("Charming Kitten and MuddyWater targeted diplomats")', () => {
    expect(found('Emotet and TrickBot were seen.')).toEqual(['Emotet', 'TrickBot']);
  });
  it('is not spotted in the next or previous sentence, or far away', () => {
    expect(found('Emotet came first. They saw TrickBot.')).toEqual(['TrickBot']);
    expect(found(`Emotet ${'and then a long while passed with nothing to report at all, '.repeat(2)}TrickBot.`)).toEqual(['TrickBot']);
    expect(found('They saw TrickBot. Emotet came later.')).toEqual(['TrickBot']);
    expect(found(`TrickBot ${'and then a long while passed with nothing to report at all, '.repeat(2)}Emotet.`)).toEqual(['TrickBot']);
  });
  it('does not lend itself to a flagged ordinary word, unless a cue of its kind stands next to it too', () => {
    expect(found('The note mentions TrickBot and Silence.')).toEqual(['TrickBot']);
    expect(found('The note mentions Silence and TrickBot.')).toEqual(['TrickBot']);
    expect(found('The note mentions TrickBot and the Silence crew.')).toEqual(['TrickBot', 'Silence']);
    expect(found('The note mentions the Silence crew.')).toEqual([]);
  });
  it('"trojan" counts as security vocabulary in lower case only', () => {
    expect(hasSecurityContext('Two banking trojans dropped more malware.')).toBe(true);
    expect(hasSecurityContext('The Trojan War, a Trojan horse, and malware.')).toBe(false);
  });
});
