/**
 * One sense per text, looking back: an ordinary-word name refused where it first stands (a headline, a lede that
 * opens on it) is spotted once the same text names the entity, however far down. The mirror of the "already named"
 * rule, which has always reached the whole text forwards.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(
  compileDictionary([{ ...e('quarry', 'actor', 'Quarry'), nameAmbiguous: true }, e('trickbot', 'malware', 'TrickBot')], { version: 'one-sense-backward' }),
);
const spots = (text: string) => matcher.match(text, { securityContext: true }).filter((m) => m.entityId === 'quarry').map((m) => text.slice(m.start, m.start + 24));

describe('a headline name confirmed further down the text', () => {
  const body =
    'Officials said on Tuesday that an outage last week was caused by malware planted months earlier. Several paragraphs of background follow here, ' +
    'long enough that the headline and the attribution are not one sentence or even one paragraph. ' +
    '\n\nInvestigators attribute the intrusion to the Quarry group, which used a new wiper.';
  it('is spotted in the headline too', () => {
    expect(spots(`Quarry strikes the grid again\n\n${body}`)).toEqual(['Quarry strikes the grid ', 'Quarry group, which used']);
  });
  it('is spotted in a heading or a caption line', () => {
    expect(spots(`## Quarry returns\n\n${body}`)).toEqual(['Quarry returns\n\nOfficial', 'Quarry group, which used']);
    expect(spots(`${body}\nFigure 2: the Quarry wiper's notes`)).toEqual(['Quarry group, which used', "Quarry wiper's notes"]);
  });
  it('but not in a sentence of prose: a paragraph on, the same word may be the ordinary one', () => {
    expect(spots(`Quarry is a fine stone. ${body}`)).toEqual(['Quarry group, which used']);
  });
  it('stays unspotted when nothing in the text names the entity', () => {
    expect(spots(`Quarry strikes the grid again\n\n${body.replace('the Quarry group', 'an unknown crew')}`)).toEqual([]);
  });
  it('is not spotted when written in another case than the name', () => {
    expect(spots(`QUARRY WORKERS STRIKE\n\nquarry output fell. ${body}`)).toEqual(['Quarry group, which used']);
  });
  it('counts a line of up to 100 characters as a title line, wherever it stands in the text, and no longer one', () => {
    const title = (len: number) => `Quarry strikes the grid again ${'x'.repeat(len - 30)}`;
    expect(title(100)).toHaveLength(100);
    expect(spots(`${title(100)}\n${body}`)).toHaveLength(2);
    expect(spots(`${title(101)}\n${body}`)).toHaveLength(1);
    // After a line of prose far longer than a title (found by searching no further than a title reaches).
    expect(spots(`${'Words of an earlier story. '.repeat(50)}\n${title(100)}\n${body}`)).toHaveLength(2);
    expect(spots(`${'Words of an earlier story. '.repeat(50)}${title(100)}\n${body}`)).toHaveLength(1);
  });
});
