/**
 * Short texts (a post, a headline, a ticker item): a word of attack in the sentence vouches for a word-like name
 * (clause-terms.ts), a name's own "Stealer" is a strong cue (ambiguity.ts), and ordinary short texts stay clean.
 * Texts written for the tests (short-texts.fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';
import { ORDINARY, SECURITY } from './short-texts.fixtures';

const data = bundledDataset();
/**
 * Names public feeds list that the bundled data lacks, as the feeds list them (not flagged as ordinary words), with an
 * imported entity's prefixed id.
 */
const FEED_LIKE = [
  e('misp:t-vidar', 'malware', 'Vidar'),
  e('misp:t-asyncrat', 'malware', 'AsyncRAT'),
  e('misp:t-remcos', 'malware', 'Remcos RAT', ['Remcos']),
  e('misp:t-denis', 'malware', 'Denis'),
  e('misp:t-rex', 'malware', 'Rex'),
  e('misp:t-bella', 'malware', 'Bella'),
  e('misp:t-tripoli', 'actor', 'Tripoli'),
  e('misp:t-athena', 'malware', 'Athena'),
  e('misp:t-skynet', 'malware', 'Skynet'),
  e('misp:t-loki', 'malware', 'Loki'),
  e('misp:t-houdini', 'malware', 'Houdini'),
  e('misp:t-bethany', 'malware', 'Bethany'),
  e('misp:t-cyclops', 'malware', 'Cyclops'),
  e('misp:t-gladius', 'malware', 'Gladius'),
  e('misp:t-zeus', 'malware', 'Zeus'),
];
const m = createMatcher(compileDictionary([...data.entities, ...FEED_LIKE], { version: 'short-texts', links: data.links }));
const spotted = (text: string) => m.match(text).map((x) => x.text);

describe('short security texts name what a reader sees', () => {
  for (const t of SECURITY) {
    it(t.text, () => {
      expect(spotted(t.text)).toEqual(expect.arrayContaining([...t.names]));
    });
  }
});

describe('short ordinary texts stay clean', () => {
  for (const text of ORDINARY) {
    it(text, () => {
      expect(spotted(text)).toEqual([]);
    });
  }
});

describe('what the sentence must hold', () => {
  it('a word of attack in the same sentence, not elsewhere in the post', () => {
    expect(spotted('Turla used a new backdoor against European ministries.')).toEqual(['Turla']);
    expect(spotted('Turla used a new ferry to reach the islands.')).toEqual([]);
    expect(spotted('Turla used a new ferry to reach the islands.\nOur IT team found a backdoor in the old router.')).toEqual([]);
  });
  it('or in the next sentence, when a word for a threat opens it, not "it" or "he"', () => {
    expect(spotted('Kimsuky is back. The group is phishing think tanks again.')).toEqual(['Kimsuky']);
    expect(spotted('Kimsuky is back. It is phishing think tanks again.')).toEqual([]);
    expect(spotted('Denis is back. He is phishing for compliments.')).toEqual([]);
  });
  it('dumping credentials is a word of attack; credentials dumped in a shredder are not', () => {
    expect(spotted('Mimikatz was used to dump credentials after the intrusion.')).toEqual(['Mimikatz']);
    expect(spotted('Denis dumped the credentials of his old job in the shredder.')).toEqual([]);
  });
  it('the everyday security words of a software project do not count', () => {
    expect(spotted('Gamaredon spent the weekend hacking on the parser.')).toEqual([]);
    expect(spotted('Kimsuky thanked the GNU hackers for the fix.')).toEqual([]);
  });
  it('a name a curator flagged as an ordinary word stays as strict as before', () => {
    expect(spotted('Sandworm used a new backdoor against Ukrainian utilities.')).toEqual([]);
    expect(spotted('Lazarus used a new backdoor against crypto exchanges.')).toEqual([]);
  });
  it('the kind word the data holds as the end of the name is a cue of its own; the bare ordinary word is not', () => {
    expect(spotted('Watch out for Raccoon Stealer ads on search engines.')).toEqual(['Raccoon Stealer']);
    expect(spotted('Watch out for Raccoon tracks in the snow.')).toEqual([]);
  });
});
