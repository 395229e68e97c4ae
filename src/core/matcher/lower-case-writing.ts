/**
 * Writing in lower case: posts, chat and ticket notes often leave every word uncapitalised ("final payload is lumma
 * on two boxes", "10:31 edr flagged it, looks like mimikatz"). There a coined name written in lower case is still the
 * name; in capitalised prose a lower-case word spelled like a name is something else (a command, a package, a slug, a
 * word of another language), so elsewhere the matcher reads a name only in its written case (match.ts).
 */
import { CLS, C_LETTER, C_LOWER, C_UPPER, C_WORD, classify } from './normalize';

const cls = (c: number): number => CLS[c] || classify(c);
/** How far back the start of a name's sentence is looked for. */
const MAX_BACK = 400;
/** How far either side of a name the sentences that show the writer's habit are counted. */
const AROUND = 500;
const LOWER = 1;
const UPPER = 2;

/**
 * May a lower-case writer's word stand for this alias (its case signature, level and English flag from compile.ts)?
 * One word of at least five letters, written with a capital in the data, no English word (a lower-case "bloodhound"
 * is the dog), and not of the most common words' level. The prefilter asks the same, so that it never clears such a text.
 */
export function lowerWritable(sig: string, level: number, english: boolean): boolean {
  return level <= 2 && !english && sig.length >= 5 && sig !== sig.toLowerCase() && !/[^\p{L}\p{N}]/u.test(sig);
}

/**
 * Is [s, e) written with no capital letter, and not joined by a hyphen to another word (a lower-case "git-pickaxe" is a
 * command's name)?
 */
export function writtenLower(t: string, s: number, e: number): boolean {
  if (t.charCodeAt(s - 1) === 45 || t.charCodeAt(e) === 45) return false;
  for (let k = s; k < e; k++) if (cls(t.charCodeAt(k)) & C_UPPER) return false;
  return true;
}

/**
 * Is the sentence holding `s` written by someone who capitalises nothing: it opens with a word wholly in lower case,
 * and so do at least two of the sentences within AROUND characters, no fewer than open with a capital (one sentence
 * in lower case inside capitalised prose is a slug or a command line, not the writer's habit)?
 */
export function lowerCaseSentence(t: string, s: number): boolean {
  const a = sentenceStart(t, s);
  if (a < 0) return false;
  const own = openingAt(t, a);
  // The name's own sentence may be a list item ("- m.silva: next step is usually qakbot. didn't see it."): a ticket's
  // notes are items. A changelog's items are lower case too ("- fscrypt: fix the owner check"), so an item counts
  // only when it holds a further sentence that opens in lower case: a writer who capitalises nothing, not a title.
  if (own !== LOWER && !(own === 0 && openingAt(t, a, true) === LOWER && lowerSentenceInLine(t, a))) return false;
  const [lower, upper] = openings(t, Math.max(0, s - AROUND), Math.min(t.length, s + AROUND));
  return lower >= 2 && lower >= upper;
}

/** A line break, or a sentence end before a space or a line break (openings). */
const SENTENCE_ENDS = /\n|[.!?](?=[ \n])/g;

/** How many sentences opening after a line break or a sentence end in [from, to) open in lower case, and in capitals. */
function openings(t: string, from: number, to: number): [number, number] {
  let lower = 0;
  let upper = 0;
  // The expression finds each line break, and each ".", "!" or "?" before a space or a line break, at the character
  // (the look-ahead keeps the line break after a full stop a find of its own): ≈ 4× faster than reading every character
  // in a loop (1 MB: 4.2 → 1.1 ms), which lowerCaseWriters does over the whole text.
  const re = SENTENCE_ENDS;
  re.lastIndex = from;
  while (re.test(t)) {
    const next = re.lastIndex;
    if (next > to) break;
    const at = t.charCodeAt(next - 1) === 10 ? next : next + 1;
    const o = openingAt(t, at);
    if (o === LOWER) lower++;
    else if (o === UPPER) upper++;
  }
  return [lower, upper];
}

/** Does the line from `a` hold a sentence after a ".", "!" or "?" that opens in lower case? */
function lowerSentenceInLine(t: string, a: number): boolean {
  for (let k = a; k < t.length && t.charCodeAt(k) !== 10; k++) {
    const c = t.charCodeAt(k);
    if ((c === 46 || c === 33 || c === 63) && t.charCodeAt(k + 1) === 32 && openingAt(t, k + 2) === LOWER) return true;
  }
  return false;
}

/** Where the sentence holding `s` starts: after a line break or a ".", "!" or "?" before a space; -1 when too far back. */
function sentenceStart(t: string, s: number): number {
  const stop = Math.max(0, s - MAX_BACK);
  for (let a = s; a > stop; a--) {
    const c = t.charCodeAt(a - 1);
    if (c === 10) return a;
    if ((c === 46 || c === 33 || c === 63) && (t.charCodeAt(a) === 32 || t.charCodeAt(a) === 10)) return a;
  }
  return stop === 0 ? 0 : -1;
}

/**
 * How the sentence starting at `a` opens: LOWER or UPPER by its first word of letters, 0 when the line has none or is
 * a list item (unless `item`). A
 * timestamp, a bullet, a quote mark or an @handle before that word is skipped; a word with a capital inside ("iPhone",
 * "eBay") is a brand's spelling and opens UPPER.
 */
function openingAt(t: string, a: number, item = false): number {
  let k = a;
  while (k < t.length && (t.charCodeAt(k) === 32 || t.charCodeAt(k) === 9)) k++;
  // a list item (a changelog's entries, release notes): terse by convention, whoever writes it; read as it opens only
  // when `item`
  const m = t.charCodeAt(k);
  if ((m === 42 || m === 45 || m === 43 || m === 0x2022) && (t.charCodeAt(k + 1) === 32 || t.charCodeAt(k + 1) === 9)) {
    if (!item) return 0;
    k += 2;
  }
  for (; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 10) return 0;
    if (c === 64) {
      while (k + 1 < t.length && cls(t.charCodeAt(k + 1)) & C_WORD) k++;
      continue;
    }
    if (cls(c) & C_LETTER) break;
  }
  let lower = false;
  for (let j = k; j < t.length && cls(t.charCodeAt(j)) & C_LETTER; j++) {
    if (cls(t.charCodeAt(j)) & C_UPPER) return UPPER;
    if (cls(t.charCodeAt(j)) & C_LOWER) lower = true;
  }
  return lower ? LOWER : 0;
}

/** The fewest sentences opening in lower case that make a thread's writer (a post, its quoted replies). */
const THREAD_LOWER_MIN = 4;

/**
 * Does someone in the text write in lower case: at least THREAD_LOWER_MIN sentences open with a lower-case word, and
 * they are a third or more of all sentences? A help forum's thread mixes such a poster with helpers who capitalise
 * but keep the poster's spelling of the names ("your logs show lumma, not redline"); a report's few command lines
 * are a small share of its sentences.
 */
export function lowerCaseWriters(t: string): boolean {
  const first = openingAt(t, 0);
  const [rest, restUpper] = openings(t, 0, t.length);
  const lower = rest + (first === LOWER ? 1 : 0);
  const upper = restUpper + (first === UPPER ? 1 : 0);
  return lower >= THREAD_LOWER_MIN && 2 * lower >= upper;
}
