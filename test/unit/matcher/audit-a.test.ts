/**
 * Session 17, helper A: matcher misses and false positives left open by audit Z. Sentences written for these tests,
 * matched with a small fixture dictionary (entities written for the tests) or the bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import { ENTITIES, e } from './fixtures';

const m = createMatcher(
  compileDictionary(
    [
      ...ENTITIES,
      e('viper-kl', 'malware', 'Viper Keylogger', [{ name: 'Viper Keylogger', ambiguous: true }]),
      e('royalish', 'ransomware', 'Regal', [{ name: 'Regal', ambiguous: true }]),
    ],
    { version: 'audit-a' },
  ),
);
const picks = (text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId ?? 'possible'}`);
/** A sentence that gives a text security context, as a report's other sentences would. */
const SEC = ' Analysts saw phishing mail carrying a backdoor, and the ransomware used a C2 server.';

describe('a naming clause whose name opens with a common word', () => {
  it('names a possible actor of two Title Case words ("a cluster we track as Copper Wren")', () => {
    expect(picks(`Analysts found a cluster we track as Copper Wren sending phishing.${SEC}`)).toEqual(['Copper Wren=possible']);
    expect(picks(`We watched the threat actor Copper Wren for a year.${SEC}`)).toEqual(['Copper Wren=possible']);
  });
  it('not a common word alone, nor after a naming word in a Title Case headline', () => {
    expect(picks(`Analysts found a cluster we track as Copper sending phishing.${SEC}`)).toEqual([]);
    expect(picks(`New Threat Actor Spoofs Philippine Government\n${SEC}`)).toEqual([]);
  });
  it('the announced name stands where a shorter dictionary name inside it is refused', () => {
    // "Lead" would be the capitals-only LEAD read in Title Case; it is the first word of the announced name here
    expect(picks(`We watched the threat actor Lead Wren for a year.${SEC}`)).toEqual(['Lead Wren=possible']);
  });
});

describe('a software name that ends in its kind word carries its own cue', () => {
  it('at a sentence start and before a noun ("The Viper keylogger rule fired")', () => {
    expect(picks(`The Viper keylogger rule fired twice.${SEC}`)).toEqual(['Viper keylogger=viper-kl']);
    expect(picks(`Yesterday the Viper keylogger rule fired twice.${SEC}`)).toEqual(['Viper keylogger=viper-kl']);
  });
  it('but not where the kind word is missing (an ordinary compound stays an ordinary compound)', () => {
    expect(picks(`The Viper River trail reopened.${SEC}`)).toEqual([]);
  });
});

describe('a security vendor or agency before a name at a sentence start', () => {
  it('the name is inside the sentence ("The FBI Lazarus advisory describes…")', () => {
    expect(picks(`The FBI Lazarus advisory describes the loader.${SEC}`)).toEqual(['Lazarus=lazarus']);
    expect(picks(`Kaspersky Lazarus research shows new loaders.${SEC}`)).toEqual(['Lazarus=lazarus']);
  });
  it('not in a Title Case heading, where every word has a capital', () => {
    expect(picks(`FBI Lazarus Report Released\n${SEC}`)).toEqual([]);
  });
});

describe('YARA rule names', () => {
  it('the rule category is the cue of a flagged name inside it ("APT_NK_Lazarus_DreamJob_Loader")', () => {
    expect(picks('Rule APT_NK_Lazarus_DreamJob_Loader matched the sample.')).toEqual(['Lazarus=lazarus']);
    expect(picks('Rule MAL_Regal_Encryptor_2023 matched.')).toEqual(['Regal=royalish']);
  });
  it('not a category that says nothing of the kind, nor a rule name inside a path', () => {
    expect(picks('Rule SUSP_Lazarus_Strings fired.')).toEqual([]);
    expect(picks('Loaded rules/APT_NK_Lazarus_Loader.yar from disk.')).toEqual([]);
  });
});
