/**
 * Session 24, helper S: a ransomware brand named by an appositive after it ("… continue as X, an extortion-only
 * brand"; brand-namings.ts appositiveBrandName), then at its bare mentions. Names and sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('lockbit', 'ransomware', 'LockBit')], { version: 'brand-appositives' }));
const possible = (t: string) => matcher.match(t).filter((m) => m.possible).map((m) => m.text);

const LEAKS = 'The ransomware crew leaked stolen data on its leak site after the extortion demand went unpaid.';

describe('a brand the appositive calls one of the trade', () => {
  it('a two-word name before "an extortion-only brand", and its later mention', () => {
    expect(possible(`${LEAKS} Its affiliates now post as Tallow Leaks, an extortion-only brand. Tallow Leaks listed four victims in May.`)).toEqual(['Tallow Leaks', 'Tallow Leaks']);
  });
  it('a one-word name before "a ransomware brand"', () => {
    expect(possible(`${LEAKS} The builder was sold to Grimward, a data-theft and ransomware brand, in April.`)).toEqual(['Grimward']);
  });
});

describe('a brand that is no crew', () => {
  it('the victim, called a brand of its own trade', () => {
    expect(possible(`${LEAKS} The attack hit Clarins Group, a cosmetics brand, and LockBit claimed it.`)).toEqual([]);
  });
  it('a brand whose modifier only looks like the trade\'s, on a ransomware page', () => {
    expect(possible(`${LEAKS} Staff were told to stop ordering from Tallow Leaks, a leak-proof candle brand.`)).toEqual([]);
  });
  it('the same appositive with no ransomware around it', () => {
    expect(possible('Shoppers can now order from Tallow Leaks, a leak-proof candle brand based in Leeds.')).toEqual([]);
  });
});
