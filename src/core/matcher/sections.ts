/**
 * Sections and paragraphs: how far the security words of a page reach a name that needs context (session 17, left
 * open by audit Z).
 *
 * Sections: the part of a text under one heading. A name that needs context needs security words near it
 * (ambiguity.ts nearSecurityWords), and "near" stops at a heading: game patch notes with an "Account security" section
 * on phishing and malware are a security page by their words, yet "Turla Valley" and "the Kimsuky emote" under
 * "Weapons" or "Bug fixes" are a map and an emote. The words of the section the name stands in count, whatever the
 * page says elsewhere. A section shorter than SECTION_MIN_CHARS is read with the text around it.
 *
 * A heading is a short line that stands apart, as a reader sees one: the text starts with it, or a blank line or the
 * end of a paragraph (a line ending as a sentence does) is above it; it does not end as a sentence, a clause or a
 * list's introduction does (".", "!", "?", ":", ",", ";"); it starts with a capital or a markdown "#"; it is no list
 * item or table row; and a line of text follows it. A report's date line under its title is no heading by this (the
 * title above it ends no paragraph), nor are an IOC list's items.
 *
 * Paragraphs: see longParagraphAround.
 */

/** Longest heading line (as ambiguity.ts HEAD_LINE_CHARS) and most words in one. */
const HEADING_CHARS = 100;
const HEADING_WORDS = 10;
/** A section shorter than this says too little to be read on its own. */
const SECTION_MIN_CHARS = 120;

/** A line opening with a time of day, as a chat's or a log's records do ("21:08 <kraken>", "[09:14:02] edr fired"). */
const TIMED_LINE = /^[ \t]*\[?[0-2]?\d:[0-5]\d(?::[0-5]\d)?\]?[ \t]/;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;
/** Spaces, closing quotes and emphasis marks a line may end with after its last word or mark. */
const isTrailing = (c: number) => isBlank(c) || c === 34 || c === 0x201d || c === 0x2019 || c === 42;
/** ".", "!", "?", ":", ",", ";": a sentence, a clause or a list's introduction ends there. */
const isClauseEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 58 || c === 44 || c === 59;

/** Does the line above the one starting at `a` end a paragraph, or is it blank (or is there none)? */
function apartAbove(text: string, a: number): boolean {
  let k = a - 2;
  while (k >= 0 && isTrailing(text.charCodeAt(k))) k--;
  return k < 0 || text.charCodeAt(k) === 10 || isClauseEnd(text.charCodeAt(k));
}

/** Does a line of text follow the line ending at `b`? */
function textBelow(text: string, b: number): boolean {
  let k = b + 1;
  while (k < text.length && isBlank(text.charCodeAt(k))) k++;
  return k < text.length && text.charCodeAt(k) !== 10;
}

/** Is the line [a, b) a heading line (see above)? Cheap tests first: most lines are prose, or too long. */
function headingLine(text: string, a: number, b: number): boolean {
  let k = a;
  while (k < b && isBlank(text.charCodeAt(k))) k++;
  if (k >= b || b - k > HEADING_CHARS) return false;
  const c = text.charCodeAt(k);
  const hash = c === 35;
  if (!hash && !(c >= 65 && c <= 90) && !(c > 127 && /\p{Lu}/u.test(text.charAt(k)))) return false;
  let z = b - 1;
  while (z > k && isTrailing(text.charCodeAt(z))) z--;
  if (isClauseEnd(text.charCodeAt(z))) return false;
  let words = 0;
  let inWord = false;
  for (let q = k; q <= z; q++) {
    const ch = text.charCodeAt(q);
    if (ch === 124 || ch === 9) return false;
    const sp = isBlank(ch);
    if (!sp && !inWord && ++words > HEADING_WORDS) return false;
    inWord = !sp;
  }
  if (b >= text.length || !textBelow(text, b)) return false;
  return hash || a === 0 || apartAbove(text, a);
}

/** The sections and lines of one text: where its heading lines and its lines start, found once, when first asked. */
export interface Sections {
  /** The section around [s, e), clipped to `reach` characters either side (see above). */
  around(s: number, e: number, reach: number): [number, number];
  /**
   * The line holding `i`: its start and end (its line break, or the text's end). Lines that open with a time of day
   * one after another are one line here: a chat's or a log's records, which unwrapLines keeps apart, make one
   * conversation, as a paragraph does in prose ("21:18 <kraken> found adfind output" vouches for "21:19 <kraken> and a
   * rclone config file").
   */
  line(i: number): [number, number];
}

/** Index of the last entry of the sorted `a` at or before `x`, or -1. */
function lastAtOrBefore(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function sectionsOf(text: string): Sections {
  let heads: Int32Array | undefined;
  let lines: Int32Array | undefined;
  const index = (): void => {
    const h: number[] = [];
    const l: number[] = [];
    let timed = false;
    for (let a = 0; a <= text.length; ) {
      let b = text.indexOf('\n', a);
      if (b < 0) b = text.length;
      // a record after a record: the same line (see `line`)
      const t = TIMED_LINE.test(text.slice(a, Math.min(b, a + 16)));
      if (!(t && timed)) l.push(a);
      timed = t;
      if (b - a <= HEADING_CHARS + 8 && headingLine(text, a, b)) h.push(a);
      a = b + 1;
    }
    heads = Int32Array.from(h);
    lines = Int32Array.from(l);
  };
  return {
    around(s, e, reach) {
      if (!heads) index();
      const h = heads as Int32Array;
      const floor = Math.max(0, s - reach);
      const ceil = Math.min(text.length, e + reach);
      // the last heading start at or before s, and the first after it
      const k = lastAtOrBefore(h, s);
      const from = k >= 0 ? Math.max(floor, h[k] as number) : floor;
      const to = k + 1 < h.length ? Math.min(ceil, h[k + 1] as number) : ceil;
      // a section too short to say what it is about ("How Midnight Blizzard Got In" over one sentence) is read with
      // the text around it, as before
      return to - from < SECTION_MIN_CHARS ? [floor, ceil] : [from, to];
    },
    line(i) {
      if (!lines) index();
      const l = lines as Int32Array;
      const k = lastAtOrBefore(l, i);
      const a = k >= 0 ? (l[k] as number) : 0;
      return [a, k + 1 < l.length ? (l[k + 1] as number) - 1 : text.length];
    },
  };
}

/**
 * A paragraph (a line) at least PARAGRAPH_MIN_CHARS long that uses no security word is about something else (match.ts
 * plainParagraph): a chapter of a story, a travel note. Shorter ones (a news item's one or two sentences, a caption)
 * say too little, and a line longer than PARAGRAPH_MAX_CHARS is no paragraph of prose (a page whose text has no line
 * breaks). On the AnnoCTR corpus one name in a paragraph this long had no security word in it, and a threat's
 * distinctive name stood before it there.
 */
export const PARAGRAPH_MIN_CHARS = 300;
export const PARAGRAPH_MAX_CHARS = 6000;
