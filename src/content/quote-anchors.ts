/**
 * Finds the passages of the reader's claims on the page again (their W3C TextQuoteSelectors), so coming back to an
 * article shows what was annotated there. The selector was taken from a selection (page-info.ts): its text with
 * whitespace runs made one space. The page's text as the walk reads it (extract.ts) puts line breaks where blocks
 * meet and a selection's text may put nothing there, so both are compared without any whitespace. Where the exact
 * text occurs more than once, the prefix and suffix choose; a passage the page no longer holds is left out.
 */
import type { TextQuoteSelector } from '../core/model/link';
import type { PageQuote } from '../core/protocol';
import { locateFrom, textChunks, type TextChunk } from './extract';

export type Quote = Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>;

/** A passage's place in a chunk: [start, end) in the chunk's text, and the quote found there. */
export interface Anchor<Q extends Quote = Quote> {
  chunk: TextChunk;
  start: number;
  end: number;
  quote: Q;
}

/** A passage marked on the page: its range and the claim it was quoted for (the card shows the claim). */
export interface QuoteMark {
  range: Range;
  quote: PageQuote;
}

/**
 * The text under `root` as one chunk per tree: the root's own, then each open shadow root met on the way (nested ones
 * too), as the scanner reads them. The walk is read `maxChars` at a time with `pause()` between (a 5 MB page's walk
 * takes over 100 ms); each tree's pieces are then joined, so a passage that runs over the place where a piece ended
 * is found. Undefined when `stale()` says the result is no longer wanted.
 */
export async function quoteTexts(root: Node, pause: () => Promise<void>, stale: () => boolean, maxChars = 200_000): Promise<TextChunk[] | undefined> {
  const trees: Node[] = [root];
  const seen = new Set<ShadowRoot>();
  const joined: TextChunk[] = [];
  for (let tree = trees.shift(); tree; tree = trees.shift()) {
    const pieces: TextChunk[] = [];
    const onShadowRoot = (shadow: ShadowRoot) => {
      if (seen.has(shadow)) return;
      seen.add(shadow);
      trees.push(shadow);
    };
    // Read with no overlap at the cuts: the pieces are joined again below, each character once.
    for (const chunk of textChunks(tree, maxChars, onShadowRoot, undefined, 0)) {
      pieces.push(chunk);
      await pause();
      if (stale()) return undefined;
    }
    if (pieces.length) joined.push(joinChunks(pieces));
  }
  return joined;
}

/**
 * One chunk out of the walk's successive chunks of one tree. A piece of a long text node goes on where the last
 * chunk stopped inside that node; other chunks ended where a block did, and a line break stands there (whitespace
 * does not count when passages are compared, so where the walk cut a block between sentences it changes nothing).
 */
export function joinChunks(chunks: readonly TextChunk[]): TextChunk {
  if (chunks.length === 1) return chunks[0]!;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let previous: TextChunk | undefined;
  for (const chunk of chunks) {
    if (previous && !previous.cutInLast) {
      parts.push('\n');
      length += 1;
    }
    for (let i = 0; i < chunk.nodes.length; i++) {
      nodes.push(chunk.nodes[i]!);
      starts.push(chunk.starts[i]! + length);
    }
    parts.push(chunk.text);
    length += chunk.text.length;
    previous = chunk;
  }
  return { nodes, starts, text: parts.join('') };
}

/** Passages shorter than this (without whitespace) are too common to place: "the", a name alone. */
const MIN_CHARS = 12;

/** What `\s` matches, by code unit. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const squeezed = (s: string | undefined) => (s ? s.replace(/\s+/g, '') : '');

/**
 * How many characters of `want` the text holds going forward from `from` (step 1) or backward from before it (step
 * −1), whitespace in the text skipped; and where that stops (after the last character matched, or at it going back).
 */
function follow(text: string, from: number, want: string, step: 1 | -1): { n: number; at: number } {
  let n = 0;
  let k = step === 1 ? from : from - 1;
  let at = from;
  while (n < want.length && k >= 0 && k < text.length) {
    const c = text.charCodeAt(k);
    if (!isSpace(c)) {
      if (c !== want.charCodeAt(step === 1 ? n : want.length - 1 - n)) break;
      n++;
      at = step === 1 ? k + 1 : k;
    }
    k += step;
  }
  return { n, at };
}

