// @vitest-environment happy-dom
/**
 * A matcher error on one piece of a page (page text reaching a bug) costs that piece only: the scan still finishes,
 * reports done, and the other pieces stay highlighted. Before, the error ended the scan: the page never reported done
 * and showed nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Match } from '../../../src/core/matcher/index';

vi.mock('../../../src/content/knowledge', () => ({
  buildMs: 0,
  releasePrefetched: () => undefined,
  loadPrefilter: async () => ({ mayMatch: () => true }),
  loadMatcher: async () => ({
    match(text: string): Match[] {
      if (text.includes('POISON')) throw new Error('a bug reached by this text');
      const at = text.indexOf('TrickBot');
      return at < 0 ? [] : [{ start: at, end: at + 8, text: 'TrickBot', entityId: 'trickbot', name: 'TrickBot', kind: 'malware', alias: 'TrickBot', reason: 'exact' }];
    },
  }),
}));

const { Scanner } = await import('../../../src/content/scanner');
const options = { suppressed: [], kinds: ['actor' as const, 'malware' as const, 'tool' as const, 'ransomware' as const], possibleActors: false, colors: { actor: '#ff0000', malware: '#0000ff', tool: '#00ff00', ransomware: '#aa00ff' } };

afterEach(() => document.body.replaceChildren());

describe('a matcher error on one piece of the page', () => {
  it('leaves the rest of the page highlighted and the scan done', async () => {
    // far more text than one piece holds, the poison at its end
    const filler = 'Ordinary words about the harvest and the weather. '.repeat(1600);
    document.body.innerHTML = `<p>Analysts saw TrickBot again.</p><p>${filler}POISON</p>`;
    const scanner = new Scanner(document);
    const report = await scanner.start(options, performance.now());
    expect(report.done).toBe(true);
    expect(scanner.tally().map((e) => `${e.name}×${e.count}`)).toEqual(['TrickBot×1']);
  });
});
