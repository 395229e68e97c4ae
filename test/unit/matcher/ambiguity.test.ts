import { describe, expect, it } from 'vitest';
import { AMBIGUITY, ambiguityLevel, compileDictionary, createMatcher, hasSecurityContext, isCommonWordName } from '../../../src/core/matcher/index';
import { ENTITIES } from './fixtures';

const matcher = createMatcher(compileDictionary(ENTITIES));

const MINING =
  'Zinc and cobalt prices climbed this quarter as smelters in the region slowed. Cobalt from the northern mines ' +
  'is refined near the coast, while zinc concentrate travels by rail. Lead and nickel stayed flat. Traders said ' +
  'the Lead market would follow silver. The Cobalt Group of mining cooperatives met on Tuesday. LEAD ORE EXPORTS RISE.';
const FILM =
  'Silence opens with a long shot of a frozen lake. The director frames Equation, the second film of the trilogy, ' +
  'as a quiet chamber piece; Silence is the stronger of the two. Lazarus, the old fisherman, barely speaks. ' +
  'The score, by an unknown composer, lingers like Emotet, the heroine\u2019s lost dog.';
const POEM =
  'Silence falls on cobalt seas,\nA ghost of lead beneath the trees;\nThe equation of the night is spun,\n' +
  'Till zinc-grey morning meets the sun.\nOne Lazarus walks, one gang of crows\nSings where the Wicked Panda goes.';

describe('ordinary prose gets no highlights', () => {
  it('an article about zinc and cobalt mining', () => {
    expect(hasSecurityContext(MINING)).toBe(false);
    expect(matcher.match(MINING)).toEqual([]);
  });
  it('a film review mentioning Silence and Equation', () => {
    expect(hasSecurityContext(FILM)).toBe(false);
    expect(matcher.match(FILM)).toEqual([]);
  });
  it('a poem', () => {
    expect(matcher.match(POEM)).toEqual([]);
  });
});

