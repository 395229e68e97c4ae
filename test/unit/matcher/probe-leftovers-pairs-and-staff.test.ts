/**
 * Session 24, helper L: "former Conti staff" (people of a crew after its name) and a family's name that is an
 * ordinary word, written in capitals as the data writes it, opening a bullet beside another such name ("• REPTILE and
 * MEDUSA: rootkits"). Sentences written here, on the bundled data and made-up entries.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(
  compileDictionary(
    [
      ...bundledDataset().entities,
      { ...e('lantern-kit', 'malware', 'LANTERN', []), nameAmbiguous: true },
      { ...e('gravel-kit', 'malware', 'GRAVEL', []), nameAmbiguous: true },
    ],
    { version: 'probe-leftovers-pairs' },
  ),
);
const found = (text: string) => m.match(text).map((x: Match) => x.text);

const SECURITY = 'The intruders used phishing to install a backdoor, stole credentials and exfiltrated mail from the ministry.\n\n';

describe('people of a crew after its name', () => {
  it('"former X staff", "X alumni" on a security page', () => {
    expect(found(SECURITY + 'Two of the negotiators were former Conti staff, according to the leak.')).toEqual(['Conti']);
    expect(found(SECURITY + 'Analysts think Conti alumni now run the new brand.')).toEqual(['Conti']);
  });
  it('not on a page about something else', () => {
    expect(found('We stayed at the hotel by the lake. The Conti staff were friendly and the breakfast was good.')).toEqual([]);
  });
});

describe('an ordinary-word family name in capitals, paired with another at a bullet start', () => {
  it('reads both', () => {
    expect(found(SECURITY + 'Toolset seen on the hosts:\n• GRAVEL and LANTERN: small Linux implants, lightly modified\n')).toEqual(['GRAVEL', 'LANTERN']);
  });
  it('not in Title Case, and not beside an ordinary capitalised word', () => {
    expect(found(SECURITY + 'Notes from the site visit:\n• Gravel and Lantern: both found in the shed\n')).toEqual([]);
    expect(found(SECURITY + 'Notes from the site visit:\n• GRAVEL AND SAND: stored in the shed\n')).toEqual([]);
  });
});
