/**
 * A name set off by commas right after a kind noun, with a relative clause after it ("a stealthy implant, Marrowgate,
 * that…"), is possible malware; an aside between the commas (an adverb, "the vendor said") and a platform or vendor
 * name there are not. Texts written for these tests; the names are made up.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('emotet', 'malware', 'Emotet')], { version: 'comma-set-names' }));
const possible = (text: string) =>
  matcher
    .match(text, { securityContext: true })
    .filter((m) => m.possible)
    .map((m) => `${m.text}/${m.kind}`);

describe('kind noun, comma, coined name, comma, relative word', () => {
  it('finds the name in capitals or Title Case, and its later mentions', () => {
    expect(possible('The attackers left a tunneling implant, HOLLOWKEEL, that relays traffic over DNS. HOLLOWKEEL was removed.')).toEqual([
      'HOLLOWKEEL/malware',
      'HOLLOWKEEL/malware',
    ]);
    expect(possible('Next came a first-stage loader, Marrowgate, which pulls the payload from a paste site.')).toEqual(['Marrowgate/malware']);
    expect(possible('Responders recovered the backdoor, Tindercoil, which had been running since May.')).toEqual(['Tindercoil/malware']);
  });
  it('spots nothing for an aside, a vendor or platform, a list, or an ordinary loader', () => {
    expect(possible('The intruders dropped a loader, however, that nobody had seen before.')).toEqual([]);
    expect(possible('They installed a backdoor, Microsoft said, that survived a reboot.')).toEqual([]);
    expect(possible('The campaign ships a stealer, Windows, which is odd for this crew.')).toEqual([]);
    expect(possible('The kit bundles a downloader, Marrowgate, and a keylogger.')).toEqual([]);
    expect(possible('The firmware has a boot loader, Tindercoil, which checks the image signature.')).toEqual([]);
  });
});
