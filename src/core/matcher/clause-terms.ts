/**
 * A word-like name (Turla, Kimsuky, Gamaredon, Emotet) next to a word of attack in its own sentence: "Turla used a
 * new backdoor against European ministries.", "Kimsuky is phishing South Korean think tanks." A post, a headline or a
 * ticker item is one such sentence, with one security word: too few for page context (hasSecurityContext wants two
 * distinct terms), yet a reader plainly sees the threat. The sentence is the context instead, for a name that is no
 * English word and reads as a proper name (a capital, then lower case: not an initialism, UPS, GOP, nor a word in
 * capitals), or for a name in a vendor's scheme ("Fancy Bear sent phishing emails"). Flagged and frequent-word names
 * (Lazarus, Sandworm, Cobalt, Milan) are not vouched for by a word of attack; a flagged one only by a security agency
 * or vendor reporting its attack, on a page without security context (sentenceVouches, short-text-signals.ts, which
 * also holds the signals of a sentence with no word of attack).
 *
 * The words are fewer than SECURITY_TERMS: only words that name an attack or a kind of malicious software, never the
 * words a software project's own prose uses of itself ("hacking on the parser", "GNU hackers", "incident response",
 * "APT" of Debian's package tool), so that a first name in a changelog's credits ("thanks to Denis for hacking on
 * this") stays a name. "trojan" and "phish" only in lower case: "the Trojan horse", the band Phish. The trade's own
 * coinages count too (malvertising, malspam, cryptojacking, web shell, bootkit, exploit kit): no other trade uses
 * them, and a post says "Researchers found a new Zloader loader spreading through malvertising" with no other. Not
 * "loader", "stealer" or "variant": wheel loaders, a scene stealer, a virus's variants.
 *
 * Measured (session 20, helper T, with the feeds): short security texts written for the tests 17 → 39 of their 45
 * names (short-texts.fixtures.ts), their 51 ordinary short texts 0 → 0 spots (11 of them built to trip this rule: a
 * first name, a city, a pet next to "phishing" or "backdoor"); AnnoCTR dev and test scores and the 991 corpus
 * predictions unchanged; Debian's /usr/share/doc (3,509 files) 4,103 → 4,103 spots; the texts of the repo's tests
 * 2,059 → 2,065 (six names in security sentences).
 */
import { ANIMALS } from './patterns';
import { actAfterName, blamedFor, crewAfter, crewOfSoftware, cyberAct, orgInText, ownNounAfter, passiveAgent, reporterIn, tradeCompoundAfter } from './short-text-signals';
import { once } from './once';

const CLAUSE_TERMS = /\b(?:malware|ransomware|malvertising|malspam|cryptojacking|web ?shells?|bootkits?|exploit kits?|backdoors?|(?:spear-?)?phishing|phish(?:es|ed)?|botnets?|infostealers?|spyware|keyloggers?|rootkits?|cyber[- ]?attacks?|cyber-?espionage|threat actors?|threat groups?|zero-days?|exfiltrat(?:e|es|ed|ing|ion)|command[- ]and[- ]control|C2|CVE-\d{4}-\d+|trojans?|credential (?:theft|dumping|harvesting)|(?:dump|dumping|harvest|harvesting) credentials)\b/gi;
/** Characters either side of the name read for a term: one sentence of a post. */
const CLAUSE_CHARS = 200;

/** Index where the sentence holding `i` starts (a line break or ". " before it), at most CLAUSE_CHARS back. */
function sentenceStart(text: string, i: number): number {
  const lo = Math.max(0, i - CLAUSE_CHARS);
  for (let k = i - 1; k >= lo; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return k + 1;
    if ((c === 46 || c === 33 || c === 63) && k + 1 < i && /\s/.test(text.charAt(k + 1))) return k + 1;
  }
  return lo;
}

/** Index where the sentence holding `i` ends, at most CLAUSE_CHARS on. */
function sentenceEnd(text: string, i: number): number {
  const hi = Math.min(text.length, i + CLAUSE_CHARS);
  for (let k = i; k < hi; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return k;
    if ((c === 46 || c === 33 || c === 63) && (k + 1 >= text.length || /\s/.test(text.charAt(k + 1)))) return k;
  }
  return hi;
}

