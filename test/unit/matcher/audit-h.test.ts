/**
 * Audit H (an outside probe of new text styles: advisories, SOC timelines, threads, trackers, READMEs): the general
 * rules it asked for. The entities are written for these tests (not copied from a feed); names that are ordinary
 * words are flagged `ambiguous` as a curator would flag them.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  // a feed that lists a scripting language as another name of a family
  e('quailrak', 'ransomware', 'Quailrak', ['Autoit', 'VBScript']),
  e('darkgate', 'malware', 'DarkGate'),
  // a curator flags an alias made of ordinary words: it is then matched in its written case only
  e('corvid', 'actor', 'Corvid Nine', [{ name: 'The Kestrels', ambiguous: true }]),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);

/** Security vocabulary enough for page context. */
const SEC = 'The ransomware crew used phishing mail to plant malware and a backdoor on the servers. ';

describe('a scripting language a feed lists as a family name is the language', () => {
  it('is not spotted in security prose, whatever its case', () => {
    const t = `${SEC}DarkGate ships AutoIt scripts; Autoit is free, and the dropper is written in VBScript. ${SEC}`;
    expect(found(t)).toEqual(['DarkGate=darkgate']);
  });
  it('is still spotted as written with a cue of its kind after it', () => {
    expect(found(`${SEC}The Autoit ransomware encrypted the share.`)).toContain('Autoit=quailrak');
  });
});

describe('a name led by "The" is found with the article in either case', () => {
  it('finds a flagged "The Kestrels" written "the Kestrels" inside a sentence, and as listed with a cue', () => {
    const t = `${SEC}The breach was attributed to the Kestrels by two vendors. The Kestrels group used the same backdoor.`;
    expect(found(t)).toEqual(['the Kestrels=corvid', 'The Kestrels=corvid']);
  });
  it('still leaves the lower-case words alone', () => {
    expect(found(`${SEC}We watched the kestrels hunt over the field.`)).toEqual([]);
  });
});
