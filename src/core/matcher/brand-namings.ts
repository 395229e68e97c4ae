/**
 * Ransomware brands a report introduces as new: "a new brand, Cardlow, entered the leak-site top ten", "a new
 * ransomware brand called Cardlow", "a new extortion operation dubbed Cardlow". Leak-site reports count brands, not
 * families or crews, and write the newcomer's name with no kind noun a malware rule could read. Kept narrow: the noun
 * follows "a new", and "operation" (a police or business one as often) counts only after "ransomware" or
 * "extortion"; a bare "brand" needs a ransomware word near (a fashion or car brand is the word's usual sense).
 * Pure functions on the matcher's text; the caller checks the name and the page's security context.
 */
import { coinedShape } from './malware-namings';
import { folded, inlineSpace, nextWord, prevWord, wordEndAfter, wordStartBefore } from './word-before';

const EXTORTION_WORDS = new Set(['ransomware', 'extortion']);
const BRAND_NAMING_VERBS = new Set(['called', 'named', 'dubbed', 'codenamed']);
/** A ransomware report's words: within NEAR_BEFORE characters before the noun or NEAR_AFTER after it. */
const RANSOM_NEAR = /ransom|extortion|leak[- ]sites?\b|data[- ]leak/i;
const NEAR_BEFORE = 1500;
const NEAR_AFTER = 300;

export type BrandName = { at: number; end?: number };

/**
 * The name introduced after the brand noun [bs, be): `{ at, end }` for a name set off by commas ("a new brand,
 * Cardlow, entered"), `{ at }` for a name after a naming verb (its extent read by the caller as for "dubbed X"), or
 * undefined.
 */
export function newBrandName(t: string, bs: number, be: number, midSentence: (s: number) => boolean): BrandName | undefined {
  const noun = folded(t, bs, be);
  if (noun !== 'brand' && noun !== 'operation') return undefined;
  let w = prevWord(t, bs);
  let extortion = false;
  if (w && EXTORTION_WORDS.has(folded(t, w[0], w[1]))) {
    extortion = true;
    w = prevWord(t, w[0]);
  }
  if (!w || folded(t, w[0], w[1]) !== 'new') return undefined;
  const art = prevWord(t, w[0]);
  if (!art || !(folded(t, art[0], art[1]) === 'a' || folded(t, art[0], art[1]) === 'another')) return undefined;
  if (noun === 'operation' && !extortion) return undefined;
  if (!extortion && !RANSOM_NEAR.test(t.slice(Math.max(0, bs - NEAR_BEFORE), Math.min(t.length, be + NEAR_AFTER)))) return undefined;
  if (t.charCodeAt(be) === 44) {
    let p = be + 1;
    while (p < t.length && inlineSpace(t.charCodeAt(p))) p++;
    if (p === be + 1) return undefined;
    const e = wordEndAfter(t, p);
    const shape = e > p ? coinedShape(t, p, e) : undefined;
    if (!shape || (shape === 'title' && !midSentence(p)) || t.charCodeAt(e) !== 44) return undefined;
    return { at: p, end: e };
  }
  const v = nextWord(t, be);
  if (!v || !BRAND_NAMING_VERBS.has(folded(t, v[0], v[1]))) return undefined;
  let q = v[1];
  while (q < t.length && inlineSpace(t.charCodeAt(q))) q++;
  if (q === v[1]) return undefined;
  const c = t.charCodeAt(q);
  if (c === 34 || c === 0x201c || c === 39 || c === 0x2018) q++;
  return { at: q };
}

/** Words that may stand between the article and "brand" in an appositive ("an extortion-only brand", "a data-theft brand"). */
const MAX_BRAND_MODIFIERS = 3;
/** Title Case words a brand's name may have before the appositive ("World Leaks, an extortion-only brand"). */
const MAX_BRAND_WORDS = 3;

/**
 * "… continue as Cardlow Leaks, an extortion-only brand": a name set off by a comma before "a"/"an", lower-case or
 * hyphenated modifiers, one of them the trade's ("extortion-only", "ransomware"), and the noun [bs, be) "brand", with
 * a ransomware report's words near. Returns the name's
 * [start, end) — one to three capitalised words after a lower-case word inside the sentence — or undefined.
 */
export function appositiveBrandName(t: string, bs: number, be: number, midSentence: (s: number) => boolean): [number, number] | undefined {
  if (folded(t, bs, be) !== 'brand') return undefined;
  let w = prevToken(t, bs);
  let trade = false;
  for (let k = 0; w && k < MAX_BRAND_MODIFIERS && !ARTICLES.has(folded(t, w[0], w[1])); k++) {
    if (!LOWER_FIRST.test(t.charAt(w[0]))) return undefined;
    if (TRADE_MODIFIER.test(t.slice(w[0], w[1]))) trade = true;
    w = prevToken(t, w[0]);
  }
  // the appositive says the brand's trade: "a cosmetics brand" in a story about its attack is the victim's
  if (!trade || !w || !ARTICLES.has(folded(t, w[0], w[1]))) return undefined;
  let c = w[0];
  while (c > 0 && inlineSpace(t.charCodeAt(c - 1))) c--;
  if (c === w[0] || t.charCodeAt(c - 1) !== 44) return undefined;
  const end = c - 1;
  const last = wordStartBefore(t, end);
  if (last < 0 || !UPPER_FIRST.test(t.charAt(last))) return undefined;
  let start = last;
  let n = prevWord(t, start);
  for (let k = 1; n && k < MAX_BRAND_WORDS && n[1] === start - 1 && UPPER_FIRST.test(t.charAt(n[0])); k++) {
    start = n[0];
    n = prevWord(t, start);
  }
  if (!n || n[1] !== start - 1 || !LOWER_FIRST.test(t.charAt(n[0])) || !midSentence(start)) return undefined;
  if (!RANSOM_NEAR.test(t.slice(Math.max(0, bs - NEAR_BEFORE), Math.min(t.length, be + NEAR_AFTER)))) return undefined;
  return [start, end];
}

/** The word before `s` over inline spaces, a hyphenated word whole ("extortion-only"). */
function prevToken(t: string, s: number): [number, number] | undefined {
  const w = prevWord(t, s);
  if (!w) return undefined;
  let a = w[0];
  while (a > 1 && t.charCodeAt(a - 1) === 45) {
    const b = wordStartBefore(t, a - 1);
    if (b < 0) break;
    a = b;
  }
  return [a, w[1]];
}

const ARTICLES = new Set(['a', 'an']);
/** Modifiers that say a brand's trade is extortion ("extortion-only", "ransomware", "data-leak", "data-theft"). */
const TRADE_MODIFIER = /ransom|extortion|data-leak|theft|cybercrim/i;
const LOWER_FIRST = /\p{Ll}/u;
const UPPER_FIRST = /\p{Lu}/u;
