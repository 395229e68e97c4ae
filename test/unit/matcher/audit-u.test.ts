/**
 * Audit U: which of several software entities that share a name a mention means. Feeds list a family per platform
 * ("Name (Android)", "Name (Windows)", "Name (ELF)") and unrelated families of different classes under one name (a
 * ransomware and an Android banking trojan); the words next to a mention ("the X Android banking trojan", "the X
 * stealer", "X RAT", "X for Android") choose among them, and without such words the choice is what it was. Names,
 * descriptions and sentences are written for the audit.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, parseDictionary, type Match } from '../../../src/core/matcher/index';
import { cueTraits, entityTraits, K_BANKER, K_RAT, K_RANSOMWARE, K_STEALER, P_ANDROID, P_LINUX, P_MAC, P_WINDOWS, traitFit } from '../../../src/core/matcher/traits';
import type { Entity } from '../../../src/core/model/entity';
import { e } from './fixtures';

const described = (entity: Entity, description: string, provenance?: string[]): Entity => ({ ...entity, description, ...(provenance ? { provenance } : {}) });

const DICT: Entity[] = [
  // a curated ransomware, and a malware feed's per-platform families of the same name; the Windows one is a build of
  // the ransomware, the Android one an unrelated banking trojan (the importer gave the bare name to neither: the
  // merge drops it where another entity is called so)
  described(e('gorgo', 'ransomware', 'Gorgonite'), 'A ransomware crew with a leak blog; not to be confused with the Gorgonite Android malware.', ['bundled']),
  described(e('gorgo-win', 'malware', 'Gorgonite (Windows)'), 'Per a vendor, Gorgonite arose as a ransomware-as-a-service offering aimed at Windows hosts.'),
  described(e('gorgo-android', 'malware', 'Gorgonite (Android)'), 'Per a vendor, this is an Android banking trojan that overlays the apps of Spanish banks.'),
  // a family per platform, the bare name given to the Windows one (as misp.ts addBareNames does)
  described(e('drift-win', 'malware', 'Driftwood (Windows)', ['Driftwood']), 'A backdoor for Windows written in Go.'),
  e('drift-elf', 'malware', 'Driftwood (ELF)'),
  e('drift-mac', 'malware', 'Driftwood (OS X)'),
  // one name, two classes: a ransomware and a stealer that lists the name as an alias
  e('pellu-rw', 'ransomware', 'Pellucid'),
  described(e('pellu-st', 'malware', 'Pellucid Grabber', ['Pellucid']), 'An information stealer sold on a carding forum.'),
  // a loader, and a platform variant described as a remote access trojan
  described(e('corv', 'malware', 'Corvinax'), 'Corvinax is a loader delivered by malspam.'),
  described(e('corv-win', 'malware', 'Corvinax (Windows)'), 'A remote access trojan written in C#.'),
  // an actor and its Android malware
  e('quill-actor', 'actor', 'Quillfeather'),
  e('quill-android', 'malware', 'Quillfeather (Android)'),
];
const matcher = createMatcher(compileDictionary(DICT, { version: 'audit-u' }));
/** Security words up front, so the word-like test names have the page context they need. */
const SEC = 'Threat report: malware, ransomware, phishing and exploits seen this week. ';
const picks = (text: string) => matcher.match(SEC + text).map((m: Match) => `${m.text}=${m.entityId}`);

