/**
 * Game items (game-items.ts gameItem): a threat's name for a thing in a game, told by a cosmetic's noun after it or
 * by the balance wording of patch notes in its sentence. The answer depends on the name's own window only, whatever
 * else the text holds and whichever order its names are asked in (the content script reads a page in slices).
 */
import { describe, expect, it } from 'vitest';
import { gameItem } from '../../../src/core/matcher/game-items';

const at = (text: string, name: string, from = 0) => text.indexOf(name, from) + name.length;

describe('gameItem', () => {
  it('reads a cosmetic noun or balance wording after the name, not damage a threat did', () => {
    expect(gameItem('New Kimsuky emote in the shop', at('New Kimsuky emote in the shop', 'Kimsuky'))).toBe(true);
    const notes = 'Patch 4.2: the old Machete now deals 10% less damage. Lazarus cooldown reduced to 8 seconds.';
    expect(gameItem(notes, at(notes, 'Machete'))).toBe(true);
    expect(gameItem(notes, at(notes, 'Lazarus'))).toBe(true);
    const news = 'Analysts said Sandworm caused damage to the grid, and Lazarus dealt serious damage to the exchange.';
    expect(gameItem(news, at(news, 'Sandworm'))).toBe(false);
    expect(gameItem(news, at(news, 'Lazarus'))).toBe(false);
    expect(gameItem('Turla mounts a campaign against ministries.', 5)).toBe(false);
  });

  it('gives each name the answer of its own window, in any order, with balance words near, far and between', () => {
    const filler = 'The team shipped a new map and fixed the lobby. ';
    const text = [
      'Machete is back.',
      filler.repeat(3),
      'The Phoenix deals more damage now, and the Machete was nerfed twice.',
      filler.repeat(2),
      'Conti skins arrive next week. Agenda remains.',
      filler,
      'Royal fire rate up; Royal hitbox smaller.',
      filler.repeat(8),
      'Cobalt cooldown is unchanged.',
    ].join(' ');
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) ends.push(i);
    // A copy holding only the window a name's answer depends on, read as a text of its own.
    const own = ends.map((e) => gameItem(text.slice(e - 1, e + 120), 1));
    expect(own.filter(Boolean).length).toBeGreaterThan(15);
    expect(own.filter((x) => !x).length).toBeGreaterThan(100);
    expect(ends.map((e) => gameItem(text, e))).toEqual(own);
    expect([...ends].reverse().map((e) => gameItem(text, e))).toEqual([...own].reverse());
    const shuffled = ends.map((e, i) => [e, (i * 7919) % ends.length] as const).sort((a, b) => a[1] - b[1]);
    expect(shuffled.map(([e]) => gameItem(text, e))).toEqual(shuffled.map(([e]) => own[ends.indexOf(e)]));
  });
});
