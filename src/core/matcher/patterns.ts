/**
 * Possible actors: names that follow the field's naming schemes but are not (yet) in the dictionary. The rules run
 * inside the matcher's single pass (match.ts): code schemes are tried at word starts that begin like one
 * (a sticky expression, anchored), word schemes fire on a trigger word ("Panda", "gang", "actor", "dubbed"…) and
 * look at the words just before or after it. No expression runs over the whole text.
 *
 * Code schemes, written as the field writes them (TA505, UNC2452, FIN7 glued; Storm-0558, DEV-0537, TAG-22 with a
 * hyphen; APT29, APT 29, APT-29) and only on a page with security context: spaced and hyphenated TA/UNC/FIN forms and
 * any code on an ordinary page are product codes, rooms and section numbers ("TA-2000 amplifier", "Room DEV-1234",
 * "Section TA 305"; audit B, finding 9). TA0001…TA0043 are ATT&CK tactic ids, not actors: a TA number starting with
 * 0 is not a possible actor.
 * Word schemes need page security context, and the name must look like a proper name (capitalised, not a stop-list
 * word, not a function word or nationality):
 *  - `scheme`: "<Name> Spider|Panda|Bear|Kitten|Chollima|Typhoon|Sleet|Blizzard|Tempest|Sandstorm|…" (both words;
 *    BI.ZONE's "<Name> Werewolf" and Kaspersky's "<Name> Likho" too: probe set 3, a translated Russian report);
 *  - `gang`: "<Name> gang" / "<Name> Gang" (both words: "<Name> gang" is how the field names a crime crew, see
 *    match.ts; the name alone is then spotted at its bare mentions);
 *  - `ransomware-gang`: "<Name> ransomware gang|group|operators|crew|cartel" (the name only: "ransomware gang" is a
 *    generic noun phrase the name qualifies, see match.ts);
 *  - `threat-actor`: "threat actor|group <Name>", "actor|group|gang|crew known as|dubbed|called|tracked as|named <Name>"
 *    (plurals too: "actors known as <Name>"; with a comma or bracket between, "a group, dubbed <Name>"; in a clause of
 *    the writer's, "a cluster which we call <Name>", "an actor we track as <Name>": match.ts NAMING_CLAUSE), and
 *    "<actor> (aka <Name>)",
 *    "<actor>, also known as <Name>" after an actor's name;
 *  - `named-crew`, `crew-noun`: the crew noun before the name, "we dubbed the eCrime gang “K.V.R.”", "the ransomware
 *    group <Name>" (trigger bit T_OBJECT; naming-statements.ts);
 *  - `apt`: "<Name> APT" (the name; it must sit inside a sentence or be written unlike a plain word, see match.ts
 *    `distinctiveName`). No look-back "<Name> threat actors": reports write it of malware ("Emotet threat actors",
 *    the actors using it), and a dictionary without that malware then took the malware for a crew at every mention.
 * A name may also be an initialism ("R.T.V", see `initialismEndAt`) next to any of these cues; and a name confirmed
 * by a cue is spotted at its bare mentions in the same text (match.ts `oneSensePerText`).
 * Rules were tuned on the AnnoCTR dev split only.
 */
import { commonWords } from './stoplist';
import { MALWARE_HEADS, MALWARE_KINDS } from './malware-namings';
import { CLS as CLS_, C_LOWER as C_LOWER_, C_UPPER as C_UPPER_, FOLD as FOLD_, classify as classify_, isWordCode } from './normalize';

// Local copies of the normalisation tables: a module-local binding is read directly in the hot loops (a
// transpiled re-export may be a getter).
const C_UPPER = C_UPPER_;
const C_LOWER = C_LOWER_;
const CLS = CLS_;
const FOLD = FOLD_;
const classify = classify_;

/**
 * Code schemes, tried with `lastIndex` at a word start (sticky). The matcher's scan (match.ts, run) calls
 * codePatternAt only at words starting with a capital A–U: a scheme starting with another letter must widen that gate.
 */
const CODE_RE = /(?:TA(?!0)\d{3,4}|UNC\d{3,5}|Storm-\d{4}|DEV-\d{4}|FIN\d{1,2}|APT ?-?\d{1,3}|TAG-\d{1,3})/y;
const CODE_RULE: Record<string, string> = { TA: 'ta', UN: 'unc', St: 'storm', DE: 'dev', FI: 'fin', AP: 'apt' };

