/**
 * Probe set 4 (session 25): real names its documents used that no bundled entry held, now bundled (src/core/data), so
 * a reader without the feeds sees them too. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-4-bundled' }));
const spotted = (text: string) => m.match(text).map((x: Match) => [x.text, x.kind]);

describe('names bundled for probe set 4', () => {
  it('reads the tools and malware of a ransomware intrusion and of state groups', () => {
    expect(spotted('The Play ransomware affiliates ran Grixba for discovery, and the intruders abused ADCS with Certipy before the encryption.')).toEqual([
      ['Play', 'ransomware'], ['Grixba', 'tool'], ['Certipy', 'tool'],
    ]);
    expect(spotted('APT33 deployed the Tickler backdoor and FalseFont; CyberAv3ngers used the IOCONTROL malware against fuel systems.')).toEqual([
      ['APT33', 'actor'], ['Tickler', 'malware'], ['FalseFont', 'malware'], ['CyberAv3ngers', 'actor'], ['IOCONTROL', 'malware'],
    ]);
  });
  it('reads commodity and North Korean families and a Kerberos tool', () => {
    expect(spotted('The loader dropped XWorm and Snake Keylogger, and an older build of Mars Stealer; the red team ran Rubeus.').map(([t]) => t)).toEqual(['XWorm', 'Snake Keylogger', 'Mars Stealer', 'Rubeus']);
    expect(spotted('The macOS malware RustBucket and KANDYKORN were sent to crypto engineers; NailaoLocker encrypted the hospital\'s servers.').map(([t]) => t)).toEqual(['RustBucket', 'KANDYKORN', 'NailaoLocker']);
  });
  it('reads the longer alias whole', () => {
    expect(spotted('Symantec tracked the campaign against energy firms as Dragonfly 2.0, a cyber espionage group, and Secureworks calls Lazarus NICKEL ACADEMY.').map(([t]) => t)).toEqual(['Dragonfly 2.0', 'Lazarus', 'NICKEL ACADEMY']);
  });
  it('does not read a capitalised "Tickler" on a page about something else', () => {
    expect(spotted('Tickler files help a busy office: a folder for each day of the month keeps the reminders in order.')).toEqual([]);
  });
});
