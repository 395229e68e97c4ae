/**
 * The hover card's links: those to an entity the reader's page also names first, then the strongest; at most four;
 * whatever a page's content script sends as `onPage` cannot break it.
 */
import { describe, expect, it } from 'vitest';
import { cardData, CARD_LINKS } from '../../../src/background/card-data';
import type { LinkView } from '../../../src/core/db/repository';
import type { Entity } from '../../../src/core/model/entity';

const entity = (id: string, kind: Entity['kind'] = 'actor'): Entity => ({ id, name: id.toUpperCase(), kind, aliases: [], provenance: [] }) as unknown as Entity;

/** Links of "hub" to a…g, strongest first (the repository's order). */
const links: LinkView[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => ({
  link: { id: `hub~uses~${id}`, from: 'hub', to: id, relation: 'uses', status: 'active', provenance: [] },
  other: entity(id, 'malware'),
  direction: 'out',
  claims: [],
  derived: { confidence: 90 - i * 10, status: 'active', supporting: 1, refuting: 0, overridden: false },
})) as LinkView[];

const others = (onPage: unknown) => cardData(entity('hub'), links, onPage).links.map((l) => l.otherId);

describe('cardData', () => {
  it('gives the strongest links when the page names none of the others', () => {
    expect(others(undefined)).toEqual(['a', 'b', 'c', 'd']);
    expect(others([])).toEqual(['a', 'b', 'c', 'd']);
    expect(CARD_LINKS).toBe(4);
  });

  it('puts the links to entities on the page first, even below the top four, then the strongest', () => {
    expect(others(['g', 'f', 'zzz'])).toEqual(['f', 'g', 'a', 'b']);
  });

  it('ignores what is not a list of ids', () => {
    expect(others('g')).toEqual(['a', 'b', 'c', 'd']);
    expect(others([7, null, { id: 'g' }, 'f'])).toEqual(['f', 'a', 'b', 'c']);
  });
});
