/**
 * Which of several software entities that share a name a mention means: what each entity is (its platform and its
 * class — ransomware, banking trojan, stealer, RAT…) and what the words right next to the mention say ("the Medusa
 * Android banking trojan", "the Medusa ransomware gang", "Medusa, an Android banker", "Gravity RAT for Android").
 *
 * Feeds list one family per platform (malpedia: "Medusa (Android)", "Medusa (Windows)", "SysJoker (ELF)") and the
 * same name for unrelated families of different classes (the ransomware Medusa, the Android banking trojan Medusa).
 * Prose never writes the qualifier in brackets; it writes the platform or the class next to the name, and that is
 * the evidence read here. compile.ts stores each entity's traits; match.ts scores how well the words next to a
 * mention fit each candidate (traitFit) after the actor/software cue and before the entity's own name.
 *
 * Bits 0–9: platforms; bits 10–24: classes. Kept small and explicit: a word missing here is simply no evidence.
 */
import type { Entity } from '../model/entity';
import { once } from './once';

export const P_WINDOWS = 1 << 0;
export const P_LINUX = 1 << 1;
export const P_MAC = 1 << 2;
export const P_ANDROID = 1 << 3;
export const P_IOS = 1 << 4;
export const P_PYTHON = 1 << 5;
export const P_JAVASCRIPT = 1 << 6;
export const P_POWERSHELL = 1 << 7;
export const P_VBSCRIPT = 1 << 8;
export const P_AUTOIT = 1 << 9;
export const PLATFORM_BITS = (1 << 10) - 1;

export const K_RANSOMWARE = 1 << 10;
export const K_BANKER = 1 << 11;
export const K_STEALER = 1 << 12;
export const K_RAT = 1 << 13;
export const K_LOADER = 1 << 14;
export const K_BACKDOOR = 1 << 15;
export const K_BOTNET = 1 << 16;
export const K_WIPER = 1 << 17;
export const K_MINER = 1 << 18;
export const K_SPYWARE = 1 << 19;
export const K_KEYLOGGER = 1 << 20;
export const K_ROOTKIT = 1 << 21;
export const K_WORM = 1 << 22;
export const K_WEBSHELL = 1 << 23;
export const K_POS = 1 << 24;
export const CLASS_BITS = ((1 << 25) - 1) & ~PLATFORM_BITS;

/** How a word must be written to count: as any case, with a capital first ("Windows", not a house's windows), or in capitals ("RAT", "ELF", "POS"). */
const ANY = 0;
const CAPITAL = 1;
const CAPS = 2;

/** Words that say a platform or a class, lower case → [bits, how it must be written]. */
const WORDS = new Map<string, readonly [number, number]>([
  ['windows', [P_WINDOWS, CAPITAL]],
  ['linux', [P_LINUX, CAPITAL]],
  ['elf', [P_LINUX, CAPS]],
  // ESXi lockers are the ELF builds of ransomware families ("the Babuk ESXi variant")
  ['esxi', [P_LINUX, ANY]],
  ['macos', [P_MAC, ANY]],
  ['osx', [P_MAC, ANY]],
  ['mac', [P_MAC, CAPITAL]],
  ['android', [P_ANDROID, ANY]],
  ['ios', [P_IOS, ANY]],
  ['python', [P_PYTHON, CAPITAL]],
  ['javascript', [P_JAVASCRIPT, ANY]],
  ['powershell', [P_POWERSHELL, ANY]],
  ['vbscript', [P_VBSCRIPT, ANY]],
  ['autoit', [P_AUTOIT, ANY]],
  ['ransomware', [K_RANSOMWARE, ANY]],
  ['raas', [K_RANSOMWARE, ANY]],
  ['banking', [K_BANKER, ANY]],
  ['banker', [K_BANKER, ANY]],
  ['stealer', [K_STEALER, ANY]],
  ['infostealer', [K_STEALER, ANY]],
  ['rat', [K_RAT, CAPS]],
  ['loader', [K_LOADER, ANY]],
  ['downloader', [K_LOADER, ANY]],
  ['dropper', [K_LOADER, ANY]],
  ['backdoor', [K_BACKDOOR, ANY]],
  ['botnet', [K_BOTNET, ANY]],
  ['ddos', [K_BOTNET, ANY]],
  ['wiper', [K_WIPER, ANY]],
  ['miner', [K_MINER, ANY]],
  ['cryptominer', [K_MINER, ANY]],
  ['coinminer', [K_MINER, ANY]],
  ['spyware', [K_SPYWARE, ANY]],
  ['stalkerware', [K_SPYWARE, ANY]],
  ['keylogger', [K_KEYLOGGER, ANY]],
  ['rootkit', [K_ROOTKIT, ANY]],
  ['worm', [K_WORM, ANY]],
  ['webshell', [K_WEBSHELL, ANY]],
  ['pos', [K_POS, CAPS]],
]);
/** Nouns that head a phrase about software without saying a class ("Android malware", "a Windows trojan"). */
const HEADS = new Set(['malware', 'trojan', 'tool', 'implant', 'app', 'application', 'agent', 'family', 'variant', 'version', 'strain', 'build', 'payload', 'sample', 'framework']);
/** Words that may sit inside such a phrase ("remote access trojan", "information stealer", "OS X"). */
const FILLERS = new Set(['remote', 'access', 'administration', 'info', 'information', 'password', 'credential', 'web', 'shell', 'mobile', 'new', 'os', 'horse', 'sms']);

