/**
 * Names met in prose in lower case. The matcher turns away a lower-case word without asking the case rules when no name
 * ending there may be written so (match.ts capitalOnly); these are the writings those rules accept or refuse, which
 * the shortcut must leave as they are: a name with a digit in any case, an inner capital after a lower-case first
 * letter, a kind word in any case after the name. And a cited author after an initial (ordinary-namings.ts
 * citedPerson, whose expression now runs only after a full stop). Names and sentences are written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(
  compileDictionary(
    [
      e('vellichor', 'malware', 'Vellichor'),
      e('quillfeather', 'ransomware', 'QuillFeather'),
      e('brindle', 'malware', 'Brindle Stealer'),
      e('storm-7781', 'actor', 'Storm-7781'),
      e('lantern', 'ransomware', 'Lantern'),
    ],
    { version: 'lower-case-words' },
  ),
);
const SEC = 'Weekly threat report: malware, ransomware, phishing and a new backdoor seen on the file servers. ';
const picks = (text: string) => matcher.match(SEC + text, { securityContext: true }).map((m: Match) => `${m.text}=${m.entityId}`);

describe('a name written in lower case', () => {
  it('is not spotted where the name is only ever written with its capital', () => {
    expect(picks('The vellichor of old bookshops filled the room.')).toEqual([]);
    expect(picks('A quillfeather pen lay on the desk beside the brindle cat.')).toEqual([]);
  });
  it('is spotted in the writings the case rules accept', () => {
    expect(picks('Analysts found Vellichor and VELLICHOR on the same hosts.')).toEqual(['Vellichor=vellichor', 'VELLICHOR=vellichor']);
    // a name with a digit in any case
    expect(picks('The intrusion set storm-7781 returned in May.')).toEqual(['storm-7781=storm-7781']);
    // the kind word ending a name in any case, the name itself in its own
    expect(picks('The Brindle stealer took browser passwords.')).toEqual(['Brindle stealer=brindle']);
  });
  it('with a capital inside it is read as the name gives it, whatever its first letter', () => {
    expect(picks('The quillFeather encryptor renamed every file.')).toEqual(['quillFeather=quillfeather']);
    expect(picks('The quillfeather encryptor renamed every file.')).toEqual([]);
  });
});

describe('a cited author', () => {
  it('after an initial, or two, with one or two spaces, is a person', () => {
    expect(picks('[4] K. Lantern and P. Ruiz. Recovery costs. 2020.')).toEqual([]);
    expect(picks('[5] K. L. Lantern. Backups that work. 2021.')).toEqual([]);
    expect(picks('[6] K.  Lantern. Restoring from tape. 2019.')).toEqual([]);
  });
  it('after a title too, and the ransomware named in the same text stays', () => {
    expect(picks('Dr. Lantern chaired the session.')).toEqual([]);
    expect(picks('The notes of the Lantern ransomware name a leak site.')).toEqual(['Lantern=lantern']);
  });
});
