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

describe('a plain Title Case name after "Threat Actor" in a headline', () => {
  it('is read where the headline reads it as the subject of its verb, or before a colon', () => {
    expect(possibleActors('New Threat Actor Harrowgang Spreads Malware')).toEqual(['Harrowgang']);
    expect(possibleActors('Chinese Threat Actor Velmora Targets Telecoms In Asia')).toEqual(['Velmora']);
    expect(possibleActors('Threat Actor Quillmark Returns With New Loader')).toEqual(['Quillmark']);
    expect(possibleActors('Threat Actor Dunmore: What We Know So Far')).toEqual(['Dunmore']);
  });
  it('and where the article below writes it with its capital inside a sentence', () => {
    expect(possibleActors('New Threat Actor Mallory Steals Data\nResearchers said Mallory used phishing to steal data.')).toEqual(['Mallory', 'Mallory']);
  });
  it('not the nouns, verbs and phrases that headlines put after "Threat Actor"', () => {
    for (const headline of [
      'New Threat Actor Report Reveals Rising Extortion',
      'Threat Actor Behind Bank Heists Arrested',
      'Threat Actor Activity Surges In Third Quarter',
      'Threat Actor Landscape Shifts As Groups Rebrand',
      'Threat Actor Tradecraft Evolves',
      'Threat Actor Linked To Attacks On Ports',
      'Threat Actor Exploits Zero-Day In VPN',
      'New Threat Actor Emerges In Asia',
      'Iranian Threat Actor Infrastructure Exposed By Researchers',
      'Threat Actor Playbook Changes After Takedown',
    ]) expect(possibleActors(headline), headline).toEqual([]);
  });
  it('nor the headline’s verb and object when an article follows it', () => {
    expect(possibleActors('New Threat Actor Targets Hotels\n\nResearchers said the phishing mails came from a new group.')).toEqual([]);
  });
});

describe('a two-word name after "Threat Actor" in a headline (session 23)', () => {
  it('is read when the headline’s verb, its end or a colon follows the two words', () => {
    expect(possibleActors('New Threat Actor Ashen Lynx Targets Hotels In Europe')).toEqual(['Ashen Lynx']);
    expect(possibleActors('Chinese Threat Actor Storm Chaser Hits Telecoms')).toEqual(['Storm Chaser']);
    expect(possibleActors('New Threat Actor Copper Wren: What We Know')).toEqual(['Copper Wren']);
  });
  it('and where the article below writes both words inside a sentence', () => {
    expect(possibleActors('Threat Actor Ashen Lynx Back With Fake Invoices\nAnalysts said Ashen Lynx mailed fake invoices to hotels.')).toEqual(['Ashen Lynx', 'Ashen Lynx']);
  });
  it('not a verb and its object, nor a headline’s own two-word phrase', () => {
    for (const headline of [
      'New Threat Actor Spreads Fake Updates',
      'New Threat Actor Hits Hotels With Fake Bookings',
      'Threat Actor Deep Dive Reveals New Tricks',
      'Threat Actor Case Study: A Year Of Phishing',
      'Threat Actor Group Activity Rises',
    ]) expect(possibleActors(headline), headline).toEqual([]);
  });
});
