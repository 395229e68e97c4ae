/**
 * Probe set 3 (session 24), an e-mail newsletter: "the vendor report only says 'overlaps with GhostEmperor'", a name
 * that one feed lists as an alias of a crew (Salt Typhoon) and another as a malware family. Analysts say a cluster
 * overlaps with a vendor's name for a crew; a family shares code. Where no cue word next to the name says a kind,
 * "overlaps with X" reads X as the crew. Names made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(
  compileDictionary([...bundledDataset().entities, e('pallid-heron', 'actor', 'Pallid Heron', ['Duskwarden']), e('duskwarden-malware', 'malware', 'Duskwarden')], { version: 'probe-3-overlaps' }),
);
const kinds = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.kind}`);

const SECURITY = 'The intruders used phishing to install a backdoor, stole credentials and exfiltrated mail from the ministry.\n\n';

describe('"overlaps with X" for a name a crew and a family share', () => {
  it('reads the name as the crew', () => {
    expect(kinds(SECURITY + 'The new activity overlaps with Duskwarden in its infrastructure.')).toEqual(['Duskwarden:actor']);
    expect(kinds(SECURITY + 'Analysts saw a set of servers overlapping with Duskwarden last spring.')).toEqual(['Duskwarden:actor']);
  });
  it('what a program does to it still reads it as the family', () => {
    expect(kinds(SECURITY + 'The dropper deployed Duskwarden on the file server.')).toEqual(['Duskwarden:malware']);
  });
});
