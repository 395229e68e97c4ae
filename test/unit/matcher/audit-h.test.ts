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
