/**
 * Naming statements whose namer is not "we": a third person ("a backdoor they call X", "which it named X"), a noun
 * phrase after a relative word ("the encryptor, which the note calls X", "an implant that the authoring agencies track
 * as X"), and a crew naming itself ("a group calling itself X"). Found missing by session 22's blind probe of whole
 * reports. Texts written for these tests; the names are made up.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('trickbot', 'malware', 'TrickBot'), e('lockbit', 'ransomware', 'LockBit')], { version: 'naming-clause-subjects' }));
const spots = (text: string, ctx = true) => matcher.match(text, { securityContext: ctx });
/** Possible names as "text/kind/rule". */
const possible = (text: string, ctx = true) =>
  spots(text, ctx)
    .filter((m) => m.possible)
    .map((m) => `${m.text}/${m.kind}/${m.rule}`);

describe('a naming clause after a kind noun with another namer than "we"', () => {
  it('"they call X", "which it named X": the family and its bare mentions', () => {
    expect(possible('A contact mentioned a custom backdoor they call Brinewick, which uses DNS when HTTPS is blocked. Brinewick then beacons.')).toEqual([
      'Brinewick/malware/malware-named',
      'Brinewick/malware/same-text',
    ]);
    expect(possible('The vendor found a new stealer, which it named Cobbleshade, on two hosts.')).toEqual(['Cobbleshade/malware/malware-named']);
  });
  it('a noun phrase as the namer after "which" or "that", with the verb in the present tense', () => {
    expect(possible('The encryptor, which the ransom note calls Glimmerlock, runs on ESXi too.')).toEqual(['Glimmerlock/malware/malware-named']);
    expect(possible('On Linux they deployed a modular implant that the authoring agencies track as HOLLOWREED.')).toEqual(['HOLLOWREED/malware/malware-named']);
    expect(possible('The second stage is a downloader that our analysts named Tessvane in March.')).toEqual(['Tessvane/malware/malware-named']);
  });
  it('an API the code calls is still no name, and a noun phrase needs the relative word before it', () => {
    expect(possible('The loader that the sample called LoadLibraryA was injected next.')).toEqual([]);
    expect(possible('The dropper the vendor calls Tessvane was seen twice.')).toEqual([]);
  });
  it('an encryptor is a kind noun, a hardware or file-system one is not a family', () => {
    expect(possible('Victims found the Velmora encryptor on every file server after the ransomware attack.')).toEqual(['Velmora/malware/malware-kind']);
    expect(possible('The vault uses a hardware encryptor called Keystone for its disks.')).toEqual([]);
  });
});

describe('a crew naming itself', () => {
  it('"a group calling itself X", "the gang, which calls itself X": a possible actor and its bare mentions', () => {
    expect(possible('The ransom note was signed by a group calling itself Morrowgate, an operation new this year. Morrowgate lists 19 victims.')).toEqual([
      'Morrowgate/actor/named-crew',
      'Morrowgate/actor/same-text',
    ]);
    expect(possible('The gang, which calls itself Tallowmere, posted the stolen files.')).toEqual(['Tallowmere/actor/named-crew']);
    expect(possible('The operators who call themselves Sablewing demanded a ransom.')).toEqual(['Sablewing/actor/named-crew']);
  });
  it('no name after it in lower case, and nothing on a page without security context', () => {
    expect(possible('The group calling itself the winners of the quiz bought a round.')).toEqual([]);
    expect(possible('A folk group calling itself Morrowgate played at the harbour festival on Sunday.', false)).toEqual([]);
  });
});

describe('a bracket after the name describing its kind (notes and round-ups)', () => {
  it('"Quarrelweed (Rust stealer, Telegram exfil)", "GhostPane (loader)": the family and its bare mentions', () => {
    expect(possible('New this week: Quarrelweed (Rust stealer, Telegram exfil); Quarrelweed is sold for 90 dollars.')).toEqual([
      'Quarrelweed/malware/malware-appositive',
      'Quarrelweed/malware/same-text',
    ]);
    expect(possible('Seen on two hosts: GhostPane (loader) and TrickBot.')).toEqual(['GhostPane/malware/malware-appositive']);
  });
  it('no family in a place, a product or a plain word with only the kind noun in its bracket', () => {
    expect(possible('The attack on Kyiv (wiper, 2022) was the worst of that year.')).toEqual([]);
    expect(possible('Timeline: Kyiv (wiper) in February, Odesa (wiper) in March.')).toEqual([]);
    expect(possible('Operators sold the logs on Telegram (stealer logs, mostly cookies).')).toEqual([]);
    expect(possible('Our notes: Quarrelweed (Rust stealer, Telegram exfil) again.', false)).toEqual([]);
  });
});
