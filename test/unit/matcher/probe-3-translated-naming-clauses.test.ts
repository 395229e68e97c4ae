/**
 * Probe set 3 (session 24), a translated Russian vendor report: translations keep the source's word order, so the
 * software a relative clause names stands further from it than in English — "a malicious program (VPO) of the loader
 * class, which we named X", where English writes "a new loader, which we named X". An abbreviation in brackets after
 * the noun and a phrase with "of" are read as part of the antecedent. Names and texts made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-3-naming' }));
const found = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.kind}${x.possible ? '?' : ''}`);

const SECURITY = 'The intruders sent phishing mail to the plant and stole credentials before deploying ransomware.\n\n';

describe('a relative naming clause after a translated noun phrase', () => {
  it('names the software, and its later mentions too', () => {
    expect(found(SECURITY + 'The archive held a malicious program (VPO) of the stealer class, which we named Brisklark. Brisklark sends the files to a Telegram bot.')).toEqual([
      'Brisklark:malware?',
      'Brisklark:malware?',
    ]);
    expect(found(SECURITY + 'Our team found a backdoor of unknown origin, which we called Pellmoth, on two servers.')).toEqual(['Pellmoth:malware?']);
  });
  it('an ordinary program that the clause names stays unmarked', () => {
    expect(found(SECURITY + 'The plant also runs a training program (TP) of the safety department, which staff called Greenlight.')).toEqual([]);
  });
});
