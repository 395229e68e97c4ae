/**
 * Session 23, helper M: a round-up item that opens on a lead naming a crew by an ordinary word, then names it with its
 * crew noun in the next sentence (lead-sentences.ts). Texts written for these tests; Harbor is a made-up crew.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([{ ...e('harbor', 'ransomware', 'Harbor'), nameAmbiguous: true }, e('trickbot', 'malware', 'TrickBot')], { version: 'lead-sentences' }));
/** The Harbor mentions spotted, by the first words from each. */
const spots = (text: string) =>
  matcher
    .match(text, { securityContext: true })
    .filter((m) => m.entityId === 'harbor')
    .map((m) => text.slice(m.start, m.start + 14));

const INTRO = 'This week in ransomware: leak sites stayed busy and two affiliates changed brands.\n\n';

describe('a lead naming a crew, then "The <name> group" in the next sentence', () => {
  it('a lead sentence with an act of the trade', () => {
    expect(spots(`${INTRO}Harbor leaks records from a shipping firm. The Harbor group posted 300 GB it says came from the firm's file servers.`)).toEqual([
      'Harbor leaks r',
      'Harbor group p',
    ]);
  });
  it('a bold lead in Markdown, over a wrapped line', () => {
    expect(spots(`${INTRO}**Harbor claims a hospital chain.**\nThe Harbor gang says it holds patient files.`)).toEqual(['Harbor claims ', 'Harbor gang sa']);
  });
});

describe('look-alikes stay unmarked', () => {
  it('a lead with no act of the trade', () => {
    expect(spots(`${INTRO}Harbor is a fine port. The Harbor group posted 300 GB of stolen files.`)).toEqual(['Harbor group p']);
  });
  it('the act\'s word as a noun', () => {
    expect(spots(`${INTRO}Harbor leaks are rare in new hulls. The Harbor group posted 300 GB of stolen files.`)).toEqual(['Harbor group p']);
  });
  it('a sentence between the lead and the crew', () => {
    expect(spots(`${INTRO}Harbor leaks are common in old boats. Owners rarely check. The Harbor group posted 300 GB of stolen files.`)).toEqual(['Harbor group p']);
  });
  it('a new paragraph between them', () => {
    expect(spots(`${INTRO}Harbor leaks records from a shipping firm.\n\nThe Harbor group posted 300 GB of stolen files.`)).toEqual(['Harbor group p']);
  });
  it('a next sentence that names no crew', () => {
    expect(spots(`${INTRO}Harbor leaks records from a shipping firm. The Harbor pilots were not told.`)).toEqual([]);
  });
});
