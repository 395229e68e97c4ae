/**
 * Probe set 4 (session 25): words a page shows that are no names though a feed lists them as threats. A table's
 * placeholder ("Unknown" in a ransomware table, page-furniture.ts placeholderValue), a search result's address shown as
 * a breadcrumb (page-furniture.ts breadcrumbSegment), and "entropy", which malware analyses measure on every sample
 * (stoplist.ts). Texts and the feed-like entities written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(
  compileDictionary([...bundledDataset().entities, e('unknown-ransomware', 'ransomware', 'Unknown'), e('entropy-ransomware', 'ransomware', 'Entropy')], { version: 'probe-4-furniture' }),
);
const found = (text: string) => m.match(text).map((x: Match) => x.text);

/** An HTML table as it arrives: one cell per line. */
const TABLE = [
  'Ransomware brands by confirmed sector incidents, first half of the year. Initial access came through phishing and VPN accounts.',
  'Brand', 'Incidents', 'Typical entry',
  'Akira', '14', 'VPN without MFA',
  'RansomHub', '8', 'Valid accounts',
  'Black Basta', '4', 'Help-desk vishing',
  'Hunters International', '3', 'Unknown',
  'BianLian', '2', 'Unknown',
].join('\n');

describe('a table\'s placeholder', () => {
  it('"Unknown" in a cell among ransomware names is no ransomware', () => {
    expect(found(TABLE)).toEqual(['Akira', 'RansomHub', 'Black Basta', 'Hunters International', 'BianLian']);
  });
  it('the ransomware of that name is still read where a cue names it', () => {
    expect(found('The Unknown ransomware encrypted the file server, and its operators left a note.')).toContain('Unknown');
  });
});

describe('a search result\'s breadcrumb', () => {
  const RESULT = 'Lazarus Group, Labyrinth Chollima, HIDDEN COBRA ...\nhttps://attack.mitre.org › groups › G0032\nLazarus Group is a North Korean state-sponsored cyber threat group, active since at least 2009, behind ransomware and espionage.';
  it('reads no name in the address, and the title and snippet around it as usual', () => {
    expect(found(RESULT)).toEqual(['Lazarus Group', 'Labyrinth Chollima', 'HIDDEN COBRA', 'Lazarus Group']);
  });
  it('still reads an ATT&CK id in prose', () => {
    expect(found(`${RESULT} ATT&CK tracks the group as G0032.`)).toContain('G0032');
  });
});

describe('"entropy" in a malware analysis', () => {
  const ANALYSIS = 'The malware sample is a 64-bit PE with no signature, packed by a crypter, and its loader talks to a C2 server. ';
  it('is the measure, not a ransomware, when it opens a sentence', () => {
    expect(found(`${ANALYSIS}Entropy of the .rdata section is high, so the payload is encrypted.`)).toEqual([]);
  });
  it('is the ransomware next to its cue', () => {
    expect(found(`${ANALYSIS}Entropy ransomware was deployed after the loader.`)).toEqual(['Entropy']);
  });
});
