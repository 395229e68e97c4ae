/**
 * Session 24, helper S: a remote-control product abused as a RAT, which the feeds list under one word
 * ("NetSupportManager RAT", alias "NetSupport") while reports write its product name in two (bundled as a dual-use
 * tool, entities-dual-use.ts). And such a product's camel-case name at a sentence start on an intrusion report: a
 * capital that is the name's own. Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const data = bundledDataset();
// as a feed lists it
const FEED = [e('feed-nsm', 'malware', 'NetSupportManager RAT', ['NetSupport'])];
const matcher = createMatcher(compileDictionary([...data.entities, ...FEED], { version: 'products', links: data.links }));
const spots = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.kind}`);

const REPORT = 'The phishing campaign pushed a fake browser update; the threat actor then moved laterally and stole credentials for exfiltration.';

describe('a product name written in two words', () => {
  it('is the whole name, read as the tool', () => {
    expect(spots(`${REPORT} The update's script installed NetSupport Manager with a configuration pointing at the attackers' gateway.`)).toEqual(['NetSupport Manager=tool']);
  });
  it('the feed\'s short name alone is still the feed\'s entry', () => {
    expect(spots(`${REPORT} The update's script installed the NetSupport client from a ZIP archive.`)).toEqual(['NetSupport=malware']);
  });
  it('the vendor\'s own page stays unmarked', () => {
    expect(spots('NetSupport Manager 14 adds a new console for IT teams. NetSupport Manager lets schools and help desks reach every PC on the network from one screen.')).toEqual([]);
  });
});

describe('a dual-use product opening a sentence', () => {
  it('on an intrusion report', () => {
    expect(spots(`${REPORT} AnyDesk was installed on both servers that night. WinSCP then copied the archives out.`)).toEqual(['AnyDesk=tool', 'WinSCP=tool']);
  });
  it('on the product\'s own help page', () => {
    expect(spots('Getting started. AnyDesk shows your address on the main screen. AnyDesk asks the other side to accept each session.')).toEqual([]);
  });
});
