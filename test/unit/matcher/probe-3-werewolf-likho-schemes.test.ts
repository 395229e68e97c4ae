/**
 * Probe set 3 (session 24), a translated Russian vendor report: vendors there name crews in their own schemes, BI.ZONE
 * "<Adjective> Werewolf" and Kaspersky "<Adjective> Likho", as the American vendors write "<Adjective> Panda" or
 * "<Weather> Typhoon". A name in either scheme that no list holds yet is a possible actor on a security page. The
 * crew names below are made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-3-schemes' }));
const found = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.kind}${x.possible ? '?' : ''}`);

const SECURITY = 'The intruders sent phishing mail with a loader that installed a backdoor and stole credentials.\n\n';

describe('vendor schemes of Russian-language reports', () => {
  it('"<Adjective> Werewolf" and "<Adjective> Likho" on a security page are possible actors', () => {
    expect(found(SECURITY + 'Since spring, Gilded Werewolf has sent the same lures to shipyards.')).toEqual(['Gilded Werewolf:actor?']);
    expect(found(SECURITY + 'We attribute the wave to Restless Likho with medium confidence.')).toEqual(['Restless Likho:actor?']);
  });
  it('a werewolf in a page with no security context is the creature', () => {
    expect(found('The film club shows a silver-screen classic about a Hungry Werewolf on Friday, with popcorn.')).toEqual([]);
  });
});
