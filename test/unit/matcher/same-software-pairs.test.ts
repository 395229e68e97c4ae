/**
 * Session 25, helper MD (issue 4): a software's second name right after its first ("Cobalt Strike Beacon"), as reports
 * name Cobalt Strike's implant (same-software-pairs.ts). Sentences written for the test; the entity as a feed lists it.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, loadEnglishWords } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const matcher = createMatcher(
  compileDictionary([e('cobalt-strike', 'tool', 'Cobalt Strike', ['CobaltStrike', 'BEACON']), e('plugx', 'malware', 'PlugX')], { version: 'pairs' }),
);
const spots = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);
const REPORT = 'The threat actor sent phishing mail with a malicious document that installed a backdoor. ';

describe('the implant named after the suite', () => {
  it('is the same software, in its own span', () => {
    expect(spots(`${REPORT}The loader decrypts a Cobalt Strike Beacon that talks to the C2 server.`)).toEqual(['Cobalt Strike=cobalt-strike', 'Beacon=cobalt-strike']);
    expect(spots(`${REPORT}The payload was a PlugX variant or a CobaltStrike Beacon as a post-exploitation framework.`)).toEqual([
      'PlugX=plugx',
      'CobaltStrike=cobalt-strike',
      'Beacon=cobalt-strike',
    ]);
  });
  it('not the common noun in lower case, nor the word alone or after a full stop', () => {
    expect(spots(`${REPORT}Cobalt Strike beacons called home every minute.`)).toEqual(['Cobalt Strike=cobalt-strike']);
    expect(spots(`${REPORT}The staff deployed Cobalt Strike. Beacon Hill offices were not affected.`)).toEqual(['Cobalt Strike=cobalt-strike']);
    expect(spots(`${REPORT}The office on Beacon Street was closed.`)).toEqual([]);
  });
});
