/**
 * The word right before a name, for the rules that read it ("the online moniker \"Royal\"", "the album 'Phoenix'",
 * "By Luca Royal", "Google Play"). One walk for all of them: back over what may stand between the word and the name
 * (spaces, quotes, a colon…), then back over the word's letters. Each rule says which characters those are, as class
 * bits of one table (a predicate per rule made the shared loop's calls megamorphic: ≈ 6 % of matching 1 MB); the
 * word's other conditions (on its own, Title Case, a listed noun) stay with the rule.
 * The plain walks at the end (prevWord, nextWord, folded…) serve the naming rules.
 */
import { CLS, C_LETTER, C_SPACE, C_WORD, FOLD, NORM, classify } from './normalize';
import { once } from './once';

/** The space (U+0020). */
export const W_SPACE = 1;
/** The no-break space. */
export const W_NBSP = 2;
/** Opening quotes: " ' “ ‘. */
export const W_QUOTE = 4;
/** Comma and colon ('a/k/a, "Royal"', "nickname: Royal"). */
export const W_COMMA_COLON = 8;
/** Chinese and Japanese opening brackets: 《 「 『. */
export const W_CJK_OPEN = 16;
/** Any space on a line: JavaScript's \s but line breaks. */
export const W_INLINE_SPACE = 32;
/** ASCII letters. */
export const W_ASCII = 64;
/** "/" (the slashes of "a/k/a"). */
export const W_SLASH = 128;
/** A letter of any script, as \p{L} reads one code unit. */
export const W_UNICODE_LETTER = 256;
/** A letter as the matcher's character classes read it (normalize.ts C_LETTER: surrogates too). */
export const W_MATCHER_LETTER = 512;
const W_KNOWN = 1024;

const BITS = new Uint16Array(65536);
const LETTER = once(() => /\p{L}/u);

function fill(c: number): number {
  let k = W_KNOWN;
  if (c === 32) k |= W_SPACE;
  if (c === 0xa0) k |= W_NBSP;
  if (c === 34 || c === 39 || c === 0x201c || c === 0x2018) k |= W_QUOTE;
  if (c === 44 || c === 58) k |= W_COMMA_COLON;
  if (c === 0x300a || c === 0x300c || c === 0x300e) k |= W_CJK_OPEN;
  if ((c | 32) >= 97 && (c | 32) <= 122) k |= W_ASCII;
  if (c === 47) k |= W_SLASH;
  if (LETTER().test(String.fromCharCode(c))) k |= W_UNICODE_LETTER;
  const cls = CLS[c] || classify(c);
  if (cls & C_LETTER) k |= W_MATCHER_LETTER;
  if (cls & C_SPACE && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) k |= W_INLINE_SPACE;
  BITS[c] = k;
  return k;
}

/** The class bits (W_*) of code unit c. */
export const charBits = (c: number): number => BITS[c] || fill(c);

export interface WordBeforeOptions {
  /** The class bits of what may stand between the word and the name. */
  gap: number;
  /** Fewest and most gap characters. */
  gapLeast: number;
  gapMost: number;
  /** The class bits of the word's letters. */
  letter: number;
  /**
   * Most letters read: a longer word yields only its last `most` letters, so a rule comparing with short listed words
   * never walks a long token to its start.
   */
  most: number;
  /** The word's last letter, lower-cased, must be one of these before any letter is walked (most names stop here). */
  lastLetters: ReadonlySet<number> | undefined;
}

/** Options with the defaults filled in (one shape for every rule's options). */
export function wordOptions(o: Partial<WordBeforeOptions> & Pick<WordBeforeOptions, 'gap' | 'letter'>): WordBeforeOptions {
  return { gap: o.gap, gapLeast: o.gapLeast ?? 0, gapMost: o.gapMost ?? Infinity, letter: o.letter, most: o.most ?? Infinity, lastLetters: o.lastLetters };
}

