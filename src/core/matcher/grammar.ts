/**
 * The sense of a name from the grammar of its sentence, where an actor and a piece of software share the written name
 * (feeds list "OceanLotus" as an alias of an actor and as the name of a malware family; likewise Winnti, Turla,
 * Kimsuky, Naikon, Machete…). People and programs do different things, and a report says which one it means by what
 * the name does or what is done to it:
 *  - actor: the name as the subject of a verb only people do ("X targeted journalists", "X ran the campaign", "X has
 *    been conducting", "X, who…", "X is believed to be based in…"), or the agent after a verb of attribution or of
 *    use ("attributed to X", "used by X", "developed by X", "a campaign carried out by X"), or what a cluster overlaps
 *    with ("overlaps with X");
 *  - software: the name as the subject of a verb only programs do ("X encrypts", "X beacons", "X injects", "X is
 *    loaded", "X was dropped", "X is written in C++"), or the object of a verb of delivery ("deployed X", "dropped
 *    X", "infected with X", "a new variant of X").
 * Verbs both do are left out: "uses", "steals", "exfiltrates", "executes", "exploits", "attacks" ("the stealer steals
 * passwords", "the actor executed commands"); present-tense "targets" only where no platform follows ("X targets
 * Windows" is the software).
 *
 * Only a preference between entities that share the span (match.ts evaluate): the grammar never makes a name match
 * or stops one matching, and it is read only when a cue word next to the name says no kind (cueNear and the other
 * cues win: they are read next to the name) and the span has candidates of both kinds (an actor and a non-actor),
 * which is a few dozen names among thousands — so it costs nothing on ordinary text. No word of these lists is a
 * threat's name.
 */

import { CLS, C_DIGIT, C_LETTER, classify } from './normalize';

export type GrammarSense = 'actor' | 'software';

// The word lists are phrases: a space stands for one or more spaces or no-break spaces, letters match in any case.
// They are read by hand rather than by one regular expression: compiling that expression (case-insensitive, with
// Unicode classes) cost 16–24 ms at its first use on every page that named such a name, in the slice that met it.

/** Adverbs and auxiliaries that may stand between a subject and its verb ("X has also been targeting"), up to three. */
const AUX = [
  'has', 'have', 'had', 'been', 'is', 'are', 'was', 'were', 'will', 'would', 'may', 'might', 'can', 'could', 'also', 'in turn', 'usually', 'typically',
  'generally', 'increasingly', 'specifically', 'historically', 'traditionally', 'consistently', 'reportedly', 'allegedly', 'apparently', 'likely',
  'probably', 'previously', 'recently', 'then', 'later', 'again', 'now', 'still', 'first', 'once', 'actively', 'primarily', 'mainly', 'mostly', 'often',
  'frequently', 'repeatedly', 'continues to', 'continued to', 'began', 'started', 'went on to',
];
const MAX_AUX = 3;
/** A form of "be" among the words before the verb makes a past participle passive ("X was targeted by…"). */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been']);

/** Verbs whose subject is a person or a crew (past and participle forms, "ran", and base forms after a modal or
 * "continues to"). */
const ACTOR_VERBS = [
  'target', 'targeted', 'targeting', 'ran', 'conduct', 'conducted', 'conducting', 'conducts', 'orchestrated', 'orchestrating', 'orchestrate', 'carry out', 'carried out', 'carrying out', 'carries out',
  'compromise', 'compromised', 'stole', 'breached', 'hacked', 'phished', 'spear-phished', 'spearphished', 'recruited', 'recruits', 'impersonated', 'posed as', 'registered', 'rented', 'purchased', 'bought', 'sold',
  'claimed responsibility', 'demanded', 'negotiated', 'extorted', 'announced', 'sought',
  'is believed', 'are believed', 'was believed', 'is thought', 'is assessed', 'is suspected', 'is based in', 'was based in', 'are based in',
];
/** Verbs whose subject is a program (present tense, as reports describe behaviour) or that are done to a program. */
const softwareVerbs = () => [
  'encrypts', 'decrypts', 'beacons', 'beaconed', 'injects', 'loads', 'drops', 'downloads', 'connects', 'communicates', 'persists', 'propagates', 'self-propagates', 'spreads', 'infects', 'listens', 'deobfuscates', 'unpacks', 'decompresses',
  ...['is', 'was', 'are', 'were', 'gets', 'got', 'being'].flatMap((be) =>
    ['loaded', 'dropped', 'deployed', 'delivered', 'installed', 'executed', 'injected', 'downloaded', 'compiled', 'packed', 'obfuscated', 'written in', 'signed', 'sideloaded', 'side-loaded', 'distributed', 'detected', 'launched', 'decrypted', 'unpacked'].map((v) => `${be} ${v}`),
  ),
];
/** What a program is said to target: the platform, not a victim ("X targets Windows"). */
const PLATFORMS = new Set(['windows', 'linux', 'macos', 'mac', 'android', 'ios', 'unix', 'esxi', 'x86', 'x64', 'arm', 'mips', 'iot', 'router', 'routers', 'device', 'devices', 'platform', 'platforms', 'system', 'systems', 'browser', 'browsers', 'machine', 'machines', 'host', 'hosts', 'server', 'servers', 'endpoint', 'endpoints']);
/** Text read after the name. */
const AFTER_CHARS = 120;

