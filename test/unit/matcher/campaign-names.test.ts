/**
 * "Operation X": a capitalised "Operation" right before a name makes a campaign's (or a police action's) proper name,
 * not the malware or actor X; a campaign the dictionary lists under its own name is matched whole. The entities are
 * written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  e('emberfly', 'malware', 'Emberfly'),
  e('q7crypt', 'ransomware', 'Q7Crypt'),
  e('orchard', 'actor', 'Orchard Group', ['Operation Nightjar', { name: 'Orchard', ambiguous: true }]),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);

const CONTEXT = 'The malware and the ransomware were spread by phishing; the backdoor talked to its C2 server. ';

describe('a name after a capitalised "Operation"', () => {
  it('is not read as the malware or actor of that name', () => {
    expect(found(`${CONTEXT}Operation Emberfly targeted ministries in 2012, and Operation Q7Crypt seized servers.`)).toEqual([]);
  });

  it('is read as the campaign where the dictionary lists "Operation X" itself', () => {
    expect(found(`${CONTEXT}Operation Nightjar targeted ministries in 2012.`)).toEqual(['Operation Nightjar=orchard']);
  });

  it('is still read as the name after a lower-case "operation" or another word', () => {
    expect(found(`${CONTEXT}The operation Emberfly supported, and the Q7Crypt operation, were both disrupted.`)).toEqual(['Emberfly=emberfly', 'Q7Crypt=q7crypt']);
    expect(found(`${CONTEXT}Cooperation Emberfly style.`)).toEqual(['Emberfly=emberfly']);
  });
});