/** A plural's singular ("botnets", "RATs", "trojans"), else the word itself. */
const singular = (word: string): string => (word.length >= 4 && (word.endsWith('s') || word.endsWith('S')) ? word.slice(0, -1) : word);

/** A head noun, singular or plural ("malware", "trojans")? */
const isHead = (lower: string): boolean => HEADS.has(lower) || HEADS.has(singular(lower));

/** A word's bits when it belongs in a phrase about software (0 for a head or a filler), else -1. */
function wordBits(word: string): number {
  const lower = word.toLowerCase();
  const listed = WORDS.has(lower) ? word : singular(word);
  const w = WORDS.get(listed.toLowerCase());
  if (w) {
    const [bits, how] = w;
    if (how === CAPS && listed !== listed.toUpperCase()) return -1;
    if (how === CAPITAL && listed.charAt(0) === listed.charAt(0).toLowerCase()) return -1;
    return bits;
  }
  // "X" only as written in "OS X" (phraseBits); a lower-case x is a letter of prose
  if (word === 'X') return 0;
  return isHead(lower) || FILLERS.has(lower) ? 0 : -1;
}

/** "remote access|administration trojan|tool": a RAT, however the words are split. */
function phraseBits(words: readonly string[]): number {
  let bits = 0;
  let remote = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    const lower = w.toLowerCase();
    const b = wordBits(w);
    if (b > 0) bits |= b;
    if (lower === 'remote') remote = true;
    else if (remote && (lower === 'access' || lower === 'administration')) bits |= K_RAT;
    // "OS X": the X only after OS
    if (w === 'X' && k > 0 && (words[k - 1] as string).toLowerCase() === 'os') bits |= P_MAC;
    if (lower === 'web' && (words[k + 1] ?? '').toLowerCase() === 'shell') bits |= K_WEBSHELL;
  }
  return bits;
}