/** Verbs of attribution and of use whose agent is a crew ("attributed to X", "used by X"). */
const actorBefore = () => [
  ...['attributed', 'attributable', 'attribution'].map((w) => `${w} to`),
  ...['used', 'deployed', 'developed', 'operated', 'run', 'conducted', 'carried out', 'launched', 'orchestrated', 'employed', 'authored', 'created', 'written', 'leveraged', 'targeted', 'claimed'].map((w) => `${w} by`),
  // a cluster is said to overlap with a vendor's name for a crew ("the activity overlaps with X"); code is said to share
  // code with a family
  ...['overlaps', 'overlap', 'overlapped', 'overlapping'].map((w) => `${w} with`),
];
/** Verbs of delivery and nouns of a build whose object is a program ("deployed X", "infected with X", "a variant of X"). */
const softwareBefore = () => [
  ...['deploy', 'deliver', 'install', 'load', 'download', 'sideload', 'side-load'].flatMap((v) => [v, `${v}s`, `${v}ed`, `${v}ing`]),
  'drop', 'drops', 'dropped', 'dropping',
  ...['execut', 'distribut', 'detonat'].flatMap((v) => [`${v}es`, `${v}ed`, `${v}ing`]),
  'infected with',
  ...['variant', 'variants', 'version', 'versions', 'sample', 'samples', 'copies', 'copy', 'instance', 'instances', 'strain', 'strains', 'build', 'builds'].map((w) => `${w} of`),
];
/** Words that may stand between such a verb and the name, up to two ("deployed the new X"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'new', 'its', 'their', 'latest']);
/** Text read before the name. */
const BEFORE_CHARS = 64;

type Sense = GrammarSense | undefined;
interface Phrase {
  text: string;
  sense: GrammarSense;
  /** An actor verb that is a past participle: read as passive after a form of "be". */
  participle: boolean;
}

/** Phrases by their first (or last) run of ASCII letters, in list order. */
function index(groups: [string[], GrammarSense][], last: boolean): Map<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const [list, sense] of groups) {
    for (const text of new Set(list)) {
      const runs = text.split(/[^a-z]+/);
      const key = (last ? runs[runs.length - 1] : runs[0]) as string;
      const phrase = { text, sense, participle: sense === 'actor' && !text.endsWith('ing') };
      map.set(key, [...(map.get(key) ?? []), phrase]);
    }
  }
  return map;
}
/**
 * The phrase indexes, built when a name is first read for its grammar: a page with no name never needs them, and
 * building them took ≈ 0.6 ms of `content.js`'s evaluation in every new renderer.
 */
let phraseIndexes: { verbsByFirst: Map<string, Phrase[]>; auxByFirst: Map<string, Phrase[]>; beforeByLast: Map<string, Phrase[]> } | undefined;
function indexes(): NonNullable<typeof phraseIndexes> {
  return (phraseIndexes ??= {
    verbsByFirst: index([[ACTOR_VERBS, 'actor'], [softwareVerbs(), 'software']], false),
    auxByFirst: index([[AUX, 'actor']], false),
    beforeByLast: index([[actorBefore(), 'actor'], [softwareBefore(), 'software']], true),
  });
}

