/**
 * Context by names (match.ts CONTEXT_BY_NAMES): two threats named by names that need no context make a text a security
 * page, one of them written in a coined spelling — and the pieces of a text read one at a time (a page whose paragraphs
 * arrive after load) count together through MatchOptions.memory (audit I, findings 1 and 2). Entities and sentences
 * are written for this test.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher, createTextMemory } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  e('quorvath', 'actor', 'Quorvath Group'),
  e('zelmor', 'actor', 'Zelmor Team'),
  e('tz404', 'actor', 'TZ-404'),
  e('brambot', 'malware', 'BramBot'),
  e('silence', 'actor', 'Silence'),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const names = (t: string, memory?: ReturnType<typeof createTextMemory>) => matcher.match(t, memory ? { memory } : {}).map((m) => m.text);

describe('context by names', () => {
  it('two names made of words do not make an ordinary text a security page', () => {
    expect(names('The Quorvath Group met the Zelmor Team at the abbey, and they kept Silence during the prayer.')).toEqual(['Quorvath Group', 'Zelmor Team']);
  });
  it('with one of them in a coined spelling they do', () => {
    expect(names('The Quorvath Group met TZ-404 at the abbey, and they kept Silence during the prayer.')).toEqual(['Quorvath Group', 'TZ-404', 'Silence']);
  });
  it('the pieces of one text count together, as they would read at once', () => {
    const pieces = ['Officials said TZ-404 was behind it.', 'A report pointed at BramBot.', 'The mayor said they kept Silence for days.'];
    expect(names(pieces.join('\n'))).toEqual(['TZ-404', 'BramBot', 'Silence']);
    const memory = createTextMemory();
    expect(pieces.map((p) => names(p, memory))).toEqual([['TZ-404'], ['BramBot'], ['Silence']]);
    expect(memory.namesContext).toBe(true);
    // each piece alone
    expect(names(pieces[2]!)).toEqual([]);
  });
  it('the memory says when the pieces gave the text its context, so earlier pieces can be read again', () => {
    const memory = createTextMemory();
    names('They kept Silence, said TZ-404.', memory);
    expect(memory.namesContext).toBe(false);
    names('A report pointed at BramBot.', memory);
    expect(memory.namesContext).toBe(true);
  });
});
