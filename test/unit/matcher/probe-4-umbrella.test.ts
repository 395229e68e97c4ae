/**
 * Probe set 4 (session 25), a search results page: "a cluster within the wider Lazarus umbrella". Reports file crews
 * under one name's umbrella; the compound is about the threat (ambiguity.ts THREAT_NOUNS), not a product or a thing
 * named after the word, which the rule for names inside compound nouns (audit T) refuses. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-4-umbrella' }));
const found = (text: string) => m.match(text).map((x: Match) => x.text);

const SEC = 'North Korean hackers stole crypto again. The malware arrived through phishing, a backdoor followed, and the threat actor laundered the funds.\n\n';

describe('a crew\'s umbrella', () => {
  it('is the group on a security page', () => {
    expect(found(`${SEC}TraderTraitor is a cluster within the wider Lazarus umbrella that goes after exchanges.`)).toEqual(['TraderTraitor', 'Lazarus']);
  });
  it('is no group on a page about something else', () => {
    expect(found('The gift shop sells the Lazarus umbrella, printed with the church window, for twelve pounds.')).toEqual([]);
  });
});