const isSpace = (c: number) => c === 32 || c === 160;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);
/** A letter, a digit or "_": what may not follow a word for it to end there. */
function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c) || c === 95;
  return ((CLS[c] || classify(c)) & (C_LETTER | C_DIGIT)) !== 0;
}

/** Is code unit c the phrase's character pc (a lower-case letter matches in either case)? */
const sameLetter = (c: number, pc: number) => c === pc || (pc >= 97 && pc <= 122 && c === pc - 32);

/** End of `phrase` read forward from i (before lim), or -1. */
function phraseFrom(t: string, i: number, lim: number, phrase: string): number {
  for (let q = 0; q < phrase.length; q++) {
    const pc = phrase.charCodeAt(q);
    if (pc === 32) {
      if (i >= lim || !isSpace(t.charCodeAt(i))) return -1;
      while (i < lim && isSpace(t.charCodeAt(i))) i++;
    } else if (i < lim && sameLetter(t.charCodeAt(i), pc)) i++;
    else return -1;
  }
  return i;
}

/** Start of `phrase` read backward from p (not before lo), or -1. */
function phraseTo(t: string, p: number, lo: number, phrase: string): number {
  for (let q = phrase.length - 1; q >= 0; q--) {
    const pc = phrase.charCodeAt(q);
    if (pc === 32) {
      if (p <= lo || !isSpace(t.charCodeAt(p - 1))) return -1;
      while (p > lo && isSpace(t.charCodeAt(p - 1))) p--;
    } else if (p > lo && sameLetter(t.charCodeAt(p - 1), pc)) p--;
    else return -1;
  }
  return p;
}

/** The run of ASCII letters starting at i, lower-cased. */
function runFrom(t: string, i: number, lim: number): string {
  let j = i;
  while (j < lim && isAsciiLetter(t.charCodeAt(j))) j++;
  return t.slice(i, j).toLowerCase();
}

/** The first phrase of `map` read at i and ending a word there, with its end. */
function wordPhraseAt(t: string, i: number, lim: number, map: Map<string, Phrase[]>): { phrase: Phrase; end: number } | undefined {
  for (const phrase of map.get(runFrom(t, i, lim)) ?? []) {
    const end = phraseFrom(t, i, lim, phrase.text);
    if (end >= 0 && (end >= lim || !isWordChar(t.charCodeAt(end)))) return { phrase, end };
  }
  return undefined;
}

/** "targets" then a victim, not a platform ("X targets Windows" is said of programs and crews alike). */
function targetsVictimAt(t: string, i: number, lim: number): number {
  const end = phraseFrom(t, i, lim, 'targets');
  if (end < 0 || end >= lim || !isSpace(t.charCodeAt(end))) return -1;
  let q = end;
  while (q < lim && isSpace(t.charCodeAt(q))) q++;
  const platformAt = (k: number) => {
    let j = k;
    while (j < lim && isAsciiAlnum(t.charCodeAt(j))) j++;
    return PLATFORMS.has(t.slice(k, j).toLowerCase()) && (j >= lim || !isWordChar(t.charCodeAt(j)));
  };
  if (platformAt(q)) return -1;
  const the = phraseFrom(t, q, lim, 'the ');
  if (the >= 0 && platformAt(the)) return -1;
  return end;
}