/** End of a code-scheme name starting at word start `i`, or -1. `rule` receives the rule name. */
export function codePatternAt(text: string, i: number): { end: number; rule: string } | undefined {
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  // T-A, U-N, S-t, D-E, F-I, A-P
  if (!((c0 === 84 && c1 === 65) || (c0 === 85 && c1 === 78) || (c0 === 83 && c1 === 116) || (c0 === 68 && c1 === 69) || (c0 === 70 && c1 === 73) || (c0 === 65 && c1 === 80))) return undefined;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (p === 46 || p === 64 || p === 47 || p === 92 || p === 45) return undefined;
  }
  CODE_RE.lastIndex = i;
  const m = CODE_RE.exec(text);
  if (!m) return undefined;
  // The code ends a word (as the matcher's words end: CJK script is not part of a Latin word, "TA505は") and is no
  // file name ("TA505.exe"). Checked here rather than in the expression: its backtracking can only end the code on a
  // digit, which never ends a word.
  const end = i + m[0].length;
  const next = text.charCodeAt(end);
  if (end < text.length && (isWordCode(next) || (next === 46 && isAsciiWord(text.charCodeAt(end + 1))))) return undefined;
  const rule = m[0].startsWith('TAG') ? 'tag' : (CODE_RULE[m[0].slice(0, 2)] ?? 'code');
  return { end, rule };
}

const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

export const ANIMALS = ['spider', 'panda', 'bear', 'kitten', 'chollima', 'typhoon', 'sleet', 'blizzard', 'tempest', 'sandstorm', 'hail', 'dust', 'flood', 'cyclone', 'werewolf', 'likho'];

/** Trigger bits of a word. */
export const T_ANIMAL = 1;
export const T_GANG = 2;
/** gang, group, operators, crew, cartel: after "<Name> ransomware" */
export const T_CREW = 4;
/** actor, group after "threat" */
export const T_ACTOR = 8;
/** dubbed, called, named, call, dub; "as" after known/tracked */
export const T_NAMING = 16;
/** APT (all capitals) after a name: "the LumaFox APT" */
export const T_APT = 32;
/**
 * A crew noun that a naming statement puts before the name ("we dubbed the group X", "the ransomware gang X":
 * naming-statements.ts)
 */
export const T_OBJECT = 64;
/** aka after an actor's name: "TA505 (aka X)" */
export const T_AKA = 128;
/** A malware kind noun, singular or plural ("backdoor", "loaders", "RAT"): the possible-malware rules (malware-namings.ts) */
export const T_KIND = 256;
/** A noun after a kind noun that a naming statement may follow ("a malware family dubbed X") */
export const T_HEAD = 512;
/** calls, dubs: present-tense naming verbs read only in a relative clause naming software ("which the note calls X") */
export const T_RELATIVE = 1024;
/** brand, operation: "a new brand, X,", "a new ransomware operation called X" (brand-namings.ts) */
export const T_BRAND = 2048;

const TRIGGER_WORDS: [string, number][] = [
  ...ANIMALS.map((w): [string, number] => [w, T_ANIMAL]),
  ['gang', T_GANG | T_CREW | T_OBJECT],
  ['group', T_CREW | T_ACTOR | T_OBJECT],
  ['operators', T_CREW | T_OBJECT],
  ['crew', T_CREW | T_OBJECT],
  ['cartel', T_CREW],
  ['actor', T_ACTOR | T_OBJECT],
  ['actors', T_OBJECT],
  ['adversary', T_OBJECT],
  ['outfit', T_OBJECT],
  ['syndicate', T_OBJECT],
  ['set', T_OBJECT],
  ['apt', T_APT],
  ['aka', T_AKA],
  ['dubbed', T_NAMING],
  ['called', T_NAMING],
  ['named', T_NAMING],
  ['call', T_NAMING],
  ['dub', T_NAMING],
  ['as', T_NAMING],
  ['calls', T_RELATIVE],
  ['dubs', T_RELATIVE],
  ['brand', T_BRAND],
  ['operation', T_BRAND],
  // "malware" has no plural in prose; "shells" only in "web shells" (malware-namings.ts kindNounAt)
  ...MALWARE_KINDS.flatMap((w): [string, number][] => (w === 'malware' || w === 'ransomware' || w === 'spyware' ? [[w, T_KIND]] : [[w, T_KIND], [`${w}s`, T_KIND]])),
  ...MALWARE_HEADS.map((w): [string, number] => [w, T_HEAD]),
];
/** (first folded ASCII letter, length) → first index into TRIGGER_WORDS (sorted by that key), or -1. */
TRIGGER_WORDS.sort((x, y) => x[0].charCodeAt(0) - y[0].charCodeAt(0) || x[0].length - y[0].length);
const TRIGGER_AT = new Int16Array(128 * 16).fill(-1);
TRIGGER_WORDS.forEach(([w], k) => {
  const key = w.charCodeAt(0) * 16 + w.length;
  if (TRIGGER_AT[key] === -1) TRIGGER_AT[key] = k;
});
// Per trigger word: its (first letter, length) key and its last letter, so most words that share a bucket with one
// ("as"/"an", "traffic"/"typhoon") are refused by one comparison (triggerBits was 6 % of a warm 1 MB match in a CPU profile before).
const TRIGGER_KEY = Int16Array.from(TRIGGER_WORDS, ([w]) => w.charCodeAt(0) * 16 + w.length);
const TRIGGER_LAST = Uint16Array.from(TRIGGER_WORDS, ([w]) => w.charCodeAt(w.length - 1));
const TRIGGER_BITS = Uint16Array.from(TRIGGER_WORDS, ([, b]) => b);
const TRIGGER_TEXT = TRIGGER_WORDS.map(([w]) => w);
/**
 * A word can be a trigger only if TRIGGER_FILTER[triggerFilterKey(first, last, length)] is set (first and last:
 * folded code units; any length). One table read in the matcher's scan refuses ≈ 95 % of the words of ordinary prose
 * before triggerBits (the matcher's scan, match.ts, measures what it saved).
 */
