/**
 * Session 25 (helpers MD and KL, issue 4): a name a feed writes with the kind word "ransomware" is highlighted without
 * it where the entity also goes by the bare name (ransomware-tails.ts). Sentences written for the test; entities as
 * feeds write them.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, loadEnglishWords } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const matcher = createMatcher(
  compileDictionary(
    [
      e('medusa', 'ransomware', 'Medusa', ['Medusa Ransomware']),
      e('inc', 'ransomware', 'INC Ransomware'),
      e('lockbit', 'ransomware', 'LockBit'),
      e('raccoon', 'malware', 'Raccoon Stealer'),
    ],
    { version: 'kind-words' },
  ),
);
const spots = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);
const REPORT = 'The threat actor sent phishing mail with a malicious document that installed a backdoor. ';

describe('the kind word a feed writes into a ransomware name', () => {
  it('is no part of the highlight where the entity also goes by the bare name; a name known only with it keeps it', () => {
    const text = `${REPORT}Medusa ransomware listed a school district; INC Ransomware claimed a hospital, and LockBit ransomware a port.`;
    expect(spots(text)).toEqual(['Medusa=medusa', 'INC Ransomware=inc', 'LockBit=lockbit']);
    const ms = matcher.match(text);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('still needs the kind word to find a name that is only known with it', () => {
    expect(spots(`${REPORT}The INC team met on Monday.`)).toEqual([]);
  });
  it('a stealer keeps its kind word, as the field writes its name', () => {
    expect(spots(`${REPORT}Raccoon Stealer took the browser passwords.`)).toEqual(['Raccoon Stealer=raccoon']);
  });
});
