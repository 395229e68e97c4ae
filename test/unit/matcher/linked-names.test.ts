/**
 * Two names the knowledge base links confirm each other in one sentence (linked-names.ts, match.ts linkedConfirmed):
 * the one-sentence claims an analyst reads in a post or a headline carry no security vocabulary. Texts written for
 * the tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, parseDictionary, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const data = bundledDataset();
const withLinks = createMatcher(compileDictionary(data.entities, { version: 'linked', links: data.links }));
const withoutLinks = createMatcher(compileDictionary(data.entities, { version: 'unlinked' }));
const spotted = (m: ReturnType<typeof createMatcher>, text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId}`);

describe('a one-sentence claim names both ends of a known link', () => {
  it('an actor at the start of the sentence and the malware it buys access from', () => {
    const text = 'Lazarus buys access from TrickBot operators.';
    expect(spotted(withLinks, text)).toEqual(['Lazarus=lazarus-group', 'TrickBot=trickbot']);
    // without the links the surname-like name stays unmarked: the rule is what spots it
    expect(spotted(withoutLinks, text)).toEqual(['TrickBot=trickbot']);
  });
  it('two names that each need context, and a refuted link counts too (people still write it)', () => {
    expect(spotted(withLinks, 'Dridex is linked to Lazarus.')).toEqual(['Dridex=dridex', 'Lazarus=lazarus-group']);
    expect(spotted(withoutLinks, 'Dridex is linked to Lazarus.')).toEqual([]);
    // "why is this highlighted?": each names the other
    expect(withLinks.match('Dridex is linked to Lazarus.').map((x) => [x.reason, x.linkedWith])).toEqual([
      ['context-confirmed', 'Lazarus Group'],
      ['context-confirmed', 'Dridex'],
    ]);
  });
  it('a name that is also an alias of the entity beside it reads as what that entity is linked to', () => {
    // Snake is one of Turla's own aliases and Uroburos' name in some reports: beside Turla, it is the malware
    expect(spotted(withLinks, 'Turla used Snake.')).toEqual(['Turla=turla', 'Snake=uroburos']);
  });
  it('a designation and an ordinary-word alias', () => {
    expect(spotted(withLinks, 'TA505 worked with Lazarus.')).toEqual(['TA505=ta505', 'Lazarus=lazarus-group']);
  });
});

describe('what a link does not confirm', () => {
  it('names in different sentences', () => {
    expect(spotted(withLinks, 'Dridex is a word I made up. Lazarus rose on the fourth day.')).toEqual([]);
  });
  it('names too far apart in one long sentence', () => {
    const filler = 'and then the choir sang for a very long while about the harvest, the rain, the river and the hills '.repeat(2);
    expect(spotted(withLinks, `Lazarus walked out ${filler}while TrickBot was mentioned.`)).toEqual(['TrickBot=trickbot']);
  });
  it('two names nothing links', () => {
    // Kimsuky and Turla: no link in the bundled data (two actors: two coined software names would vouch for each other,
    // short-text-signals.ts)
    expect(data.links.some((l) => [l.from, l.to].includes('kimsuky') && [l.from, l.to].includes('turla'))).toBe(false);
    expect(spotted(withLinks, 'Turla met Kimsuky.')).toEqual([]);
  });
  it('two ordinary words that happen to be linked names', () => {
    const ents = [e('cobalt', 'actor', 'Cobalt', [{ name: 'Cobalt', ambiguous: true }]), e('silence', 'actor', 'Silence', [{ name: 'Silence', ambiguous: true }]), e('carbanak', 'malware', 'Carbanak')];
    const links = [
      { from: 'cobalt', to: 'silence' },
      { from: 'cobalt', to: 'carbanak' },
    ];
    const m = createMatcher(compileDictionary(ents, { version: 'words', links }));
    expect(spotted(m, 'Silence fell as Cobalt prices rose.')).toEqual([]);
    expect(spotted(m, 'The band played Silence, then Cobalt, then left.')).toEqual([]);
    // one of them no English word: the pair is no coincidence
    expect(spotted(m, 'Cobalt still deploys Carbanak.')).toEqual(['Cobalt=cobalt', 'Carbanak=carbanak']);
  });
});

describe('the stored dictionary', () => {
  it('keeps the links through JSON and drops malformed ones', () => {
    const dict = compileDictionary(data.entities, { version: 'json', links: data.links });
    expect(dict.links?.length).toBeGreaterThan(0);
    expect(parseDictionary(JSON.stringify(dict))?.links).toEqual(dict.links);
    const broken = parseDictionary(JSON.stringify({ ...dict, links: [0, dict.ids.length + 5] }));
    expect(broken).toBeDefined();
    expect(broken?.links).toBeUndefined();
  });
  it('links to ids the dictionary does not hold are left out', () => {
    const dict = compileDictionary([e('a1', 'actor', 'Tarnwick Group'), e('m1', 'malware', 'Velkor')], { links: [{ from: 'a1', to: 'nowhere' }, { from: 'a1', to: 'm1' }, { from: 'm1', to: 'a1' }] });
    expect(dict.links).toEqual([0, 1]);
  });
});
