/**
 * Finds the passages of the reader's claims on the page again (their W3C TextQuoteSelectors), so coming back to an
 * article shows what was annotated there. The selector was taken from a selection (page-info.ts): its text with
 * whitespace runs made one space. The page's text as the walk reads it (extract.ts) puts line breaks where blocks
 * meet and a selection's text may put nothing there, so both are compared without any whitespace. Where the exact
 * text occurs more than once, the prefix and suffix choose; a passage the page no longer holds is left out.
 */
import type { TextQuoteSelector } from '../core/model/link';
import { locateFrom, type TextChunk } from './extract';

export type Quote = Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>;

/** A passage's place in a chunk: [start, end) in the chunk's text. */
export interface Anchor {
  chunk: TextChunk;
  start: number;
  end: number;
}

/** Passages shorter than this (without whitespace) are too common to place: "the", a name alone. */
const MIN_CHARS = 12;
const SPACE = /\s/;

/** The text without whitespace, and for each of its characters the offset in the original. */
function squeeze(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.charAt(k);
    if (SPACE.test(c)) continue;
    out += c;
    at.push(k);
  }
  return { text: out, at };
}

const squeezed = (s: string | undefined) => (s ? s.replace(/\s+/g, '') : '');

/** How many characters `have` and `want` share at their ends (the text before an occurrence against the prefix). */
function commonTail(have: string, want: string): number {
  let n = 0;
  while (n < have.length && n < want.length && have.charAt(have.length - 1 - n) === want.charAt(want.length - 1 - n)) n++;
  return n;
}
/** How many characters they share at their starts (the text after an occurrence against the suffix). */
function commonHead(have: string, want: string): number {
  let n = 0;
  while (n < have.length && n < want.length && have.charAt(n) === want.charAt(n)) n++;
  return n;
}

/** Where each quote stands in the chunks (best occurrence by its prefix and suffix), for those found. */
export function anchorQuotes(chunks: readonly TextChunk[], quotes: readonly Quote[]): Anchor[] {
  const read = chunks.map((chunk) => ({ chunk, ...squeeze(chunk.text) }));
  const anchors: Anchor[] = [];
  for (const q of quotes) {
    const exact = squeezed(q.exact);
    if (exact.length < MIN_CHARS) continue;
    const prefix = squeezed(q.prefix);
    const suffix = squeezed(q.suffix);
    let best: { score: number; anchor: Anchor } | undefined;
    for (const r of read) {
      for (let k = r.text.indexOf(exact); k >= 0; k = r.text.indexOf(exact, k + 1)) {
        const score = commonTail(r.text.slice(Math.max(0, k - prefix.length), k), prefix) + commonHead(r.text.slice(k + exact.length, k + exact.length + suffix.length), suffix);
        if (!best || score > best.score) best = { score, anchor: { chunk: r.chunk, start: r.at[k] as number, end: (r.at[k + exact.length - 1] as number) + 1 } };
      }
    }
    if (best) anchors.push(best.anchor);
  }
  return anchors;
}

/** A live range over an anchor (it follows the page's edits around it), or undefined when its nodes changed. */
export function rangeOf(doc: Document, a: Anchor): Range | undefined {
  const start = locateFrom(a.chunk, a.start, false, 0);
  const end = locateFrom(a.chunk, a.end, true, start?.index ?? 0);
  if (!start || !end) return undefined;
  try {
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range.collapsed ? undefined : range;
  } catch {
    return undefined;
  }
}