/**
 * The words of attack last found in one sentence (start, end, flattened): the names of a sentence share it. Cost
 * measured on 1 MB of prose with three refused word-like names a sentence and no word of attack (the worst case:
 * every name asks): ≈ 300 ms a match against ≈ 265 ms without this rule, medians of 7 on the shared 2-core machine,
 * whose noise is of that size (the same build with the rule switched off measured 278–296 ms).
 */
let memoText = '';
let memoA = -1;
let memoB = -1;
let memoHits: number[] = [];
/** The memo's sentence was read whole: its bounds are those of any name inside it. */
let memoWhole = false;

/** The words of attack in text[a, b), start and end flattened. */
function attackWords(text: string, a: number, b: number): number[] {
  if (text === memoText && a === memoA && b === memoB) return memoHits;
  const hits: number[] = [];
  const sentence = text.slice(a, b);
  CLAUSE_TERMS.lastIndex = 0;
  for (let m = CLAUSE_TERMS.exec(sentence); m; m = CLAUSE_TERMS.exec(sentence)) {
    const w = m[0];
    const s = m.index + a;
    const first = w.charCodeAt(0);
    // "C2" in capitals only (a part number's "c2"); "trojan" and "phish" in lower case only ("Phishing" opens sentences)
    if ((first === 99 && w.length === 2) || (first === 84 && (w.charCodeAt(1) | 32) === 114) || (first === 80 && w !== 'Phishing')) continue;
    // the ASCII \b does not see a letter beyond ASCII glued to the word
    const after = text.charAt(s + w.length);
    if (after > '\x7f' && /\p{L}/u.test(after)) continue;
    hits.push(s, s + w.length);
  }
  memoText = text;
  memoA = a;
  memoB = b;
  memoHits = hits;
  memoWhole = false;
  return hits;
}

/** Does a word of attack stand in text[a, b), outside [start, end)? */
function attackWordIn(text: string, a: number, b: number, start: number, end: number): boolean {
  const hits = attackWords(text, a, b);
  for (let k = 0; k < hits.length; k += 2) if (!((hits[k] as number) < end && (hits[k + 1] as number) > start)) return true;
  return false;
}

/**
 * The next sentence speaks of the name again by a word for a threat as its subject: "Kimsuky is back. The group is
 * phishing think tanks again." A post often names the threat, then says what it does. Not "it", "they" or "he": "It is
 * a story of escape, not of malware" after a film's title, people.
 */
const ANAPHOR = /^[ \u00a0]+(?:The|This|That) (?:group|actor|actors|operators|hackers|malware|trojan|loader|botnet|backdoor|stealer|infostealer|ransomware)\b/;

/** Does a word of attack stand in the sentence of [start, end), outside the name, or in the next one if it speaks of the name (ANAPHOR)? */
function attackWordInSentence(text: string, start: number, end: number): boolean {
  // a name inside the sentence read last, found whole (not cut at CLAUSE_CHARS), has its bounds
  const inMemo = text === memoText && memoWhole && start >= memoA && end <= memoB;
  const a = inMemo ? memoA : sentenceStart(text, start);
  const b = inMemo ? memoB : sentenceEnd(text, end);
  const whole = inMemo || ((a === 0 || a > start - CLAUSE_CHARS) && (b === text.length || b < end + CLAUSE_CHARS));
  if (attackWordIn(text, a, b, start, end)) return true;
  memoWhole = whole;
  if (b >= text.length || text.charCodeAt(b) === 10 || !ANAPHOR.test(text.slice(b + 1, b + 24))) return false;
  const next = attackWordIn(text, b + 1, sentenceEnd(text, b + 2), start, end);
  memoWhole = false;
  return next;
}