describe('the words next to a shared name choose the entity (platform and class)', () => {
  it('"the X Android banking trojan" and "the X ransomware gang" in one text are two entities', () => {
    expect(picks('Analysts noted that the Gorgonite Android banking trojan is back with screen streaming, while the Gorgonite ransomware gang claimed a hospital.')).toEqual([
      'Gorgonite=gorgo-android',
      'Gorgonite=gorgo',
    ]);
  });
  it('the platform or class may stand before the name, in an appositive, or after "for"', () => {
    expect(picks('Analysts say the Android banking trojan Gorgonite now steals codes.')).toEqual(['Gorgonite=gorgo-android']);
    expect(picks('Analysts say that Gorgonite, an Android banker, now steals codes.')).toEqual(['Gorgonite=gorgo-android']);
    expect(picks('Analysts say that Gorgonite for Android now steals codes.')).toEqual(['Gorgonite=gorgo-android']);
    expect(picks("Analysts say that Gorgonite's Android variant now steals codes.")).toEqual(['Gorgonite=gorgo-android']);
  });
  it('the platform qualifier selects the variant of that platform', () => {
    expect(picks('Responders found that the Driftwood macOS backdoor hid in a login item.')).toEqual(['Driftwood=drift-mac']);
    expect(picks('Responders found that a Driftwood Linux build ran on the router.')).toEqual(['Driftwood=drift-elf']);
    expect(picks('Responders found that the Driftwood Windows backdoor used a scheduled task.')).toEqual(['Driftwood=drift-win']);
    expect(picks('Responders found a Driftwood ELF sample on the router.')).toEqual(['Driftwood=drift-elf']);
  });
  it('a class word selects the entity of that class ("the X stealer", "X RAT", "X ransomware")', () => {
    expect(picks('Responders found that the Pellucid stealer took browser cookies.')).toEqual(['Pellucid=pellu-st']);
    expect(picks('Responders found that Pellucid ransomware encrypted the share.')).toEqual(['Pellucid=pellu-rw']);
    expect(picks('Responders found that a Corvinax RAT gave the intruders a shell.').map((p) => p.replace(/ RAT=/, '='))).toEqual(['Corvinax=corv-win']);
    expect(picks('Responders found that the Corvinax loader fetched a payload.')).toEqual(['Corvinax=corv']);
  });
  it('an actor cue still says the actor; platform words pick among the software', () => {
    expect(picks('Responders said the Quillfeather group targeted journalists.')).toEqual(['Quillfeather=quill-actor']);
    expect(picks('Responders said the Quillfeather Android implant read messages.')).toEqual(['Quillfeather=quill-android']);
  });
});

describe('without such words the choice is what it was', () => {
  it('the bare name is the entity that holds it, as before', () => {
    expect(picks('Responders said that Gorgonite hit a school district.')).toEqual(['Gorgonite=gorgo']);
    expect(picks('Responders said that Driftwood was on the router.')).toEqual(['Driftwood=drift-win']);
    expect(picks('Responders said that Pellucid was on the file server.')).toEqual(['Pellucid=pellu-rw']);
    expect(picks('Responders said that Corvinax was on the file server.')).toEqual(['Corvinax=corv']);
  });
  it('words that say nothing of a platform or class leave it so', () => {
    expect(picks('Responders said that the Gorgonite operators hit a school district.')).toEqual(['Gorgonite=gorgo']);
    expect(picks('Responders said the Driftwood malware beaconed hourly.')).toEqual(['Driftwood=drift-win']);
  });
  it('a platform in lower case or another case than its name is no platform ("windows", "elf", "rat")', () => {
    expect(picks('Responders said that Driftwood windows popped up on the desktop.')).toEqual(['Driftwood=drift-win']);
    expect(picks('Responders said that Driftwood elf figures were sold.')).toEqual(['Driftwood=drift-win']);
  });
  it('a variant that holds no listed name is never spotted by its bare name alone', () => {
    const m = createMatcher(compileDictionary([e('only-android', 'malware', 'Tarrowisp (Android)')], { version: 'audit-u-2' }));
    expect(m.match(SEC + 'Responders said that Tarrowisp was on the phone.')).toEqual([]);
    expect(m.match(SEC + 'Responders said that the Tarrowisp Android app was on the phone.').map((x) => x.entityId)).toEqual(['only-android']);
  });
});

