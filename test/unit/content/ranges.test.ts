// @vitest-environment happy-dom
/** Boundary-point order for static ranges (keyboard navigation and "the highlight under the selection" use it). */
import { describe, expect, it } from 'vitest';
import { comparePoints, compareStarts, rangeHolds, stillReads } from '../../../src/content/ranges';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('comparePoints', () => {
  it('orders points as the DOM does: same node by offset, else document order, containers by child index', () => {
    const body = page('<p id="a">Lazarus <b>Group</b> and TrickBot</p>');
    const p = body.querySelector('#a')!;
    const first = p.firstChild as Text; // "Lazarus "
    const inBold = p.querySelector('b')!.firstChild as Text; // "Group"
    const last = p.lastChild as Text; // " and TrickBot"
    expect(comparePoints(first, 0, first, 3)).toBeLessThan(0);
    expect(comparePoints(inBold, 0, first, 5)).toBeGreaterThan(0);
    expect(comparePoints(first, 8, last, 0)).toBeLessThan(0);
    // (p, 1) sits between the first text and <b>: after any point in "Lazarus ", before any in "Group"
    expect(comparePoints(p, 1, first, 8)).toBeGreaterThan(0);
    expect(comparePoints(p, 1, inBold, 0)).toBeLessThan(0);
    expect(comparePoints(inBold, 2, p, 2)).toBeLessThan(0);
    expect(comparePoints(inBold, 2, p, 1)).toBeGreaterThan(0);
  });

  it('tells whether a static range holds a point, and sorts ranges by their starts', () => {
    const body = page('<p>Lazarus Group used TrickBot</p>');
    const text = body.querySelector('p')!.firstChild as Text;
    // happy-dom has no StaticRange: the helpers read only the boundary points
    const span = (s: number, e: number) => ({ startContainer: text, startOffset: s, endContainer: text, endOffset: e, collapsed: s === e }) as AbstractRange;
    const lazarus = span(0, 13);
    const trickbot = span(19, 27);
    expect(rangeHolds(lazarus, text, 4)).toBe(true);
    expect(rangeHolds(lazarus, text, 13)).toBe(true);
    expect(rangeHolds(lazarus, text, 15)).toBe(false);
    expect([trickbot, lazarus].sort(compareStarts)).toEqual([lazarus, trickbot]);
  });
});

describe('stillReads (a static range kept after its text was rewritten)', () => {
  // happy-dom has no StaticRange: the same fields, fixed as a static range's are.
  const staticRange = (startContainer: Node, startOffset: number, endContainer: Node, endOffset: number) =>
    ({ startContainer, startOffset, endContainer, endOffset, collapsed: false }) as AbstractRange;
  it('holds while the same words sit at the same offsets, not once they moved, changed or left', () => {
    const p = page('<p>Update 1: Lazarus Group was seen.</p>').firstElementChild!;
    const text = p.firstChild as Text;
    const r = staticRange(text, 10, text, 23);
    expect(stillReads(r, 'Lazarus Group')).toBe(true);
    text.data = 'Update 2: Lazarus Group was seen again.';
    expect(stillReads(r, 'Lazarus Group')).toBe(true);
    text.data = 'Update 10: Lazarus Group was seen.';
    expect(stillReads(r, 'Lazarus Group')).toBe(false);
    text.data = 'Update 1';
    expect(stillReads(r, 'Lazarus Group')).toBe(false);
    text.data = 'Update 1: Lazarus Group.';
    p.remove();
    expect(stillReads(r, 'Lazarus Group')).toBe(false);
  });

  it('reads a range over two text nodes as a whole', () => {
    const p = page('<p>The Lazarus <b>Group</b> again.</p>').firstElementChild!;
    const a = p.firstChild as Text;
    const b = p.querySelector('b')!.firstChild as Text;
    const r = staticRange(a, 4, b, 5);
    expect(stillReads(r, 'Lazarus Group')).toBe(true);
    b.data = 'Gr';
    expect(stillReads(r, 'Lazarus Group')).toBe(false);
  });
});
