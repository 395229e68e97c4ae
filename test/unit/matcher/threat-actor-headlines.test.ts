/**
 * "Threat actor X" in a Title Case headline: every word there has a capital, so a capitalised word after the cue is no
 * sign of a name ("New Threat Actor Spreads Malware" names nobody); a coined shape still is ("New Threat Actor TA4557
 * …"), and in prose the capital keeps its weight. Texts written for these tests; the names are made up.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';

const matcher = createMatcher(compileDictionary([], { version: 'threat-actor-headlines' }));
const possibleActors = (text: string) =>
  matcher
    .match(text, { securityContext: true })
    .filter((m) => m.possible && m.kind === 'actor')
    .map((m) => m.text);

describe('a Title Case headline after "Threat Actor"', () => {
  it('reads the headline’s verb as a verb, not a name', () => {
    expect(possibleActors('New Threat Actor Spreads Malware Through Fake Browser Updates')).toEqual([]);
    expect(possibleActors('Unknown Threat Actor Targets Banks In Southeast Asia')).toEqual([]);
    expect(possibleActors('Chinese Threat Actor Abuses Cloud Services To Hide Traffic')).toEqual([]);
  });
  it('still reads a coined name, and only the name, not the verb after it', () => {
    expect(possibleActors('New Threat Actor TA4903 Spreads Malware Through Fake Invoices')).toEqual(['TA4903']);
    expect(possibleActors('New Threat Actor DuskQuarry Targets Governments In Asia')).toEqual(['DuskQuarry']);
  });
  it('in prose a capitalised word after the cue is still the name', () => {
    expect(possibleActors('Researchers say the threat actor Harrowgang spreads malware through fake updates.')).toEqual(['Harrowgang']);
    expect(possibleActors('The threat actor Cold River targeted NGOs again this spring, researchers said.')).toEqual(['Cold River']);
  });
});