/** The name as subject: null when the words after it read as no verb phrase, else the sense they give (maybe none). */
function senseAfter(t: string, end: number): Sense | null {
  const { auxByFirst, verbsByFirst } = indexes();
  const lim = Math.min(t.length, end + AFTER_CHARS);
  let i = end;
  while (i < lim && isSpace(t.charCodeAt(i))) i++;
  // "X, who…"
  if (i < lim && t.charCodeAt(i) === 44) {
    let j = i + 1;
    while (j < lim && isSpace(t.charCodeAt(j))) j++;
    const word = runFrom(t, j, lim);
    const k = j + word.length;
    if ((word === 'who' || word === 'whom') && (k >= lim || !isWordChar(t.charCodeAt(k)))) return 'actor';
  }
  if (i === end || i >= lim) return null;
  // Up to three auxiliaries, then the verb; with fewer auxiliaries where that reads a verb ("is believed").
  const starts = [i];
  const passive: boolean[] = [false];
  for (let k = 0; k < MAX_AUX; k++) {
    const at = starts[k] as number;
    let next = -1;
    let be = false;
    for (const aux of auxByFirst.get(runFrom(t, at, lim)) ?? []) {
      const e = phraseFrom(t, at, lim, aux.text);
      if (e >= 0 && e < lim && isSpace(t.charCodeAt(e))) {
        next = e;
        be = PASSIVE_AUX.has(aux.text);
        break;
      }
    }
    if (next < 0) break;
    while (next < lim && isSpace(t.charCodeAt(next))) next++;
    starts.push(next);
    passive.push((passive[k] as boolean) || be);
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const at = starts[k] as number;
    if (targetsVictimAt(t, at, lim) >= 0) return 'actor';
    const verb = wordPhraseAt(t, at, lim, verbsByFirst);
    if (!verb) continue;
    if (verb.phrase.sense === 'software') return 'software';
    return passive[k] && verb.phrase.participle ? undefined : 'actor';
  }
  return null;
}

/** The name as agent or object: the sense of a verb phrase right before it, up to two determiners and a quote apart. */
function senseBefore(t: string, start: number): Sense {
  const { beforeByLast } = indexes();
  const lo = Math.max(0, start - BEFORE_CHARS);
  let p = start;
  const q = p > lo ? t.charCodeAt(p - 1) : 0;
  if (q === 34 || q === 39 || q === 0x201c || q === 0x2018) p--;
  for (let dets = 0; dets <= 2; dets++) {
    const wordEnd = p;
    while (p > lo && isSpace(t.charCodeAt(p - 1))) p--;
    if (p === wordEnd) return undefined;
    let s = p;
    while (s > lo && isAsciiLetter(t.charCodeAt(s - 1))) s--;
    const word = t.slice(s, p).toLowerCase();
    for (const phrase of beforeByLast.get(word) ?? []) {
      const from = phraseTo(t, p, lo, phrase.text);
      if (from < 0) continue;
      const c = from > lo ? t.charCodeAt(from - 1) : 32;
      if (from === lo || !(isWordChar(c) || c === 45)) return phrase.sense;
    }
    if (!DETERMINERS.has(word) || s <= lo || !isSpace(t.charCodeAt(s - 1))) return undefined;
    p = s;
  }
  return undefined;
}

/**
 * The sense the sentence gives the name at [start, end) of `text`, or undefined when its grammar says neither. What
 * follows the name is read first (the name as subject), then what precedes it (the name as agent or object).
 */
export function grammarSense(text: string, start: number, end: number): GrammarSense | undefined {
  const named = nameStatementSense(text, end);
  if (named) return named;
  const after = senseAfter(text, end);
  if (after !== null) return after;
  if (start === 0) return undefined;
  return senseBefore(text, start);
}

/**
 * "X is an older name that not everyone accepts as the same group", "X was another name for the backdoor": a sentence
 * that calls the name a name says what it names by the first crew or software noun in the rest of the sentence.
 */
const NAME_STATEMENT = /^[ \u00a0]+(?:is|was|remains)[ \u00a0]+(?:(?:an?|the|another)[ \u00a0]+)?(?:(?:older|earlier|former|previous|other|alternative|alternate|second|old|legacy|outdated)[ \u00a0]+)?names?(?![\p{L}\p{N}_-])([^.;!?]{0,160})/u;
const NAMED_NOUN = /(?:^|[^\p{L}\p{N}_-])(?:(group|groups|actor|actors|crew|gang|cluster|adversary|team|apt|intrusion set|operators)|(malware|family|families|backdoor|trojan|implant|loader|rootkit|tool|toolkit|stealer|wiper|botnet))(?![\p{L}\p{N}_-])/iu;

function nameStatementSense(text: string, end: number): GrammarSense | undefined {
  const m = NAME_STATEMENT.exec(text.slice(end, end + 200));
  if (!m) return undefined;
  const rest = (m[1] as string).split(/\n[ \t>]*\n/)[0] as string;
  const n = NAMED_NOUN.exec(rest);
  if (!n) return undefined;
  return n[1] ? 'actor' : 'software';
}
