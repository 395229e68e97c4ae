/**
 * One sense per collocation (audit B2): a word-like name read as a word of another proper name in prose ("By Dana
 * Whitfield and Luca Royal", "bets on Royal Ascot") is that name again where the same two words stand together
 * elsewhere in the text, where no prose surrounds them to tell (a comment's author line "Luca Royal", a menu entry
 * "Royal Ascot"). Kept per text: the two words as written, the name's neighbour a Title Case word on its line.
 */
import { W_SPACE, W_UNICODE_LETTER, wordBefore, wordOptions } from './word-before';

// The expressions are built once (a literal in a function is a new object at each call: these run for every
// candidate once a text has read a name as part of another).
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}_-]/u;
const isTitleCase = (w: string) => TITLE_CASE.test(w);
/** One space, then a word of any script, of which at most 24 letters are read. */
const NEIGHBOUR_BEFORE = wordOptions({ gap: W_SPACE, gapLeast: 1, gapMost: 1, letter: W_UNICODE_LETTER, most: 24 });
/** The Title Case word right before [s, …) with one space between, or undefined. */
function titleBefore(text: string, s: number): string | undefined {
  if (s < 3 || text.charCodeAt(s - 1) !== 32) return undefined;
  const span = wordBefore(text, s, NEIGHBOUR_BEFORE);
  const w = span ? text.slice(span[0], span[1]) : '';
  return isTitleCase(w) ? w : undefined;
}
/** The Title Case word right after […, e) with one space between, or undefined. */
function titleAfter(text: string, e: number): string | undefined {
  if (text.charCodeAt(e) !== 32) return undefined;
  // a Title Case word opens with a capital: an ASCII character that is not one settles it
  const c = text.charCodeAt(e + 1);
  if (c < 128 && (c < 65 || c > 90)) return undefined;
  let b = e + 1;
  while (b < text.length && b - e < 24 && LETTER.test(text[b] as string)) b++;
  const w = text.slice(e + 1, b);
  return isTitleCase(w) && !WORD_CHAR.test(text[b] ?? ' ') ? w : undefined;
}

export class OtherNames {
  private pairs = new Set<string>();
  clear(): void {
    this.pairs.clear();
  }
  /** The name at [s, e) was read as a word of another proper name: remember it with its Title Case neighbours. */
  note(text: string, s: number, e: number): void {
    const name = text.slice(s, e);
    const before = titleBefore(text, s);
    const after = titleAfter(text, e);
    if (before) this.pairs.add(`${before} ${name}`);
    if (after) this.pairs.add(`${name} ${after}`);
  }
  /** Do the name at [s, e) and a neighbour of it make a pair read as another name earlier in the text? */
  has(text: string, s: number, e: number): boolean {
    if (this.pairs.size === 0) return false;
    // one of the neighbours must be a space away: most names stop here
    if (text.charCodeAt(s - 1) !== 32 && text.charCodeAt(e) !== 32) return false;
    const name = text.slice(s, e);
    const before = titleBefore(text, s);
    if (before && this.pairs.has(`${before} ${name}`)) return true;
    const after = titleAfter(text, e);
    return !!after && this.pairs.has(`${name} ${after}`);
  }
}
