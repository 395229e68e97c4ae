/** The highlight painter registers again what the page unregistered (CSS.highlights.clear()), within a budget. */
import { describe, expect, it } from 'vitest';
import { createPainter } from '../../../src/content/highlighter';

/** A window with just enough of the CSS Custom Highlight API. */
function fakeWindow() {
  class Highlight extends Set<AbstractRange> {
    priority = 0;
  }
  const highlights = new Map<string, Highlight>();
  const win = { Highlight, CSS: { highlights } } as unknown as Window & typeof globalThis;
  return { win, highlights };
}
const range = () => ({ startContainer: {}, startOffset: 0, endContainer: {}, endOffset: 1, collapsed: false }) as unknown as AbstractRange;

describe('highlight painter restore', () => {
  it('registers again the highlights the page cleared, and nothing it never registered', () => {
    const { win, highlights } = fakeWindow();
    const painter = createPainter(win);
    painter.add('actorlens-actor', range());
    expect(painter.restore()).toBe(0); // not shown yet: commit registers it, not restore
    expect(highlights.size).toBe(0);
    painter.commit();
    const h = highlights.get('actorlens-actor');
    expect(h?.size).toBe(1);
    expect(painter.restore()).toBe(0);
    highlights.clear();
    expect(painter.restore()).toBe(1);
    expect(highlights.get('actorlens-actor')).toBe(h);
  });

  it('stops after a few when the page clears them again at once', () => {
    const { win, highlights } = fakeWindow();
    const painter = createPainter(win);
    painter.add('actorlens-malware', range());
    painter.commit();
    let back = 0;
    for (let i = 0; i < 50; i++) {
      highlights.clear();
      back += painter.restore();
      painter.commit(); // a flush: the same budget
    }
    expect(back).toBeLessThanOrEqual(3);
    expect(highlights.size).toBe(0);
  });

  it('puts nothing back once cleared by ActorLens itself', () => {
    const { win, highlights } = fakeWindow();
    const painter = createPainter(win);
    painter.add('actorlens-actor', range());
    painter.commit();
    painter.clear();
    expect(painter.restore()).toBe(0);
    expect(highlights.size).toBe(0);
  });
});
