/**
 * "The next X" of a maker — its announced or dated next model — is a product, not the threat of the same name, on a
 * page that has security context elsewhere; "the next X" as a prediction about the threat, or with the threat's
 * noun after it, is still the threat. Texts written for these tests; the maker is made up.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const m = createMatcher(compileDictionary([...bundledDataset().entities, e('phoenix-ransomware', 'ransomware', 'Phoenix')], { version: 'next-models' }));
const spotted = (text: string) => m.match(text).map((x: Match) => x.text);

/** A news page's security paragraph, which gives the whole page its context. */
const SECURITY = 'In security news, attackers sent phishing links that install malware and ransomware, and the Lazarus group stole crypto from an exchange. ';

describe('"the next X" of a maker', () => {
  it('an announced or dated next model is no threat', () => {
    expect(spotted(SECURITY + 'Cardlow Motors, for its part, announced the next Phoenix will come with a bigger battery.')).toEqual(['Lazarus']);
    expect(spotted(SECURITY + 'The carmaker said the next Phoenix is due to go on sale in the spring.')).toEqual(['Lazarus']);
    expect(spotted(SECURITY + 'Cardlow unveiled the next Phoenix.')).toEqual(['Lazarus']);
  });
  it('the next threat of that name, a prediction or the threat with its noun, is still spotted', () => {
    expect(spotted(SECURITY + 'Analysts warned the next Phoenix could encrypt a whole hospital within minutes.')).toEqual(['Lazarus', 'Phoenix']);
    expect(spotted(SECURITY + 'Responders confirmed the next Phoenix ransomware build is already in testing.')).toEqual(['Lazarus', 'Phoenix']);
  });
});
