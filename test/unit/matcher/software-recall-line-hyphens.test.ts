/**
 * Session 24, helper S: a name hyphenated at a plain-text line end, as a PDF's extracted text breaks words
 * ("Trick-" then "Bot" on the next line). unwrapLines (page-text.ts) turns the break into a space; the matcher reads
 * the two halves as one word only where the dictionary holds the joined name. Texts written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { unwrapLines } from '../../../src/core/page-text';
import { e } from './fixtures';

const matcher = createMatcher(
  compileDictionary([e('trickbot', 'malware', 'TrickBot'), e('gravelwick', 'malware', 'Gravelwick'), e('tallowmere', 'actor', 'Tallowmere'), e('kestrel', 'tool', 'Kestrelkit')], { version: 'line-hyphens' }),
);
const found = (raw: string) => matcher.match(unwrapLines(raw)).map((m) => m.text);

const REPORT = 'The intrusion began with a phishing lure; the ransomware affiliate exploited the VPN and stole credentials.';

describe('a name broken at a line end', () => {
  it('is read whole, the span covering both halves', () => {
    expect(found(`${REPORT} The first stage dropped Trick-\nBot and, two hours later, Gravel-\nwick on the file server.`)).toEqual(['Trick- Bot', 'Gravel- wick']);
  });
  it('an actor broken in the middle of a sentence, and a possessive after the second half', () => {
    expect(found(`${REPORT} Meanwhile Tallow-\nmere moved laterally with Kestrel-\nkit's relay module.`)).toEqual(['Tallow- mere', 'Kestrel- kit']);
  });
});

describe('hyphenated words that join into no name', () => {
  it('ordinary words and suspended hyphens stay as written', () => {
    expect(found(`${REPORT} The pre-\nand post-incident reviews used a well-\nknown checklist; Gravel- and sand-filled bags were stacked.`)).toEqual([]);
  });
  it('a name before a line end\'s hyphen keeps its own span', () => {
    expect(found(`${REPORT} The loader fetched TrickBot-\nrelated modules.`)).toEqual(['TrickBot']);
  });
});
