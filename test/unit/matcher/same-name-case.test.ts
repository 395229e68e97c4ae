/**
 * Two software entities with one name told apart by its writing: a curated ransomware "Gorgonite" (an ordinary-looking
 * word, so matched in its own case only) and a feed's unrelated rootkit written "GORGONITE". Capitals in a headline or
 * the other writing in a sentence do not say which is meant; the class word next to the mention does. Names,
 * descriptions and sentences are written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { e } from './fixtures';

const DICT: Entity[] = [
  { ...e('gorgo', 'ransomware', 'Gorgonite'), nameAmbiguous: true, description: 'A ransomware service with a leak blog.', provenance: ['bundled'] },
  { ...e('gorgo-rootkit', 'malware', 'GORGONITE'), description: 'GORGONITE is an open-source rootkit for Linux.' },
];
const matcher = createMatcher(compileDictionary(DICT, { version: 'same-name-case' }));
const SEC = 'Threat report: malware, ransomware, phishing and exploits seen this week. ';
const picks = (text: string) => matcher.match(SEC + text).map((m: Match) => `${m.text}=${m.entityId}`);

describe('a name two software entities write differently', () => {
  it('goes by its writing where nothing next to it says otherwise', () => {
    expect(picks('Investigators said Gorgonite hit the district again.')).toEqual(['Gorgonite=gorgo']);
    expect(picks('The GORGONITE implant persisted on the hosts.')).toEqual(['GORGONITE=gorgo-rootkit']);
  });
  it('goes to the entity whose class the words next to it say, whatever its writing', () => {
    expect(picks('GORGONITE RANSOMWARE HITS HOSPITAL\n\nThe attack encrypted records.')).toEqual(['GORGONITE=gorgo']);
    expect(picks('The Gorgonite rootkit hides its files on Linux servers.')).toEqual(['Gorgonite=gorgo-rootkit']);
    expect(picks('the GORGONITE rootkit and the Gorgonite ransomware')).toEqual(['GORGONITE=gorgo-rootkit', 'Gorgonite=gorgo']);
  });
});
