/**
 * A report naming a crew it has just found, in the longer ways vendors write it: the name is a possible actor, and is
 * spotted at its bare mentions after that. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('trickbot', 'malware', 'TrickBot')], { version: 'naming-clause' }));
const possible = (text: string, securityContext = true) =>
  matcher
    .match(text, { securityContext })
    .filter((m) => m.possible)
    .map((m) => m.text);

describe('a crew named in a clause of the writer’s own', () => {
  it('"which we call", "that we track as", "researchers have dubbed"', () => {
    expect(possible('Since May we have followed a cluster of activity, which we call SilverQuill, aimed at law firms. SilverQuill sends invoices.')).toEqual(['SilverQuill', 'SilverQuill']);
    expect(possible('The intrusions come from an actor that we track as Quillmoor.')).toEqual(['Quillmoor']);
    expect(possible('A crew researchers have dubbed Glass Heron reused the loader.')).toEqual(['Glass Heron']);
    expect(possible('It is the work of a group we refer to as Nightjar.')).toEqual(['Nightjar']);
  });
  it('after a comma or a bracket: "a second group, dubbed", "the actor, also known as"', () => {
    expect(possible('A second group, dubbed "Paper Lantern", used the same servers. Paper Lantern operators sent invoices.')).toEqual(['Paper Lantern', 'Paper Lantern']);
    expect(possible('The actor, also known as Ink Heron, delivered TrickBot.')).toEqual(['Ink Heron']);
    expect(possible('The gang (tracked as Rustfinch) leaked the data.')).toEqual(['Rustfinch']);
  });
  it('whatever the crew noun’s case, and after "intrusion set" or "adversary"', () => {
    // the crew noun is looked for before the clause is read (match.ts CREW_STEM): in capitals and Title case too
    expect(possible('A SECOND GROUP, DUBBED Paper Lantern, used the same servers.')).toEqual(['Paper Lantern']);
    expect(possible('The Actor, also known as Ink Heron, delivered TrickBot.')).toEqual(['Ink Heron']);
    expect(possible('We found an intrusion set, tracked as Rustfinch, on two hosts.')).toEqual(['Rustfinch']);
    expect(possible('A new adversary, which we call Glass Heron, reused the loader.')).toEqual(['Glass Heron']);
  });
  it('not a campaign, an operation or a technique named so, nor a verb with no crew before it', () => {
    expect(possible('The phishing campaign, which we call Operation Sandcastle, used TrickBot.')).toEqual([]);
    expect(possible('This technique, called Kerberoasting, abuses service tickets.')).toEqual([]);
    expect(possible('When the loader fails we call Support and they send TrickBot samples.')).toEqual([]);
    expect(possible('The group called for calm after the breach.')).toEqual([]);
  });
  it('not on a page without security context', () => {
    expect(possible('Our reading group, which we call Paper Lantern, meets on Fridays.', false)).toEqual([]);
  });
});
