/**
 * Probe set 3 (session 24), a press release on a ransomware indictment: "victims were directed to a Tor site". ATT&CK
 * lists Tor as an attacker's tool; a site on the Tor network, or the Tor Browser a victim is told to install, is where
 * a ransom is paid, not the tool. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(compileDictionary([...bundledDataset().entities, e('tor', 'tool', 'Tor')], { version: 'probe-3-tor' }));
const found = (text: string) => m.match(text).map((x: Match) => x.text);

const SECURITY = 'The affiliates stole credentials by phishing, moved laterally with PsExec and deployed LockBit ransomware on the file servers.\n\n';

describe('Tor as a place where a ransom is paid', () => {
  it('a Tor site, leak site or page, and the Tor Browser, are no tool', () => {
    expect(found(SECURITY + 'The note told staff to visit a Tor site and enter a personal key.')).toEqual(['PsExec', 'LockBit']);
    expect(found(SECURITY + 'Two days later the company appeared on the gang\'s Tor leak site.')).toEqual(['PsExec', 'LockBit']);
    expect(found(SECURITY + 'Victims must download the Tor Browser to reach the chat.')).toEqual(['PsExec', 'LockBit']);
  });
  it('Tor as software an intruder runs is still the tool', () => {
    expect(found(SECURITY + 'A backdoor on the server routed its traffic over Tor to hide the operators.')).toEqual(['PsExec', 'LockBit', 'Tor']);
  });
});
