/**
 * The word right before a name, for the rules that read it ("the online moniker \"Royal\"", "the album 'Phoenix'",
 * "By Luca Royal", "Google Play"). One walk for all of them: back over what may stand between the word and the name
 * (spaces, quotes, a colon…), then back over the word's letters. Each rule says which characters those are; the word's
 * extra conditions (on its own, Title Case, a listed noun) stay with the rule.
 */

export interface WordBeforeOptions {
  /** May this character stand between the word and the name? */
  gap: (c: number) => boolean;
  /** Fewest and most gap characters (default 0 and unbounded). */
  gapLeast?: number;
  gapMost?: number;
  /** Is this character a letter of the word? */
  letter: (c: number) => boolean;
  /**
   * Most letters read (default unbounded): a longer word yields only its last `most` letters, so a rule comparing
   * with short listed words never walks a long token (a hyphen-free chain of letters) to its start.
   */
  most?: number;
  /** The word's last letter must pass this (lower-cased ASCII code) before any letter is walked: most names stop here. */
  lastLetters?: ReadonlySet<number>;
}

/** Where the gap before s starts: s itself when no gap character stands right before it. */
export function gapBefore(text: string, s: number, o: WordBeforeOptions): number {
  let b = s;
  const gapMost = o.gapMost ?? s;
  while (b > 0 && s - b < gapMost && o.gap(text.charCodeAt(b - 1))) b--;
  return b;
}

/** The span [a, b) of the word ending at b, or undefined (no letter there, or a last letter not in `lastLetters`). */
export function wordEndingAt(text: string, b: number, o: WordBeforeOptions): [number, number] | undefined {
  if (b === 0) return undefined;
  if (o.lastLetters && !o.lastLetters.has(text.charCodeAt(b - 1) | 32)) return undefined;
  const most = o.most ?? b;
  let a = b;
  while (a > 0 && b - a < most && o.letter(text.charCodeAt(a - 1))) a--;
  return a === b ? undefined : [a, b];
}

/**
 * The span [a, b) of the word before the name starting at s, or undefined when no letter stands there after the gap
 * (or the gap is shorter than allowed, or the last letter is not one of `lastLetters`).
 */
export function wordBefore(text: string, s: number, o: WordBeforeOptions): [number, number] | undefined {
  const b = gapBefore(text, s, o);
  return s - b < (o.gapLeast ?? 0) ? undefined : wordEndingAt(text, b, o);
}

/** ASCII letters. */
export const asciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
/** Spaces that stand between words on one line in the rules' texts: the space and the no-break space. */
export const isSpace = (c: number): boolean => c === 32 || c === 0xa0;