/**
 * What the words around the name say it is when no security word is about it: the first part of a longer proper name
 * ("Rex Tillerson warned of cyber attacks"), a compound ("Skynet-style malware"), a place by the noun after it ("Tripoli port hit by cyberattack"), something an appositive describes
 * ("Bella, our intern, ran the phishing quiz"; a threat's appositive is what page context or a cue reads), a person who
 * speaks or is thanked ("Denis said the phishing test went well", "Thanks to Denis for reporting the backdoor", as a
 * changelog credits people), a pet or a colleague ("our dog Rex"). The sentence then vouches for nothing.
 */
const AFTER_NAME = once(() => /^(?:-\p{L}|[ \u00a0]+\p{Lu}\p{Ll}|,[ \u00a0]+(?:the|a|an|our|my|your|his|her|their|its|who|whose)\b|[ \u00a0]+(?:port|harbou?r|airport|city|town|council|mayor|police|residents|hospital|university|officials|municipality|province|county|river|valley)\b|[ \u00a0]+(?:said|says|told|tells|wrote|writes|asked|asks|explained|explains|added|adds|noted|notes|thinks|thought|warned|warns|reported|reports|recalled|recalls|believes|argued|argues)\b)/u);
const BEFORE_NAME = once(() => /(?:\b(?:thanks|thank you|credits?|grateful)[ \u00a0]+to|\bcourtesy of|\b(?:reported|written|contributed|patched|fixed|suggested|sent|submitted|reviewed|translated)[ \u00a0]+by|\b(?:our|my|your|his|her|their)[ \u00a0]+\p{Ll}+)[ \u00a0]+$/iu);

/**
 * Do the words next to the name at [s, e) make it something else than a threat (AFTER_NAME, BEFORE_NAME)? `signalAfter`:
 * the word after the name is already read as the signal that vouches for it (an attack it does, its own noun, its
 * crew), so a capital there is a headline's Title Case ("Sandworm Hits…", "Dridex Operators…"), not a longer name's.
 */
function notAboutThreat(text: string, s: number, e: number, signalAfter = false): boolean {
  return (!signalAfter && AFTER_NAME().test(text.slice(e, e + 16))) || BEFORE_NAME().test(text.slice(Math.max(0, s - 32), s));
}

/** Words of four letters or more: Title Case leaves the short ones ("of", "on", "a") in lower case. */
const LONG_WORD = once(() => /\p{L}{4,}/gu);

/**
 * Is the sentence text[a, b) a Title Case headline: at least three words of four letters or more besides the name at
 * [s, e), at most one of them in lower case? "Gamaredon Uses New Backdoor Against Ukrainian Agencies", not "Rex
 * Tillerson warned of cyber attacks on the grid." A capital after a name there is the headline's, not a longer name's.
 */
function titleCase(text: string, a: number, b: number, s: number, e: number): boolean {
  let words = 0;
  let lower = 0;
  const sentence = text.slice(a, b);
  const longWord = LONG_WORD();
  longWord.lastIndex = 0;
  for (let m = longWord.exec(sentence); m; m = longWord.exec(sentence)) {
    const at = m.index + a;
    if (at >= s && at < e) continue;
    words++;
    if (m[0] === m[0].toLowerCase()) lower++;
    if (lower > 1) return false;
  }
  return words >= 3;
}

/**
 * Is the sentence around [s, e) a Title Case headline ("New Threat Actor Spreads Malware Through Fake Updates")? There
 * a capital says nothing of a name: every word has one.
 */
export function headlineCase(text: string, s: number, e: number): boolean {
  return titleCase(text, sentenceStart(text, s), sentenceEnd(text, e), s, e);
}

/**
 * notAboutThreat for a curated name (short-text-signals.ts curatedName): a capital after it in a Title Case headline is
 * the headline's ("Qakbot Returns, Now Pushing Pikabot").
 */
export function notAboutCuratedThreat(text: string, s: number, e: number): boolean {
  return notAboutThreat(text, s, e, titleCase(text, sentenceStart(text, s), sentenceEnd(text, e), s, e));
}

/** The alias reads as a proper name: a capital, then at least one lower-case letter ("Turla", not "UPS" or "BISCUIT"). */
const PROPER = once(() => /^\p{Lu}\p{Ll}/u);
/** Title Case words ending in a vendor scheme's word ("Fancy Bear", "Charming Kitten"; compile.ts isSchemeName). */
const SCHEME = once(() => new RegExp(`^(?:\\p{Lu}\\p{Ll}+ )+(?:${ANIMALS.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('|')})$`, 'u'));