export const TRIGGER_FILTER = new Uint8Array(1 << 14);
export const triggerFilterKey = (first: number, last: number, len: number): number => ((first & 31) << 9) | ((last & 31) << 4) | (len & 15);
for (const [w] of TRIGGER_WORDS) TRIGGER_FILTER[triggerFilterKey(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length)] = 1;

/** Does the word [s, e) read `w` (lower-case ASCII), whatever its case? */
export function wordIs(text: string, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let k = 0; k < w.length; k++) if (FOLD[text.charCodeAt(s + k)] !== w.charCodeAt(k)) return false;
  return true;
}

/** Trigger bits of the word [s, e) (0 for most words; a few table reads, no allocation). */
export function triggerBits(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 2 || len > 12) return 0;
  const f = FOLD[text.charCodeAt(s)] as number;
  if (f >= 128) return 0;
  const key = f * 16 + len;
  let k = TRIGGER_AT[key] as number;
  if (k < 0) return 0;
  const last = FOLD[text.charCodeAt(e - 1)] as number;
  for (; k < TRIGGER_KEY.length && TRIGGER_KEY[k] === key; k++) {
    if (TRIGGER_LAST[k] === last && wordIs(text, s, e, TRIGGER_TEXT[k] as string)) return TRIGGER_BITS[k] as number;
  }
  return 0;
}

/** Capitalised words that are never a name in these schemes (function words, nationalities, adjectives). */
const NOT_A_NAME = new Set(
  (
    'the a an this that these those its their our your his her another other each every some several many most such any no ' +
    'new known unknown notorious prolific major minor largest biggest big small giant polar brown grizzly teddy snow ' +
    'russian chinese iranian korean north south east west western eastern ukrainian vietnamese indian pakistani turkish ' +
    'brazilian nigerian american european israeli arab latin criminal cybercriminal cyber global local first second ' +
    'third last previous same one two three if when while after before since ransomware malware threat group gang ' +
    'if but and or so then also both either neither all however although microsoft crowdstrike mandiant proofpoint ' +
    // kinds of crime and actor written as acronyms or category words: "BEC threat actors", "APT groups", "RaaS gangs"
    'bec apt apts raas maas ddos dos ics ot it iot rat rats cve ioc iocs ttp ttps osint edr av crimeware cybercrime ' +
    'hacktivist hacktivists insider fraud scam spam espionage phishing nation state financially'
  ).split(' '),
);

/**
 * Initialisms ("R.T.V", "G.O.L.D"): groups of one to three capitals joined by single dots, at least two groups; a
 * final dot is not taken (it usually ends the sentence). Reports write some crews' names this way; they are spotted
 * only next to a strong cue (the word rules in match.ts), never on their own, as plenty of ordinary initialisms
 * ("U.S.", "E.U.") exist.
 */
const MAX_GROUP = 3;
const upperAt = (text: string, i: number) => i >= 0 && i < text.length && isUpperAt(text, i);

