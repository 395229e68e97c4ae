/**
 * A family listed beside a known one: reports name new families in the same breath as the ones everybody knows
 * ("Pteranodon and GammaSteel both seen", "Kazuar, Snake, TinyTurla"). A word of a coined shape (listedFamilyWord)
 * joined by a comma, "and" or "or" to a malware name the dictionary holds is read as possible malware on a page with
 * security context (match.ts, after a known malware match). A Title Case word is not: lists of threats also hold
 * places, vendors and products. The candidate must pass the possible-malware name tests (malware-namings.ts
 * malwareNameOk: no platform, product, vendor, API function or file name).
 */
import { CLS, C_LETTER, C_WORD, classify } from './normalize';

const cls = (c: number): number => CLS[c] || classify(c);

/** What joins two items of a list, after the first: a comma, "and", "or", a comma before either. */
const JOINT_AFTER = /^(?:[ \u00a0]*,[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)/;
/** The same joint, before the second. */
const JOINT_BEFORE = /(?:[ \u00a0]*,[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)$/;
/** The longest joint read: ", and " with spaces to spare. */
const JOINT_CHARS = 10;

/** The word after the list joint that follows [.., e): its [start, end), or undefined. */
export function itemAfter(t: string, e: number): [number, number] | undefined {
  const m = JOINT_AFTER.exec(t.slice(e, e + JOINT_CHARS));
  if (!m) return undefined;
  const a = e + m[0].length;
  let b = a;
  while (b < t.length && cls(t.charCodeAt(b)) & C_WORD) b++;
  return b > a && cls(t.charCodeAt(a)) & C_LETTER ? [a, b] : undefined;
}

/** The word before the list joint that precedes [s, ..): its [start, end), or undefined. */
export function itemBefore(t: string, s: number): [number, number] | undefined {
  const m = JOINT_BEFORE.exec(t.slice(Math.max(0, s - JOINT_CHARS), s));
  if (!m) return undefined;
  const b = s - m[0].length;
  let a = b;
  while (a > 0 && cls(t.charCodeAt(a - 1)) & C_WORD) a--;
  return a < b && cls(t.charCodeAt(a)) & C_LETTER ? [a, b] : undefined;
}

/**
 * May the word [a, b) be a family listed with a known one? Two or three capitalised parts ("GammaSteel",
 * "ShadeLatch"), or digits inside its letters ("Gh0stVeil"): a camel-case word with a part in capitals is a protocol's or
 * a product's ("WebDAV", "OAuth"), and capitals alone are as often an initialism ("MITRE", "DNSSEC"). Not the
 * modifier of a plural noun after it ("OneNote attachments", "GitLab runners"): what the family came through.
 */
export function listedFamilyWord(t: string, a: number, b: number, shape: string | undefined): boolean {
  if (shape === 'camel') {
    if (!/^(?:\p{Lu}\p{Ll}+){2,3}$/u.test(t.slice(a, b))) return false;
  } else if (shape !== 'digit') return false;
  const next = /^[ \u00a0]+(\p{Ll}+)/u.exec(t.slice(b, b + 24));
  return !next || !/s$/.test(next[1] as string) || NOT_NOUNS.has(next[1] as string);
}

/** Lower-case words ending in "s" that are no plural noun. */
const NOT_NOUNS: ReadonlySet<string> = new Set(['was', 'has', 'is', 'as', 'does', 'this', 'its', 'us', 'plus', 'across', 'unless', 'thus']);