/** Is `name` written as a vendor scheme's crew name ("Lace Tempest", "Wizard Spider")? */
export function schemeNamed(name: string): boolean {
  return SCHEME().test(name);
}

/** May the sentence vouch for this word-like alias: no English word and shaped like a proper name, or a scheme name? */
function clauseMayVouch(alias: string, english: boolean): boolean {
  return english ? SCHEME().test(alias) : PROPER().test(alias);
}

/** The alias being decided: as written in the data, whether it is made of English words, of software, curated (short-text-signals.ts curatedName). */
export interface VouchedName {
  alias: string;
  english: boolean;
  software: boolean;
  curated: boolean;
}

/**
 * Does the name's own sentence vouch for the word-like or flagged alias at [s, e): a word of attack for a name that
 * may be vouched for so (clauseMayVouch); after a curated software name its own noun ("Cobalt Strike beacons") or its
 * crew with a noun of the trade ("Dridex operators switched to a new loader"); a kind of malware and a noun for its
 * instances after a software name that is no English word ("Lumma loader variant"); a security agency or vendor
 * reporting the name's attack, or an agency of law enforcement reporting an attack of the trade (short-text-signals.ts).
 * A flagged name (Sandworm, Lazarus: an ordinary word or a surname too) needs the agency or the kind of malware: a word
 * of attack alone does not do. The tests beside the name come first, and a text
 * naming no agency or vendor asks nothing of a flagged one: a page without security context asks this of every flagged
 * name it holds (Royal, Play, Cobalt). Cost on 1 MB of prose with five flagged or word-like names a sentence and no
 * security context (the worst case), CPU time, medians of 15 a run, against the build before session 21's signals in
 * the same minutes: no agency or vendor in the text, 299–310 ms against 326–344 (the machine's noise; without the
 * per-text test, 320–340 against 297–317); one "ESET" at its top, 305–353 ms against 284–309 (+5 to +15 %).
 */
export function sentenceVouches(text: string, s: number, e: number, name: VouchedName, flagged: boolean): boolean {
  const org = orgInText(text);
  const mayVouch = clauseMayVouch(name.alias, flagged ? false : name.english);
  // a kind of malware and its instances vouch for a flagged name too, but not for an English word ("Royal loader
  // variants" at a farm fair)
  const compound = name.software && !name.english && PROPER().test(name.alias) && tradeCompoundAfter(text, e);
  if (flagged && !org && !compound) return false;
  const curatedSoftware = !flagged && name.software && name.curated;
  const reported = org && mayVouch;
  const doesAttack = reported && (actAfterName(text, e) || blamedFor(text, s, e));
  const own = curatedSoftware && ownNounAfter(text, e);
  const crew = curatedSoftware && mayVouch && !own && crewAfter(text, e);
  const passive = reported && !doesAttack && passiveAgent(text, s);
  const word = mayVouch && attackWordInSentence(text, s, e);
  if (!(doesAttack || own || crew || passive || word || compound)) return false;
  const a = sentenceStart(text, s);
  const b = sentenceEnd(text, e);
  // the word after the name read as the signal (an attack it does, the attribution's "to", its own noun, its crew, a
  // kind of malware); a curated name in a Title Case headline, where every word has its capital ("Gamaredon Uses New
  // Backdoor…")
  if (notAboutThreat(text, s, e, doesAttack || own || crew || compound || (name.curated && titleCase(text, a, b, s, e)))) return false;
  if (compound || (!flagged && (word || own))) return true;
  if (crew && crewOfSoftware(text, a, b, s, e)) return true;
  if (!(doesAttack || passive || (flagged && word))) return false;
  const reporter = reporterIn(text, a, b, s, e);
  // the police and the like report any crime: only an attack of the trade, or one a word of attack names
  return reporter === 'security' || (reporter === 'law' && (word || cyberAct(text, s, e)));
}
