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

/** End of the line starting at `a` (its line break, or the text's end). */
function lineEnd(text: string, a: number): number {
  const k = text.indexOf('\n', a);
  return k < 0 ? text.length : k;
}
/** Start of the line holding `i`. */
function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** Is the line [a, b) empty or only spaces? */
function blank(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isBlank(text.charCodeAt(k))) return false;
  return true;
}

/** The last character of the line [a, b) that is no space or closing quote, or -1. */
function lastMark(text: string, a: number, b: number): number {
  let k = b - 1;
  while (k >= a && (isBlank(text.charCodeAt(k)) || text.charCodeAt(k) === 34 || text.charCodeAt(k) === 0x201d || text.charCodeAt(k) === 0x2019 || text.charCodeAt(k) === 42)) k--;
  return k < a ? -1 : text.charCodeAt(k);
}

/** Does the line [a, b) end a sentence or a clause (".", "!", "?", ":", ",", ";")? */
function endsClause(text: string, a: number, b: number): boolean {
  const c = lastMark(text, a, b);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 44 || c === 59;
}

/** Is the line [a, b) a heading line (see above)? */
function headingLine(text: string, a: number, b: number): boolean {
  let k = a;
  while (k < b && isBlank(text.charCodeAt(k))) k++;
  if (k >= b || b - k > HEADING_CHARS) return false;
  const c = text.charCodeAt(k);
  const hash = c === 35;
  if (!hash && !/\p{Lu}/u.test(text.charAt(k))) return false;
  const line = text.slice(k, b);
  if (line.includes('|') || line.includes('\t') || endsClause(text, a, b)) return false;
  if (line.split(/\s+/).filter(Boolean).length > HEADING_WORDS) return false;
  // a line of text under it
  if (b >= text.length || blank(text, b + 1, lineEnd(text, b + 1))) return false;
  if (hash || a === 0) return true;
  // stands apart: a blank line or a paragraph's end above it
  const pa = lineStart(text, a - 1);
  return blank(text, pa, a - 1) || endsClause(text, pa, a - 1);
}

/**
 * The section around [s, e): from the heading line at or above the name's line to the next heading line below it, each
 * looked for within `reach` characters and MAX_LINES lines (else the bound is `reach` away). A name in a heading line
 * belongs to the section it heads.
 */
export function sectionAround(text: string, s: number, e: number, reach: number): [number, number] {
  let from = Math.max(0, s - reach);
  let to = Math.min(text.length, e + reach);
  // upwards: the name's own line first
  let a = lineStart(text, s);
  for (let n = 0; n < MAX_LINES && a >= from; n++) {
    const b = lineEnd(text, a);
    if (headingLine(text, a, b)) {
      from = a;
      break;
    }
    if (a === 0) break;
    a = lineStart(text, a - 1);
  }
  // downwards: the lines after the name's line
  let b = lineEnd(text, e);
  for (let n = 0; n < MAX_LINES && b < to; n++) {
    const na = b + 1;
    const nb = lineEnd(text, na);
    if (headingLine(text, na, nb)) {
      to = na;
      break;
    }
    b = nb;
  }
  // a section too short to say what it is about ("How Midnight Blizzard Got In" over one sentence) is read with the
  // text around it, as before
  if (to - from < SECTION_MIN_CHARS) return [Math.max(0, s - reach), Math.min(text.length, e + reach)];
  return [from, to];
}