describe('security context confirms ambiguous names', () => {
  it('the ZINC group in a security article', () => {
    const ms = matcher.match('Microsoft said the ZINC group sent phishing mail with a backdoor to researchers.');
    expect(ms.map((m) => [m.text, m.entityId, m.reason])).toEqual([['ZINC', 'lazarus', 'context-confirmed']]);
  });
  it('a strong cue next to the name is enough even without page context; an ordinary-noun cue is not', () => {
    expect(matcher.match('They blamed the ZINC hackers.').map((m) => m.text)).toEqual(['ZINC']);
    expect(matcher.match('the APT Silence struck').map((m) => m.entityId)).toEqual(['silence']);
    // "group", "gang", "team" are ordinary nouns: they need a security page too (audit B, finding 4)
    expect(matcher.match('They blamed the ZINC group.')).toEqual([]);
    expect(matcher.match('the Silence gang struck')).toEqual([]);
  });
  it('exact case is required for ambiguous names', () => {
    expect(matcher.match('They blamed the zinc group and the Zinc group.')).toEqual([]);
  });
  it('page context confirms a flagged name inside a sentence, not at a sentence start', () => {
    const sec = 'The malware dropped a backdoor; the threat actor used phishing. ';
    expect(matcher.match(sec + 'Researchers attributed it to Lazarus last year.').map((m) => m.text)).toEqual(['Lazarus']);
    expect(matcher.match(sec + 'Lazarus is a name from scripture.')).toEqual([]);
  });
  it('a name in a long hyphenated run is mid-sentence by the run\'s first letter, in each text on its own', () => {
    // isMidSentence remembers a long run it walked (ambiguity.ts wordRunBefore): the names of one chain share it, and
    // another text with a run at the same place is read by its own first letter.
    const chain = `alpha-${'Silence-'.repeat(20)}Silence`;
    const lower = `Reports said ${chain} struck again.`;
    const upper = `Reports said ${chain.replace('alpha', 'Alpha')} struck again.`;
    expect(matcher.match(lower, { securityContext: true }).map((m) => m.text)).toEqual(Array(21).fill('Silence'));
    expect(matcher.match(upper, { securityContext: true })).toEqual([]);
    expect(matcher.match(lower, { securityContext: true })).toHaveLength(21);
  });
  it('page context can be given by the caller', () => {
    // (one security word is no page context, but is the vocabulary a name needs near it on a security page)
    expect(matcher.match('the backdoor was attributed to Lazarus', { securityContext: true }).map((m) => m.text)).toEqual(['Lazarus']);
    expect(matcher.match('the backdoor was attributed to Lazarus', { securityContext: false })).toEqual([]);
    // the page's context, given by the caller, stands for a text with no vocabulary of its own (a paragraph added later)
    expect(matcher.match('the bridge was attributed to Lazarus', { securityContext: true }).map((m) => m.text)).toEqual(['Lazarus']);
  });
  it('a vendor-scheme name made of ordinary words reads as the actor anywhere on a security page, never on an ordinary one', () => {
    const sec = 'The malware dropped a backdoor; the threat actor used phishing.\n';
    const spotted = (t: string) => matcher.match(t).map((m) => [m.text, m.entityId]);
    expect(spotted(sec + 'Cozy Bear breached the mail server.')).toEqual([['Cozy Bear', 'apt29']]);
    expect(spotted(sec + 'How Midnight Blizzard Got In\nIt phished an administrator.')).toEqual([['Midnight Blizzard', 'apt29']]);
    expect(spotted(sec + 'COZY BEAR again.')).toEqual([['COZY BEAR', 'apt29']]);
    // Not in another case, and not without security vocabulary.
    expect(spotted(sec + 'A cozy bear slept; the Cozy bear woke.')).toEqual([]);
    expect(spotted('The Midnight Blizzard of 1888 buried the city. Cozy Bear is the name of a toy shop.')).toEqual([]);
  });
  it('word-like names need page context', () => {
    expect(matcher.match('My dog Emotet sleeps.')).toEqual([]);
    expect(matcher.match('The Emotet malware returned.').map((m) => m.text)).toEqual(['Emotet']);
  });
});

describe('levels and stop list', () => {
  it('classifies names', () => {
    expect(ambiguityLevel('TrickBot', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('Emotet', false)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('Lazarus', true)).toBe(AMBIGUITY.flagged);
    expect(ambiguityLevel('Cobalt', false)).toBe(AMBIGUITY.flagged);
    expect(ambiguityLevel('Sea Turtle', false)).toBe(AMBIGUITY.flagged);
    expect(ambiguityLevel('One', false)).toBe(AMBIGUITY.common);
    // Vendor schemes: word-like even when flagged or made of stop-list words, but only written in Title Case.
    expect(ambiguityLevel('Fancy Bear', true)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('Midnight Blizzard', true)).toBe(AMBIGUITY.wordlike);
    // Several Title Case words written together are a name (matched as written or in capitals, never in lower case)
    // when one of them is no dictionary word or it is a vendor's scheme name; made only of dictionary words they need
    // what a word-like name needs (films, games, dishes and clubs are named so).
    expect(ambiguityLevel('Lazarus Group', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('Evil Corp', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('X-Agent', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('Wizard Spider', false)).toBe(AMBIGUITY.distinct);
    expect(ambiguityLevel('The Gentlemen', false)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('International Police Association', false)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('Grizzly Steppe', false)).toBe(AMBIGUITY.wordlike);
    expect(ambiguityLevel('fancy bear', false)).toBeGreaterThan(AMBIGUITY.wordlike);
    expect(ambiguityLevel('Bear', false)).toBeGreaterThan(AMBIGUITY.wordlike);
    expect(ambiguityLevel('payload', false)).toBe(AMBIGUITY.common);
    expect(isCommonWordName('lead')).toBe(true);
    expect(isCommonWordName('trickbot')).toBe(false);
  });
});