/** Where the gap before s starts: s itself when no gap character stands right before it. */
export function gapBefore(text: string, s: number, o: WordBeforeOptions): number {
  let b = s;
  while (b > 0 && s - b < o.gapMost && (charBits(text.charCodeAt(b - 1)) & o.gap) !== 0) b--;
  return b;
}

/** The span [a, b) of the word ending at b, or undefined (no letter there, or a last letter not in `lastLetters`). */
export function wordEndingAt(text: string, b: number, o: WordBeforeOptions): [number, number] | undefined {
  if (b === 0) return undefined;
  if (o.lastLetters && !o.lastLetters.has(text.charCodeAt(b - 1) | 32)) return undefined;
  let a = b;
  while (a > 0 && b - a < o.most && (charBits(text.charCodeAt(a - 1)) & o.letter) !== 0) a--;
  return a === b ? undefined : [a, b];
}

/**
 * The span [a, b) of the word before the name starting at s, or undefined when no letter stands there after the gap
 * (or the gap is shorter than allowed, or the last letter is not one of `lastLetters`).
 */
export function wordBefore(text: string, s: number, o: WordBeforeOptions): [number, number] | undefined {
  const b = gapBefore(text, s, o);
  return s - b < o.gapLeast ? undefined : wordEndingAt(text, b, o);
}

/*
 * Plain walks over the matcher's text for the naming rules (naming-statements.ts, malware-namings.ts), which read a
 * few words around a trigger once per trigger and need no class table of their own.
 */
const cls = (c: number): number => CLS[c] || classify(c);
const isWord = (t: string, i: number): boolean => i >= 0 && i < t.length && (cls(t.charCodeAt(i)) & C_WORD) !== 0;

/** A space inside a line, after normalisation (' ', NBSP, thin space…; not a line break). */
export const inlineSpace = (c: number): boolean => {
  cls(c);
  return NORM[c] === 32;
};

/** The word [s, e) folded to lower case. */
export function folded(t: string, s: number, e: number): string {
  let w = '';
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    cls(c);
    w += String.fromCharCode(FOLD[c] as number);
  }
  return w;
}

/** Start of the word (letters and digits) ending at `e`, or -1. */
export function wordStartBefore(t: string, e: number): number {
  let k = e;
  while (k > 0 && isWord(t, k - 1)) k--;
  return k < e ? k : -1;
}

/** The end of the word starting at `s`. */
export function wordEndAfter(t: string, s: number): number {
  let k = s;
  while (k < t.length && isWord(t, k)) k++;
  return k;
}

/** The previous word's [start, end) before `s`, over inline spaces only (at least one), or undefined. */
export function prevWord(t: string, s: number): [number, number] | undefined {
  let k = s;
  while (k > 0 && inlineSpace(t.charCodeAt(k - 1))) k--;
  if (k === s) return undefined;
  const a = wordStartBefore(t, k);
  return a >= 0 ? [a, k] : undefined;
}

/** The next word's [start, end) after `e`, over inline spaces only (at least one), or undefined. */
export function nextWord(t: string, e: number): [number, number] | undefined {
  let k = e;
  while (k < t.length && inlineSpace(t.charCodeAt(k))) k++;
  if (k === e || !isWord(t, k)) return undefined;
  return [k, wordEndAfter(t, k)];
}

/** The word ending at `end` (letters, digits, inner hyphens), after at least one inline space before `end`: its start, or -1. */
export function hyphenatedWordBefore(t: string, end: number): number {
  let k = end;
  while (k > 0 && inlineSpace(t.charCodeAt(k - 1))) k--;
  if (k === end) return -1;
  const e = k;
  while (k > 0 && (cls(t.charCodeAt(k - 1)) & C_WORD || (t.charCodeAt(k - 1) === 45 && k - 1 < e - 1 && k >= 2 && cls(t.charCodeAt(k - 2)) & C_WORD))) k--;
  return k < e ? k : -1;
}

/** End of the inline spaces before `s`, i.e. the end of the previous word. */
export function spacesBefore(t: string, s: number): number {
  let k = s;
  while (k > 0 && inlineSpace(t.charCodeAt(k - 1))) k--;
  return k;
}