/**
 * Where each quote stands in the chunks (best occurrence by its prefix and suffix), for those found. The page's text
 * is searched natively for the quote's longest word, and each hit is checked outwards, whitespace skipped: squeezing
 * a 5 MB page's text first cost 0.4–0.55 s in one task.
 */
export function anchorQuotes<Q extends Quote>(chunks: readonly TextChunk[], quotes: readonly Q[]): Anchor<Q>[] {
  const anchors: Anchor<Q>[] = [];
  for (const _ of anchorSteps(chunks, quotes, anchors));
  return anchors;
}

/**
 * The longest a slice of anchoring runs before the page has its turn. A passage whose every word the page holds tens
 * of thousands of times (a 4 MB page) took 108 ms in one task.
 */
export const ANCHOR_SLICE_MS = 12;

/**
 * anchorQuotes in slices of about `sliceMs`, with `pause()` between them; the same anchors (the page's text was read
 * before, so a pause changes nothing it compares). Undefined when `stale()` says the result is no longer wanted.
 */
export async function anchorQuotesSliced<Q extends Quote>(
  chunks: readonly TextChunk[],
  quotes: readonly Q[],
  pause: () => Promise<void>,
  stale: () => boolean,
  sliceMs = ANCHOR_SLICE_MS,
): Promise<Anchor<Q>[] | undefined> {
  const anchors: Anchor<Q>[] = [];
  let since = performance.now();
  for (const _ of anchorSteps(chunks, quotes, anchors)) {
    if (performance.now() - since < sliceMs) continue;
    await pause();
    if (stale()) return undefined;
    since = performance.now();
  }
  return anchors;
}

/** Hits checked between two looks at the clock: one hit costs well under a microsecond, performance.now() not much less. */
const HITS_PER_STEP = 64;

/**
 * The anchoring, in steps: it stops (yields) after every HITS_PER_STEP hits and at the end of each word's search in a
 * chunk, where a caller may give the page its turn. Anchors found are pushed to `anchors`.
 */
function* anchorSteps<Q extends Quote>(chunks: readonly TextChunk[], quotes: readonly Q[], anchors: Anchor<Q>[]): Generator<void, void, void> {
  let hits = 0;
  for (const q of quotes) {
    const exact = squeezed(q.exact);
    if (exact.length < MIN_CHARS) continue;
    const prefix = squeezed(q.prefix);
    const suffix = squeezed(q.suffix);
    // the passage's words, longest first (a selection's edge may cut one; a selection over two blocks glues their
    // words, "operators.Then", which the page parts): the first that leads to the passage places it
    const words = [...new Set(q.exact.split(/\s+/).filter(Boolean))].sort((x, y) => y.length - x.length);
    let best: { score: number; anchor: Anchor<Q> } | undefined;
    for (const word of words) {
      const before = exact.indexOf(word);
      for (const chunk of chunks) {
        const t = chunk.text;
        for (let h = t.indexOf(word); h >= 0; h = t.indexOf(word, h + 1)) {
          if (++hits % HITS_PER_STEP === 0) yield;
          const fwd = follow(t, h, exact.slice(before), 1);
          if (fwd.n < exact.length - before) continue;
          const back = follow(t, h, exact.slice(0, before), -1);
          if (back.n < before) continue;
          const start = before ? back.at : h;
          const score = follow(t, start, prefix, -1).n + follow(t, fwd.at, suffix, 1).n;
          if (!best || score > best.score) best = { score, anchor: { chunk, start, end: fwd.at, quote: q } };
        }
        // a search of a long chunk that found nothing may itself take a few milliseconds
        yield;
      }
      if (best) break;
    }
    if (best) anchors.push(best.anchor);
  }
}

/** A live range over an anchor (it follows the page's edits around it), or undefined when its nodes changed. */
export function rangeOf(doc: Document, a: Anchor<Quote>): Range | undefined {
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