/** End of an initialism starting at `p` (exclusive, without a final dot), or -1. */
export function initialismEndAt(text: string, p: number): number {
  let k = p;
  let groups = 0;
  for (;;) {
    const g0 = k;
    while (k - g0 < MAX_GROUP && upperAt(text, k)) k++;
    if (k === g0 || (k < text.length && isWordCode(text.charCodeAt(k)))) return -1;
    groups++;
    if (text.charCodeAt(k) === 46 && upperAt(text, k + 1)) {
      k++;
      continue;
    }
    return groups >= 2 ? k : -1;
  }
}

/** Start of an initialism whose last group is the word [s, e) ("V" in "R.T.V"), or -1. */
export function initialismStartBefore(text: string, s: number, e: number): number {
  if (e - s > MAX_GROUP || text.charCodeAt(s - 1) !== 46 || !upperAt(text, s - 2)) return -1;
  let k = s;
  while (k >= 2 && text.charCodeAt(k - 1) === 46 && upperAt(text, k - 2)) {
    let g = k - 2;
    while (g > 0 && k - 1 - g < MAX_GROUP && upperAt(text, g - 1)) g--;
    k = g;
  }
  if (k > 0 && (isWordCode(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 46)) return -1;
  return initialismEndAt(text, k) === e ? k : -1;
}

export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return ((CLS[c] || classify(c)) & C_UPPER) !== 0;
}

/** Words that end a name rather than continue it ("the threat actor Cold River Group"). */
const NOT_IN_NAME = new Set('group groups gang gangs team crew actor actors operators hackers apt campaign campaigns ransomware malware by in on at of and or the'.split(' '));

/**
 * End of a name that began with the word ending at `e` and may go on in Title Case words after single spaces
 * ("dubbed Cold River", "the threat actor Brazen Bamboo"): at most `more` further words, none of them a function
 * word, a crew word or a kind ("Cold River Group" → "Cold River").
 */
export function nameRunEnd(text: string, e: number, more = 2): number {
  for (let k = 0; k < more; k++) {
    if (text.charCodeAt(e) !== 32 || !isUpperAt(text, e + 1)) return e;
    let w = e + 2;
    while (w < text.length && ((CLS[text.charCodeAt(w)] || classify(text.charCodeAt(w))) & C_LOWER) !== 0) w++;
    // Title Case only: a capital, then lower-case letters to the end of the word.
    if (w - (e + 1) < 2 || (w < text.length && isWordCode(text.charCodeAt(w)))) return e;
    const word = text.slice(e + 1, w).toLowerCase();
    if (NOT_IN_NAME.has(word) || NOT_A_NAME.has(word)) return e;
    e = w;
  }
  return e;
}

/** Could the word [s, e) be a proper name in a naming scheme? */
export function nameOk(text: string, s: number, e: number): boolean {
  if (e - s < 2 || !isUpperAt(text, s)) return false;
  const w = text.slice(s, e).toLowerCase();
  return !NOT_A_NAME.has(w) && !commonWords().has(w);
}

/**
 * Could the word [s, e) head a crew-scheme name whose scheme word [a, b) follows it? As nameOk, but before BI.ZONE's
 * "Werewolf" and Kaspersky's "Likho" a common word too ("Shadow Werewolf", "Core Werewolf"): those vendors name
 * crews by an ordinary adjective or noun, and neither word is an animal that prose pairs with ordinary words as it
 * does "Red Panda", "Money Spider" or "Golden Bear". Function words, nationalities and the like still refuse.
 */
export function schemeHeadOk(text: string, s: number, e: number, a: number, b: number): boolean {
  if (nameOk(text, s, e)) return true;
  if (e - s < 3 || !isUpperAt(text, s) || NOT_A_NAME.has(text.slice(s, e).toLowerCase())) return false;
  const scheme = text.slice(a, b).toLowerCase();
  return scheme === 'werewolf' || scheme === 'likho';
}

/**
 * Could the Title Case run [s, e) that a naming clause introduces be a name, though its first word [s, w) is a common
 * word ("a cluster we track as Copper Wren", "a group dubbed Silver Quill")? Vendors coin such names from a colour or a
 * material and an animal; the clause says a name follows. Only with a later word that could be a name itself: a common
 * word alone ("dubbed Copper") or with other common words ("known as Blue Water") is what prose says too.
 */
export function commonHeadedNameOk(text: string, s: number, w: number, e: number): boolean {
  if (e <= w || w - s < 2 || !isUpperAt(text, s) || NOT_A_NAME.has(text.slice(s, w).toLowerCase())) return false;
  for (let a = w + 1; a < e; ) {
    let b = a;
    while (b < e && text.charCodeAt(b) !== 32) b++;
    if (nameOk(text, a, b)) return true;
    a = b + 1;
  }
  return false;
}
