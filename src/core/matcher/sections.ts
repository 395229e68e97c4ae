/**
 * Sections: the part of a text under one heading. A name that needs context needs security words near it
 * (ambiguity.ts nearSecurityWords), and "near" stops at a heading: game patch notes with an "Account security"
 * section on phishing and malware are a security page by their words, yet "Turla Valley" and "the Kimsuky emote" under
 * "Weapons" or "Bug fixes" are a map and an emote (session 17, left open by audit Z). The words of the section the
 * name stands in count, whatever the page says elsewhere.
 *
 * A section shorter than SECTION_MIN_CHARS is read with the text around it.
 *
 * A heading is a short line that stands apart, as a reader sees one: the text starts with it, or a blank line or the
 * end of a paragraph (a line ending as a sentence does) is above it; it does not end as a sentence, a clause or a
 * list's introduction does (".", "!", "?", ":", ",", ";"); it starts with a capital or a markdown "#"; it is no list
 * item or table row; and a line of text follows it. A report's date line under its title is no heading by this (the
 * title above it ends no paragraph), nor are an IOC list's items.
 */

/** Longest heading line (as ambiguity.ts HEAD_LINE_CHARS) and most words in one. */
const HEADING_CHARS = 100;
const HEADING_WORDS = 10;
/** A section shorter than this says too little to be read on its own. */
const SECTION_MIN_CHARS = 120;
/** Lines read either way from the name's line for a heading. */
const MAX_LINES = 40;

const isBlank = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;
/** Spaces, closing quotes and emphasis marks a line may end with after its last word or mark. */
const isTrailing = (c: number) => isBlank(c) || c === 34 || c === 0x201d || c === 0x2019 || c === 42;
/** ".", "!", "?", ":", ",", ";": a sentence, a clause or a list's introduction ends there. */
const isClauseEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 58 || c === 44 || c === 59;

/**
 * End of the line starting at or holding `a` (its line break, or the text's end) if within `most` characters, else -1.
 * Every walk here is bounded: a text of one long line (a minified page) must not be read whole for each name.
 */
function lineEndWithin(text: string, a: number, most: number): number {
  const cap = Math.min(text.length, a + most);
  for (let k = a; k < cap; k++) if (text.charCodeAt(k) === 10) return k;
  return cap === text.length ? cap : -1;
}

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

/** Is the line [a, b) a heading line (see above)? */
function headingLine(text: string, a: number, b: number): boolean {
  let k = a;
  while (k < b && isBlank(text.charCodeAt(k))) k++;
  if (k >= b || b - k > HEADING_CHARS) return false;
  const hash = text.charCodeAt(k) === 35;
  if (!hash && !/\p{Lu}/u.test(text.charAt(k))) return false;
  let z = b - 1;
  while (z > k && isTrailing(text.charCodeAt(z))) z--;
  if (isClauseEnd(text.charCodeAt(z))) return false;
  const line = text.slice(k, b);
  if (line.includes('|') || line.includes('\t')) return false;
  if (line.split(/\s+/).filter(Boolean).length > HEADING_WORDS) return false;
  if (b >= text.length || !textBelow(text, b)) return false;
  return hash || a === 0 || apartAbove(text, a);
}

/**
 * The section around [s, e): from the heading line at or above the name's line to the next heading line below it, each
 * looked for within `reach` characters and MAX_LINES lines (else the bound is `reach` away). A name in a heading line
 * belongs to the section it heads.
 */
export function sectionAround(text: string, s: number, e: number, reach: number): [number, number] {
  const floor = Math.max(0, s - reach);
  const ceil = Math.min(text.length, e + reach);
  let from = floor;
  let to = ceil;
  // upwards: the name's own line first; a line is read only when it starts after `floor`
  let k = s;
  for (let n = 0; n < MAX_LINES; n++) {
    let a = k;
    while (a > floor && text.charCodeAt(a - 1) !== 10) a--;
    if (a > 0 && text.charCodeAt(a - 1) !== 10) break;
    const b = lineEndWithin(text, a, HEADING_CHARS + 2);
    if (b >= 0 && headingLine(text, a, b)) {
      from = a;
      break;
    }
    if (a === 0) break;
    k = a - 1;
  }
  // downwards: the lines after the name's line
  let b = lineEndWithin(text, e, ceil - e);
  for (let n = 0; n < MAX_LINES && b >= 0 && b < ceil; n++) {
    const na = b + 1;
    const nb = lineEndWithin(text, na, ceil - na);
    if (nb < 0) break;
    if (headingLine(text, na, nb)) {
      to = na;
      break;
    }
    b = nb;
  }
  // a section too short to say what it is about ("How Midnight Blizzard Got In" over one sentence) is read with the
  // text around it, as before
  if (to - from < SECTION_MIN_CHARS) return [floor, ceil];
  return [from, to];
}

/**
 * A paragraph at least this long that uses no security word is about something else (plainParagraph): a chapter of a
 * story, a travel note. Shorter ones (a news item's one or two sentences, a caption) say too little. On the AnnoCTR
 * corpus one name in a paragraph this long had no security word in it, and a threat's distinctive name stood before
 * it there.
 */
const PARAGRAPH_MIN_CHARS = 300;
/** Longest paragraph read (either way from the name); a longer line is no paragraph of prose. */
const PARAGRAPH_MAX_CHARS = 3000;

/**
 * The paragraph (line) holding [s, e) when it is at least PARAGRAPH_MIN_CHARS and at most PARAGRAPH_MAX_CHARS long,
 * else undefined.
 */
export function longParagraphAround(text: string, s: number, e: number): [number, number] | undefined {
  let a = s;
  const floor = Math.max(0, s - PARAGRAPH_MAX_CHARS);
  while (a > floor && text.charCodeAt(a - 1) !== 10) a--;
  if (a > 0 && text.charCodeAt(a - 1) !== 10) return undefined;
  const b = lineEndWithin(text, e, PARAGRAPH_MAX_CHARS);
  return b < 0 || b - a < PARAGRAPH_MIN_CHARS ? undefined : [a, b];
}
