// @vitest-environment happy-dom
/** The fallback painter (no CSS Highlight API): wrapping, then removal, restores the DOM exactly. */
import { describe, expect, it } from 'vitest';
import { createPainter, hasHighlightApi, MARK_TAG, wrapPainter } from '../../../src/content/highlighter';

function rangeOf(node: Text, start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

describe('wrap fallback', () => {
  it('is chosen when CSS.highlights is missing', () => {
    expect(hasHighlightApi(window as unknown as Window & typeof globalThis)).toBe(false);
    expect(createPainter(window as unknown as Window & typeof globalThis).mutates).toBe(true);
  });

  it('restores the DOM exactly: same markup, same node objects, no leftovers', () => {
    document.body.innerHTML = '<p id="p">Lazarus Group met TrickBot and Dridex. <b id="b">TA505</b> too.</p><p id="q">untouched</p>';
    const before = document.body.outerHTML;
    const p = document.getElementById('p')!;
    const text = p.firstChild as Text;
    const bold = document.getElementById('b')!;
    const boldText = bold.firstChild as Text;
    const q = document.getElementById('q')!;
    const qText = q.firstChild as Text;
    const painter = wrapPainter(document);
    // Later matches in a node first (the scanner paints last to first).
    const s = text.data;
    const anchored = [
      painter.add('actorlens-malware', rangeOf(text, s.indexOf('Dridex'), s.indexOf('Dridex') + 6)),
      painter.add('actorlens-malware', rangeOf(text, s.indexOf('TrickBot'), s.indexOf('TrickBot') + 8)),
      painter.add('actorlens-actor', rangeOf(text, 0, 'Lazarus Group'.length)),
      painter.add('actorlens-actor', rangeOf(boldText, 0, 5)),
    ];
    expect(anchored.every(Boolean)).toBe(true);
    expect(document.querySelectorAll(MARK_TAG).length).toBe(4);
    expect(anchored[0]!.toString()).toBe('Dridex');
    expect(p.textContent).toBe('Lazarus Group met TrickBot and Dridex. TA505 too.');
    painter.clear();
    expect(document.body.outerHTML).toBe(before);
    expect(p.firstChild).toBe(text);
    expect(text.data).toBe(s);
    expect(bold.firstChild).toBe(boldText);
    expect(q.firstChild).toBe(qText);
    expect(p.childNodes.length).toBe(3);
    expect(painter.size).toBe(0);
  });

  it('does not wrap ranges that cross markup (that would reshape the page)', () => {
    document.body.innerHTML = '<p>Lazarus <b>Group</b></p>';
    const before = document.body.outerHTML;
    const p = document.body.querySelector('p')!;
    const r = document.createRange();
    r.setStart(p.firstChild!, 0);
    r.setEnd(p.querySelector('b')!.firstChild!, 5);
    expect(wrapPainter(document).add('actorlens-actor', r)).toBeUndefined();
    expect(document.body.outerHTML).toBe(before);
  });

  it('still lifts the text out when the page changed the pieces meanwhile', () => {
    document.body.innerHTML = '<p>see TrickBot now</p>';
    const p = document.body.querySelector('p')!;
    const painter = wrapPainter(document);
    painter.add('actorlens-malware', rangeOf(p.firstChild as Text, 4, 12));
    p.append(document.createTextNode(' (edited)'));
    p.lastChild!.before(document.createElement('br'));
    painter.clear();
    expect(document.querySelectorAll(MARK_TAG).length).toBe(0);
    expect(p.textContent).toBe('see TrickBot now (edited)');
  });
});