describe('one sense per text for a choice the words made', () => {
  it('a later bare mention reads as the entity an earlier one was chosen as', () => {
    expect(picks('Analysts noted that the Gorgonite Android banking trojan is back, and that Gorgonite now reads one-time codes.')).toEqual(['Gorgonite=gorgo-android', 'Gorgonite=gorgo-android']);
  });
  it('but not an earlier one, and not one whose own words say otherwise', () => {
    expect(picks('Responders said that Gorgonite hit a school; analysts noted that the Gorgonite Android banking trojan is back.')).toEqual(['Gorgonite=gorgo', 'Gorgonite=gorgo-android']);
    expect(picks('Analysts noted that the Gorgonite Android banking trojan is back, and that the Gorgonite ransomware encrypted a school.')).toEqual([
      'Gorgonite=gorgo-android',
      'Gorgonite=gorgo',
    ]);
  });
  it('the same-family merge of one text leaves a chosen variant alone', () => {
    // the macOS and the Windows variant (both malware) are two builds, not one family written two ways
    expect(picks('Analysts noted that the Driftwood macOS backdoor and the Driftwood Windows backdoor share a key.')).toEqual(['Driftwood=drift-mac', 'Driftwood=drift-win']);
  });
});

describe('traits of entities and of the words next to a mention', () => {
  it('an entity: its kind, its qualifier, its class word, its description\'s opening phrase only', () => {
    expect(entityTraits(DICT[0]!)).toBe(K_RANSOMWARE); // "the Gorgonite Android malware" later in the sentence is another family
    expect(entityTraits(DICT[1]!)).toBe(P_WINDOWS | K_RANSOMWARE);
    expect(entityTraits(DICT[2]!)).toBe(P_ANDROID | K_BANKER);
    expect(entityTraits(e('x', 'malware', 'Pellucid Stealer'))).toBe(K_STEALER);
    expect(entityTraits(e('x', 'malware', 'HollowRAT'))).toBe(K_RAT);
    expect(entityTraits({ ...e('x', 'malware', 'Sleet'), description: 'Sleet is one of the first Linux botnets.' }) & P_LINUX).toBe(P_LINUX);
    expect(entityTraits(e('x', 'actor', 'Some Group (Android)'))).toBe(0);
  });
  it('the words next to a mention', () => {
    const at = (text: string, name: string) => cueTraits(text, text.indexOf(name), text.indexOf(name) + name.length);
    expect(at('the Gorgonite Android banking trojan returned', 'Gorgonite')).toBe(P_ANDROID | K_BANKER);
    expect(at('a new OS X build of Driftwood', 'Driftwood')).toBe(0); // "of" stands between
    expect(at('the Driftwood OS X backdoor', 'Driftwood')).toBe(P_MAC | 1 << 15);
    expect(at('Corvinax remote access trojan', 'Corvinax')).toBe(K_RAT);
    expect(at('Corvinax rat', 'Corvinax')).toBe(0);
    expect(at('Corvinax RATs', 'Corvinax')).toBe(K_RAT);
    expect(at('on Windows. Driftwood then', 'Driftwood')).toBe(0);
    expect(at('Driftwood\nAndroid', 'Driftwood')).toBe(0);
  });
  it('the fit: +1 per shared dimension, −1 per contradicted one', () => {
    expect(traitFit(P_ANDROID | K_BANKER, P_ANDROID | K_BANKER)).toBe(2);
    expect(traitFit(P_ANDROID | K_BANKER, K_RANSOMWARE)).toBe(-1);
    expect(traitFit(P_ANDROID, K_RANSOMWARE)).toBe(0);
    expect(traitFit(0, P_WINDOWS)).toBe(0);
  });
});

describe('the stored dictionary keeps the traits', () => {
  it('a JSON round trip chooses the same entities; damaged traits are refused', () => {
    const dict = compileDictionary(DICT, { version: 'audit-u-3' });
    const back = parseDictionary(JSON.stringify(dict));
    const text = SEC + 'Analysts noted that the Gorgonite Android banking trojan is back, while the Gorgonite ransomware gang claimed a hospital.';
    expect(createMatcher(back!).match(text)).toEqual(createMatcher(dict).match(text));
    expect(parseDictionary(JSON.stringify({ ...dict, traits: dict.traits!.slice(1) }))).toBeUndefined();
  });
});
