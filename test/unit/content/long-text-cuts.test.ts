// @vitest-environment happy-dom
/**
 * A text longer than a chunk is matched a piece at a time. A name running over the place where a piece ends ("Cobalt |
 * Strike" in a one-line log, a long table cell, a <pre> dump with no sentence in it) must be found whole, once, as in
 * the text read at once: not lost, not read as a shorter name ("Cobalt", another entity).
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import { locate, textChunks, type TextChunk } from '../../../src/content/extract';
import { e, ENTITIES } from '../matcher/fixtures';

const matcher = createMatcher(compileDictionary([...ENTITIES, e('wizard-spider', 'actor', 'Wizard Spider')], { version: 'cuts' }));
const options = { securityContext: true };

/** A log line with names of two words; no sentence ends in it, so a piece may end at any space. */
const line = (i: number) => `host-${i} beacon to Cobalt Strike server ${i % 7}, operator Wizard Spider, loader TrickBot, seen ${i}; `;

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** What the page shows painted: each match of each piece that the piece owns, as text node, offset, name. */
function spotted(chunks: TextChunk[]): string[] {
  const out: string[] = [];
  for (const c of chunks) {
    const from = c.ownFrom ?? 0;
    const to = c.ownTo ?? c.text.length;
    for (const m of matcher.match(c.text, options)) {
      if (m.start < from || m.start >= to) continue;
      const at = locate(c, m.start)!;
      out.push(`${[...document.body.querySelectorAll('*')].indexOf(at.node.parentElement!)}:${at.offset}:${m.name}`);
    }
  }
  return out;
}

/** The same, with the whole text of each element read at once. */
function spottedWhole(): string[] {
  const out: string[] = [];
  const elements = [...document.body.querySelectorAll('*')];
  for (const el of elements) {
    const node = el.firstChild;
    if (node?.nodeType !== 3) continue;
    const text = (node as Text).data;
    out.push(...matcher.match(text, options).map((m: Match) => `${elements.indexOf(el)}:${m.start}:${m.name}`));
  }
  return out;
}

describe('a long text read in pieces', () => {
  it('finds every name once, whole, wherever the pieces end (one text node with no sentence end)', () => {
    let cutInsideName = 0;
    // Shifting the text one character at a time puts the cuts at every place of a line, inside each name too.
    for (let shift = 0; shift < 40; shift++) {
      const text = 'x'.repeat(shift) + ' ' + Array.from({ length: 60 }, (_, i) => line(i)).join('');
      const body = page('<div></div>');
      body.firstChild!.appendChild(document.createTextNode(text));
      const chunks = [...textChunks(body, 1000)];
      expect(chunks.length).toBeGreaterThan(4);
      for (const c of chunks.slice(0, -1)) {
        const end = c.ownTo ?? c.text.length;
        if (/(Cobalt|Wizard) $/.test(c.text.slice(0, end))) cutInsideName++;
      }
      const found = spotted(chunks);
      expect(found).toEqual(spottedWhole());
      expect(found.filter((s) => s.endsWith(':Cobalt Strike'))).toHaveLength(60);
      expect(found.filter((s) => s.endsWith(':Wizard Spider'))).toHaveLength(60);
    }
    // The shifts did put piece ends between the words of a name.
    expect(cutInsideName).toBeGreaterThan(5);
  });

  it('finds every name once in one block of many inline elements with no sentence end (a tag list, a long cell)', () => {
    // Every word its own element: past 2,000 text nodes a block is cut between two of them, here at any space.
    const words = Array.from({ length: 900 }, (_, i) => line(i))
      .join('')
      .split(' ')
      .map((w) => `<span>${w}</span>`)
      .join(' ');
    const body = page(`<div>${words}</div>`);
    const chunks = [...textChunks(body, 1000)];
    expect(chunks.length).toBeGreaterThan(2);
    const whole = matcher.match(body.textContent!, options).map((m) => m.name);
    const found = spotted(chunks).map((s) => s.split(':')[2]);
    expect(found).toEqual(whole);
    expect(found.filter((n) => n === 'Cobalt Strike')).toHaveLength(900);
    expect(found).not.toContain('Cobalt Group');
  });
});