/** A word of a phrase: letters and digits, apart from the one before by spaces or a hyphen (".NET" is not read). */
const WORD_AFTER = once(() => /^(?:[ \u00a0]+|[ \u00a0]*[-\u2010\u2011][ \u00a0]*)([\p{L}\p{N}]+)/u);
export const WORD_BEFORE = once(() => /([\p{L}\p{N}]+)(?:[ \u00a0]+|[ \u00a0]*[-\u2010\u2011][ \u00a0]*)$/u);
/** WORD_BEFORE at one offset (wordBefore). */
const WORD_BEFORE_AT = once(() => new RegExp(WORD_BEFORE().source, 'uy'));
/** Per UTF-16 code unit: 1 a letter or digit (\p{L}, \p{N}), 2 not, 0 not yet read. */
const LETTER_OR_DIGIT_OF = new Uint8Array(65536);
function letterOrDigit(c: number): boolean {
  let v = LETTER_OR_DIGIT_OF[c] as number;
  if (v === 0) LETTER_OR_DIGIT_OF[c] = v = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
const isSpaceOrNbsp = (c: number): boolean => c === 32 || c === 0xa0;

/**
 * WORD_BEFORE's match in `head`: the separator at its end and the run of letters and digits before it are found
 * from the end, and the expression run once, at the run's start, where its search from the left (trying every
 * offset of a `$`-anchored expression, ≈ 2 µs a name) would find it: no match starts before that run, whose
 * character before is no letter or digit, and none inside it that does not match from its start.
 */
export function wordBefore(head: string): RegExpExecArray | null {
  let k = head.length;
  while (k > 0 && isSpaceOrNbsp(head.charCodeAt(k - 1))) k--;
  const h = head.charCodeAt(k - 1);
  if (k > 0 && (h === 45 || h === 0x2010 || h === 0x2011)) {
    k--;
    while (k > 0 && isSpaceOrNbsp(head.charCodeAt(k - 1))) k--;
  }
  if (k === head.length) return null;
  let a = k;
  while (a > 0) {
    const c = head.charCodeAt(a - 1);
    if (c >= 0xdc00 && c <= 0xdfff && a >= 2) {
      const hi = head.charCodeAt(a - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        // an astral character: a letter or digit as a pair
        if (!LETTER_OR_DIGIT.test(head.slice(a - 2, a))) break;
        a -= 2;
        continue;
      }
    }
    if (!letterOrDigit(c)) break;
    a--;
  }
  if (a === k) return null;
  const re = WORD_BEFORE_AT();
  re.lastIndex = a;
  return re.exec(head);
}
const MAX_WORDS = 4;
const REACH = 64;
const OPEN_QUOTES = new Set([34, 39, 0x201c, 0x2018]);
const CLOSE_QUOTES = new Set([34, 39, 0x201d, 0x2019]);
// Built once (a literal in cueTraits was a new object at each call, for every candidate whose words may decide).
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LINE_BREAK = /[\n\r]/;
const APPOSITIVE_OPENING = /^,[ \u00a0]+(?:an?|the)(?=[ \u00a0])/u;
const FOR_ON = /^[ \u00a0]+(?:for|on)(?=[ \u00a0])/u;

/** The phrase-worthy words at the start of `rest` (stops at the first other word or punctuation). */
function wordsAfter(rest: string): string[] {
  const out: string[] = [];
  let r = rest;
  while (out.length < MAX_WORDS) {
    const m = WORD_AFTER().exec(r);
    if (!m || wordBits(m[1] as string) < 0) break;
    out.push(m[1] as string);
    r = r.slice(m[0].length);
  }
  return out;
}

/**
 * The platform and class bits the words right next to the mention [s, e) of `text` say: a phrase after it ("Medusa
 * Android banking trojan", "Medusa's Android variant", "Medusa ransomware gang"), an appositive (", an Android
 * banker"), "for|on <platform>" ("Gravity RAT for Android"), or a phrase before it ("the Android banking trojan
 * Medusa"). Same line only; at most MAX_WORDS words each side.
 */
export function cueTraits(text: string, s: number, e: number): number {
  let bits = 0;
  let p = e;
  // "Medusa's Android variant": a possessive; "“Medusa” Android trojan": a closing quote
  const possessive = (text.charCodeAt(p) === 39 || text.charCodeAt(p) === 0x2019) && (text.charCodeAt(p + 1) | 32) === 115 && !LETTER_OR_DIGIT.test(text.charAt(p + 2));
  if (possessive) p += 2;
  else if (CLOSE_QUOTES.has(text.charCodeAt(p))) p++;
  let rest = text.slice(p, p + REACH);
  const nl = rest.search(LINE_BREAK);
  if (nl >= 0) rest = rest.slice(0, nl);
  const appositive = APPOSITIVE_OPENING.exec(rest);
  if (appositive) rest = rest.slice(appositive[0].length);
  const forOn = appositive ? null : FOR_ON.exec(rest);
  if (forOn) {
    const w = WORD_AFTER().exec(rest.slice(forOn[0].length));
    const b = w ? wordBits(w[1] as string) : -1;
    if (b > 0) bits |= b & PLATFORM_BITS;
  } else bits |= phraseBits(wordsAfter(rest));
  // before the name
  let q = s;
  if (q > 0 && OPEN_QUOTES.has(text.charCodeAt(q - 1))) q--;
  let head = text.slice(Math.max(0, q - REACH), q);
  const br = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  if (br >= 0) head = head.slice(br + 1);
  const before: string[] = [];
  while (before.length < MAX_WORDS) {
    const m = wordBefore(head);
    if (!m || wordBits(m[1] as string) < 0) break;
    before.unshift(m[1] as string);
    head = head.slice(0, head.length - m[0].length);
  }
  return bits | phraseBits(before);
}

/**
 * The platform qualifiers malpedia writes after a family's name (misp.ts adds the bare name to one variant per name;
 * here every variant is read): "SystemBC (Windows)" → "SystemBC", Windows.
 */
const QUALIFIED = once(() => /^(.+?)[ \u00a0]*\((Windows|ELF|Linux|OS X|macOS|Android|iOS|symbian|JavaScript|PowerShell|Python|VBScript|\.NET|AutoIT)\)$/iu);
const QUALIFIER_BITS: Record<string, number> = { windows: P_WINDOWS, elf: P_LINUX, linux: P_LINUX, 'os x': P_MAC, macos: P_MAC, android: P_ANDROID, ios: P_IOS, javascript: P_JAVASCRIPT, powershell: P_POWERSHELL, python: P_PYTHON, vbscript: P_VBSCRIPT, autoit: P_AUTOIT };
/** Malpedia's placeholders ("Unidentified 061 (ELF)"): the bare part names no family. */
const PLACEHOLDER = once(() => /^Unidentified\b/iu);

/** "Medusa (Android)" → { bare: "Medusa", bits: P_ANDROID }; undefined for a name with no platform qualifier. */
export function platformQualified(name: string): { bare: string; bits: number } | undefined {
  const m = QUALIFIED().exec(name.trim());
  const bare = m?.[1]?.trim();
  if (!m || !bare || PLACEHOLDER().test(bare)) return undefined;
  return { bare, bits: QUALIFIER_BITS[(m[2] as string).toLowerCase()] ?? 0 };
}

/** A name's last word when it says the class ("Raccoon Stealer", "Gravity RAT", "NjRAT" glued). */
function nameClass(name: string): number {
  const words = name.trim().split(/[\s\u00a0-]+/);
  const last = words[words.length - 1] ?? '';
  if (words.length >= 2) {
    const b = wordBits(last);
    if (b > 0) return b & CLASS_BITS;
  }
  return /[\p{Ll}\p{N}]RAT$/u.test(last) ? K_RAT : 0;
}

const SENTENCE_END = once(() => /[.;:!?](?:\s|$)|\n/u);
const DESC_WORD = once(() => /[\p{L}\p{N}]+/gu);

/**
 * What a description's opening sentence says the software is: the platform and class of the first phrase that names
 * software ("this is an Android banking trojan", "a Windows remote administration tool", "A ransomware operation"),
 * and the class of the first phrase with a class word ("The Android app … is a SMS stealer"). Only the opening
 * phrase: a description goes on to say what the family is not ("often confused with the Medusa Android malware").
 */
function descriptionTraits(description: string): number {
  const cut = description.slice(0, 400);
  const end = cut.search(SENTENCE_END());
  const sentence = end >= 0 ? cut.slice(0, end) : cut;
  let platform = -1;
  let cls = -1;
  let run: string[] = [];
  let last = -1;
  const flush = () => {
    if (!run.length) return;
    const bits = phraseBits(run);
    const named = (bits & CLASS_BITS) > 0 || run.some((w) => isHead(w.toLowerCase()));
    if (named && platform < 0) platform = bits & PLATFORM_BITS;
    if (bits & CLASS_BITS && cls < 0) cls = bits & CLASS_BITS;
    run = [];
  };
  for (const m of sentence.matchAll(DESC_WORD())) {
    const w = m[0];
    const at = m.index;
    // words of one phrase are apart by spaces or a hyphen only
    if (run.length && !/^[ \u00a0-]+$/u.test(sentence.slice(last, at))) flush();
    if (wordBits(w) < 0) {
      flush();
    } else run.push(w);
    last = at + w.length;
    if (platform >= 0 && cls >= 0) break;
  }
  flush();
  return Math.max(platform, 0) | Math.max(cls, 0);
}

/** An entity's traits: its kind (ransomware), its names' qualifier and class word, its description's opening. */
export function entityTraits(entity: Pick<Entity, 'kind' | 'name' | 'aliases' | 'description'>): number {
  if (entity.kind === 'actor') return 0;
  let bits = entity.kind === 'ransomware' ? K_RANSOMWARE : 0;
  const q = platformQualified(entity.name);
  if (q) bits |= q.bits;
  bits |= nameClass(entity.name);
  for (const a of entity.aliases) bits |= nameClass(a.name);
  if (entity.description) {
    const d = descriptionTraits(entity.description);
    // a platform the name says is the entity's; the description's only where the name says none
    bits |= q ? d & CLASS_BITS : d;
  }
  return bits;
}

/**
 * How well the words next to a mention (`cue`, cueTraits) fit an entity's traits: per dimension (platform, class)
 * +1 where they share a bit, −1 where both say something and share none, 0 where either says nothing. −2…2.
 */
export function traitFit(cue: number, traits: number): number {
  let fit = 0;
  for (const mask of [PLATFORM_BITS, CLASS_BITS]) {
    const c = cue & mask;
    const t = traits & mask;
    if (!c || !t) continue;
    fit += c & t ? 1 : -1;
  }
  return fit;
}
