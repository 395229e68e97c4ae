/**
 * Prefilter: a compact summary of the dictionary (the first SIG_CHARS edges of the trie, as the trie walk sees
 * them) that lets a content script decide, without the dictionary, that a text cannot hold a match, so pages that do
 * not concern ActorLens cost one pass over their text and never load the dictionary.
 *
 * Exactness: `mayMatch(text) === false` implies `createMatcher(dict).match(text, opts)` is empty. The trie walk
 * from a word start consumes, per step, either a run of separators (edge 32, or none at a letter↔digit switch: keys
 * never hold a space there) or one code unit c (edge FOLD[c]); the prefilter walks the text the same way, up to
 * SIG_CHARS edges, and looks up what it has read after each edge. A signature of SIG_CHARS edges stands for every
 * name below it in the trie; a shorter one for the names ending there, which need a word end next (or a glued
 * "RAT"). Each signature carries the weakest case requirement of its names: a name matched only as written, with
 * its capital, cannot start at a word written in lower case; one matched as written, in capitals or camel-case needs
 * a lower→upper step within its reach. Possible actors: code patterns ("UNC2452", "TA505") are checked with the
 * matcher's own function at word starts in capitals; naming-scheme rules (triggers such as "group", "panda",
 * "dubbed") emit only under page security context, so trigger words count only when the caller says the page has
 * it. A text holding a character whose normalisation is not 1:1 is checked as the matcher reads it: its prepared
 * copy.
 *
 * Speed: a content script runs this on every page, mostly cold (interpreted, then in baseline code, where every
 * operation, call and property read costs; optimised only later). So the text is read from a byte copy made
 * natively, each word's first characters are hashed while its end is found, and one key flag settles most words
 * (see firstWordKeys). A word that may begin a signature is walked, each prefix looked up in a hash table of the
 * signatures, unless a second flag settles it two edges further on ("the harbour"). Hashes stay small integers (see
 * SEED1). The stored form is the signatures themselves, sorted and front-coded, plus the tables built from them,
 * packed (`packed`): decoding 460 KB of base64 natively took 0.1–0.5 ms where hashing every signature cold took
 * 3.2–12 ms, median 4.1 (Chromium 156, nine fresh pages each), on every page and frame. Packed tables depend on the hash
 * functions and the table layout: change either and bump PREFILTER_FORMAT. Where the decoder is missing, the
 * signatures are hashed as before; where it is there, the signatures are not stored at all. The whole reply reaches
 * every frame, ad and widget frames included, before anything is known of their text: it is kept small (a 30-bit
 * fingerprint per signature instead of two 24-bit hashes, 16-bit infos, 16-bit keys: 676 KB → 216 KB with the feeds).
 */
import { CASE, ENGLISH, FANOUT_BASE, type CompiledDictionary } from './compile';
import { lowerWritable } from './lower-case-writing';
import { CLS as CLS_, C_DIGIT, C_HIGH, C_LETTER, C_LOWER, C_SEP, C_SPECIAL, C_UPPER, C_WORD, FOLD as FOLD_, astralNeedsPreparation, caseSignature, classify as classify_, prepareText } from './normalize';
import { spaceRuleNames } from './detection-names';
import { createCjkSearch, readCjkNames, type CompiledCjkNames } from './cjk-names';
import { codePatternAt, triggerBits } from './patterns';
import { once } from './once';

// Module-local bindings are read directly in the hot loops (a transpiled re-export may be a getter).
const CLS = CLS_;
const FOLD = FOLD_;
const classify = classify_;
/** 1 for the ASCII word characters ([0-9A-Za-z_]), those of most words: one read, no class bits, no non-ASCII test. */
const WORD = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD[c] = (CLS[c] as number) & C_WORD ? 1 : 0;
/** Where a camel-case step may end: an ASCII capital, or any non-ASCII character (its class decides). */
const CAPITAL = /[A-Z\u0080-\uffff]/g;
/** No camel-case step (a small integer beyond any text position). */
const NONE = 0x3fffffff;
/** Code units scan reads from the text itself (its byte copy holds 127 for them). */
const NON_ASCII = /[\u0080-\uffff]/g;
/**
 * Made at first use: a frame without text (an ad's, a widget's) never filters, and the first TextEncoder made in a
 * frame's script world took ≈ 0.1 ms in CPU profiles of Chromium.
 */
const encoder = once(() => new TextEncoder());
/** "threat actor", "threat group", as the matcher's afterThreat rule reads them (any one character between; a superset). */
const THREAT_CUE = /threat[^0-9A-Za-z](?:actor|group)(?![0-9A-Za-z_])/i;

/** Results of scanning a part of a text (see scan), and the part's length. */
const MATCH = -2;
const PREPARE = -1;
const PART = 2048;
/** Trie edges (spaces included) that a signature keeps. */
export const SIG_CHARS = 8;
/** Layout of `sigs` and `packed`. Summaries stored by earlier versions lack it and are not read. */
export const PREFILTER_FORMAT = 4;
const FORMAT = PREFILTER_FORMAT;
/** Offset of the numbers in `sigs` (printable ASCII for the small ones). */
const BASE = 0x30;
/** Longest name length kept for a title signature's reach; longer ones are stored as any-case. */
const MAX_LONGEST = 300;
/**
 * Key flags are kept for h1's low 16 bits: 64 KB, sent to every frame. 18 bits (256 KB, four fifths of the stored
 * prefilter) let fewer words through to a second look (on 100 KB of prose 6,147 words against 6,872, the same 1,117
 * walks; the corpus's report lines in lower case 15,468 against 20,119 words and 3,410 against 5,292 walks), and no
 * text fewer (the corpus's lines, as written and in lower case, cleared alike).
 */
const KEY_MASK = (1 << 16) - 1;
/**
 * Two 24-bit polynomial hashes of the edges read: h1 (key flags, table slots) and h2 (confirms a signature). Every value
 * stays a small integer, which baseline code handles without allocating (a 32-bit product is a heap number there).
 * h1 reads an edge with bit 5 set, which folds an ASCII word character without a table ('_' aside: h1 reads every
 * edge so, and h2 tells the edges apart).
 */
const SEED1 = 0x9e3779;
const SEED2 = 0x7f4a7c;
const M1 = 37;
const M2 = 41;
const MASK = 0xffffff;

/**
 * JSON-only: published with the dictionary, read by every content script at start. With the public feeds (≈ 10,400
 * signatures) ≈ 215 KB of packed tables, and 65 KB of signatures where the browser lacks a native base64 decoder.
 */
export interface CompiledPrefilter {
  version: string;
  format?: number;
  /**
   * The signatures in code-unit order, front-coded; absent where the tables are packed for a browser that decodes
   * them natively (compilePrefilter's `signatures`). Each: BASE + (characters shared with the previous one) << 3 |
   * (characters that follow − 1); BASE + info; for requirement 2, BASE + its longest name; for a letter↔digit switch in
   * its first word, BASE + their lengths (bit d: d characters); then the characters. info = requirement (1 any case,
   * 2 a capital first or camel-case, 3 a capital first) | 4 when its names need a word end after it | 8 with a
   * switch | 16·(length of its first word: the leading ASCII word characters).
   */
  sigs?: string;
  /** Number of signatures. */
  count?: number;
  /** Some name holds a character outside the BMP (left out: storage may not keep a lone surrogate). */
  astral?: boolean;
  /** The tables built from `sigs` (see packTables), base64: HASH, INFO, then KEYS. */
  packed?: string;
  /** Slots of the packed hash table, and the tables' titleSpan. */
  slots?: number;
  titleSpan?: number;
  /** The dictionary's names in Chinese, Japanese or Korean script (cjk-names.ts), which no signature holds. */
  cjk?: CompiledCjkNames;
}

export interface PrefilterOptions {
  possibleActors?: boolean;
  /** Page-level security context as the matcher would see it (trigger words count only then). */
  securityContext?: boolean;
}

export interface Prefilter {
  readonly version: string;
  /** False only when the matcher would find nothing in `text` with these options. */
  mayMatch(text: string, opts?: PrefilterOptions): boolean;
}

/** What a word start must look like for a signature's names: any case, camel-case or a capital first, a capital first. */
const ANY = 1;
const TITLE = 2;
const EXACT = 3;

/**
 * `signatures: false` leaves the signatures out, for readers that decode the packed tables natively: the background
 * knows, being the same browser as its content scripts. Should the tables then not decode, everything is let through.
 */
export function compilePrefilter(dict: CompiledDictionary, { signatures = true }: { signatures?: boolean } = {}): CompiledPrefilter {
  const nodeCount = dict.fanout.length;
  const childStart = new Int32Array(nodeCount + 1);
  childStart[0] = 1;
  for (let k = 0; k < nodeCount; k++) childStart[k + 1] = (childStart[k] as number) + dict.fanout.charCodeAt(k) - FANOUT_BASE;
  const terminal = new Uint8Array(nodeCount);
  // The weakest case requirement, and the longest name, of the names ending at each node (`own`) and at or below it.
  const need = new Uint8Array(nodeCount).fill(EXACT + 1);
  const longest = new Int32Array(nodeCount);
  for (let t = 0; t < dict.terminals.length; t += 2) {
    const node = dict.terminals[t] as number;
    const ai = dict.terminals[t + 1] as number;
    terminal[node] = 1;
    const alias = dict.aliases[ai] as string;
    if (alias.length > (longest[node] as number)) longest[node] = alias.length;
    const mode = (dict.aliasFlags[ai] as number) & 3;
    const first = caseSignature(alias).charCodeAt(0);
    const capital = first >= 65 && first <= 90;
    const flags = dict.aliasFlags[ai] as number;
    // a coined name may be read in lower case where the writer capitalises nothing (lower-case-writing.ts)
    const lowerOk = lowerWritable(caseSignature(alias), (flags >> 2) & 3, (flags & ENGLISH) !== 0);
    const req = mode === CASE.any || !capital || lowerOk ? ANY : mode === CASE.exact ? EXACT : TITLE;
    if (req < (need[node] as number)) need[node] = req;
  }
  const ownNeed = need.slice();
  const ownLongest = longest.slice();
  // Children have higher breadth-first ids than their parent: one backward pass folds subtrees upwards.
  for (let p = nodeCount - 1; p >= 0; p--) {
    for (let ch = childStart[p] as number; ch < (childStart[p + 1] as number); ch++) {
      if ((need[ch] as number) < (need[p] as number)) need[p] = need[ch] as number;
      if ((longest[ch] as number) > (longest[p] as number)) longest[p] = longest[ch] as number;
    }
  }
  const out: string[] = [];
  let prev = '';
  let count = 0;
  let astral = false;
  const code = (n: number) => String.fromCharCode(BASE + n);
  // Depth first with children in code-unit order: the signatures come out sorted.
  const visit = (node: number, sig: string): void => {
    const cut = sig.length === SIG_CHARS;
    if (cut || (terminal[node] && sig.length > 0)) {
      let req = (cut ? need : ownNeed)[node] as number;
      const long = (cut ? longest : ownLongest)[node] as number;
      if (req === TITLE && long > MAX_LONGEST) req = ANY;
      if (/[\ud800-\udfff]/.test(sig)) astral = true;
      else {
        const wordEnd = terminal[node] === 1 && (!cut || childStart[node] === childStart[node + 1]);
        const [run, switches] = firstWordKeys(sig);
        let lcp = 0;
        while (lcp < prev.length && sig.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
        out.push(code((lcp << 3) | (sig.length - lcp - 1)), code(req | (wordEnd ? 4 : 0) | (switches ? 8 : 0) | (run << 4)));
        if (req === TITLE) out.push(code(long));
        if (switches) out.push(code(switches));
        out.push(sig.slice(lcp));
        prev = sig;
        count++;
      }
    }
    if (cut) return;
    for (let ch = childStart[node] as number; ch < (childStart[node + 1] as number); ch++) visit(ch, sig + dict.edges.charAt(ch - 1));
  };
  visit(0, '');
  const sigs = out.join('');
  const compiled: CompiledPrefilter = { version: dict.version, format: FORMAT, sigs, count, ...(astral ? { astral } : {}), ...(dict.cjk ? { cjk: dict.cjk } : {}) };
  const packed = packTables(tables(sigs, count));
  if (!signatures) delete compiled.sigs;
  return { ...compiled, ...packed };
}

/**
 * The tables as one base64 string. Typed arrays are written in the platform's byte order; the reader is a content
 * script of the same browser profile (storage.local), so the order is the same.
 */
function packTables(t: Tables): Pick<CompiledPrefilter, 'packed' | 'slots' | 'titleSpan'> {
  const slots = t.slotMask + 1;
  const bytes = new Uint8Array(6 * slots + t.KEYS.length);
  bytes.set(new Uint8Array(t.HASH.buffer, t.HASH.byteOffset, 4 * slots), 0);
  bytes.set(new Uint8Array(t.INFO.buffer, t.INFO.byteOffset, 2 * slots), 4 * slots);
  bytes.set(t.KEYS, 6 * slots);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { packed: btoa(binary), slots, titleSpan: t.titleSpan };
}

/** The packed tables, when this browser decodes base64 natively (Uint8Array.fromBase64) and they are whole. */
function unpackTables(p: CompiledPrefilter): Tables | undefined {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  const slots = p.slots;
  if (typeof fromBase64 !== 'function' || typeof p.packed !== 'string' || typeof slots !== 'number' || typeof p.titleSpan !== 'number') return undefined;
  if (slots < 1 || (slots & (slots - 1)) !== 0) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(p.packed);
  } catch {
    return undefined;
  }
  if (bytes.length !== 6 * slots + KEY_MASK + 1 || bytes.byteOffset !== 0) return undefined;
  const buffer = bytes.buffer;
  return {
    slotMask: slots - 1,
    HASH: new Int32Array(buffer, 0, slots),
    INFO: new Uint16Array(buffer, 4 * slots, slots),
    KEYS: new Uint8Array(buffer, 6 * slots, KEY_MASK + 1),
    titleSpan: p.titleSpan,
  };
}

/**
 * The first words that can start the walk reading `sig`. A word written in ASCII is read whole (the walk leaves a
 * word only at a separator or another non-word character), so it must be the signature's leading run of ASCII word
 * characters (`run` long), or that run cut at a letter↔digit switch, where the text may put a separator the key
 * drops (`switches`, bit d: cut after d characters).
 */
function firstWordKeys(sig: string): [number, number] {
  let run = 0;
  while (run < sig.length && WORD[sig.charCodeAt(run)] === 1) run++;
  let switches = 0;
  for (let d = 1; d < run; d++) {
    const a = CLS[sig.charCodeAt(d - 1)] as number;
    const b = CLS[sig.charCodeAt(d)] as number;
    if ((a & C_LETTER && b & C_DIGIT) || (a & C_DIGIT && b & C_LETTER)) switches |= 1 << d;
  }
  return [run, switches];
}

/** Key flags (see firstWordKeys), by h1's low bits (KEY_MASK). */
const FIRST_LOWER = 1; // first word of a signature a word in lower case can meet
const FIRST = 2; // first word of any signature
const ENDS = 4; // first word a signature ends with, or one edge after
const ENDS_ANY = 8; // ... a signature matched in any case
const ENDS_TITLE = 16; // ... a signature matched with a capital first or camel-case
const NEXT = 32; // the walk two edges after a first word
const PAIR = 64; // the first two edges of any signature

/** The tables of a stored summary: signatures by hash, and key flags. */
interface Tables {
  /**
   * Signatures by h1 (open addressing, slot h1 & slotMask and on): their HASH (fingerprint) and INFO = requirement |
   * word end needed << 2 | length << 3 | longest name << 7 (0: an empty slot; the longest is at most MAX_LONGEST).
   */
  slotMask: number;
  HASH: Int32Array;
  INFO: Uint16Array;
  /** Key flags by h1 & KEY_MASK. */
  KEYS: Uint8Array;
  /** The longest reach of a signature matched with a capital first or camel-case. */
  titleSpan: number;
}

/**
 * A signature's fingerprint: h2 and h1's top 6 bits (its low bits mostly follow from the slot), 30 bits, a small
 * integer in baseline code. Two signatures that share one only let more text through, never less.
 */
const fingerprint = (h1: number, h2: number) => h2 | ((h1 >> 18) << 24);

/** The tables, from the stored signatures: each of their characters is hashed once (front-coding shares prefixes). */
function tables(s: string, count: number): Tables {
  let bits = 10;
  while (1 << bits < 1.5 * count) bits++;
  const slotMask = (1 << bits) - 1;
  const HASH = new Int32Array(slotMask + 1);
  const INFO = new Uint16Array(slotMask + 1);
  const KEYS = new Uint8Array(KEY_MASK + 1);
  /** h1 and h2 of the current signature's first d characters. */
  const P1 = new Int32Array(SIG_CHARS + 1);
  const P2 = new Int32Array(SIG_CHARS + 1);
  P1[0] = SEED1;
  P2[0] = SEED2;
  let titleLong = 0;
  for (let q = 0; q < s.length; ) {
    const head = s.charCodeAt(q) - BASE;
    const lcp = head >> 3;
    const end = lcp + (head & 7) + 1;
    const info = s.charCodeAt(q + 1) - BASE;
    const req = info & 3;
    const long = req === TITLE ? s.charCodeAt(q + 2) - BASE : 0;
    q += req === TITLE ? 3 : 2;
    const switches = info & 8 ? s.charCodeAt(q++) - BASE : 0;
    let h1 = P1[lcp] as number;
    let h2 = P2[lcp] as number;
    for (let d = lcp + 1; d <= end; d++) {
      const c = s.charCodeAt(q++);
      P1[d] = h1 = (h1 * M1 + (c | 32)) & MASK;
      P2[d] = h2 = (h2 * M2 + c) & MASK;
    }
    let slot = h1 & slotMask;
    while (INFO[slot] !== 0) slot = (slot + 1) & slotMask;
    HASH[slot] = fingerprint(h1, h2);
    INFO[slot] = req | (info & 4) | (end << 3) | (long << 7);
    // Key flags, written out (a call per flag would cost more than the flag). A signature sharing its first two
    // characters with the previous one shares its PAIR key.
    let k: number;
    if (lcp < 2 && end >= 2) KEYS[(k = (P1[2] as number) & KEY_MASK)] = (KEYS[k] as number) | PAIR;
    const first = req === EXACT ? FIRST : FIRST | FIRST_LOWER;
    const ends = req === ANY ? ENDS | ENDS_ANY : req === TITLE ? ENDS | ENDS_TITLE : ENDS;
    if (long > titleLong) titleLong = long;
    // The first words: the run (info >> 4), and the run cut at each switch.
    for (let d = info >> 4; d > 0; d--) {
      if (d < info >> 4 && !(switches & (1 << d))) continue;
      if (d + 2 <= end) {
        KEYS[(k = (P1[d] as number) & KEY_MASK)] = (KEYS[k] as number) | first;
        KEYS[(k = (P1[d + 2] as number) & KEY_MASK)] = (KEYS[k] as number) | NEXT;
      } else KEYS[(k = (P1[d] as number) & KEY_MASK)] = (KEYS[k] as number) | first | ends;
      if (!switches) break;
    }
  }
  return { slotMask, HASH, INFO, KEYS, titleSpan: 3 * titleLong + 3 };
}

export function createPrefilter(p: CompiledPrefilter): Prefilter {
  // A summary stored by an earlier version (read before the background republishes): let everything through.
  // So does one whose tables neither decode nor can be built (no signatures).
  const everything = { version: p.version, mayMatch: () => true };
  if (p.format !== FORMAT || typeof p.count !== 'number') return everything;
  const built = unpackTables(p) ?? (typeof p.sigs === 'string' ? tables(p.sigs, p.count) : undefined);
  if (!built) return everything;
  const { slotMask, HASH, INFO, KEYS, titleSpan } = built;
  const astral = p.astral === true;
  const cjkNames = readCjkNames(p.cjk, Number.MAX_SAFE_INTEGER);
  const cjk = cjkNames && createCjkSearch(cjkNames);
  // State of the text being read: whether it holds "RAT" at all (words ending in one are looked at twice), and
  // the last camel-case search.
  let anyRat = false;
  // From where, the first step found (NONE: none before camelEnd).
  let camelFrom = 0;
  let camelEnd = 0;
  let camelAt = NONE;

  /**
   * A camel-case step as the matcher sees one (an upper-case letter whose previous character, separators skipped,
   * is a lower-case one), not before i, its capital within `span` of i. The steps found are kept: the walks of one
   * text ask about nearby places, left to right.
   */
  function camelAhead(t: string, i: number, span: number): boolean {
    const end = i + span;
    if (i < camelFrom || (camelAt === NONE ? end > camelEnd : camelAt < i)) {
      // Known free of steps: [camelFrom, camelEnd) when nothing was found (a step from i is one from camelFrom).
      CAPITAL.lastIndex = i >= camelFrom && camelAt === NONE && camelEnd > i ? camelEnd : i + 1;
      camelFrom = i;
      camelAt = NONE;
      camelEnd = NONE;
      while (CAPITAL.test(t)) {
        const p = CAPITAL.lastIndex - 1;
        if (p >= end) {
          camelEnd = p;
          break;
        }
        if (!((CLS[t.charCodeAt(p)] || classify(t.charCodeAt(p))) & C_UPPER)) continue;
        let q = p - 1;
        while (q > i && (CLS[t.charCodeAt(q)] || classify(t.charCodeAt(q))) & C_SEP) q--;
        if (q >= i && (CLS[t.charCodeAt(q)] || classify(t.charCodeAt(q))) & C_LOWER) {
          camelAt = p;
          break;
        }
      }
    }
    return camelAt < end;
  }

  /**
   * Does the walk from word start i read a signature whose names the text's case allows? `word` > 0: the first
   * word is written in ASCII, `word` characters long, with h1 `h1w` over its first SIG_CHARS; those are the first
   * edges, a signature can end inside it only where it ends (or at SIG_CHARS; the caller walks a word ending in a
   * glued "RAT" plainly), and NEXT may end the walk two edges after it. `word` 0: PAIR may end it after two edges.
   */
  function sigAt(t: string, i: number, n: number, c0: number, word: number, h1w: number): boolean {
    const capitalFirst = (c0 >= 65 && c0 <= 90) || c0 >= 128;
    const stop = word > 0 ? word + 2 : 2;
    const K = word > 0 ? NEXT : PAIR;
    let h1 = SEED1;
    let h2 = SEED2;
    let d = 0;
    let j = i;
    while (d < SIG_CHARS) {
      if (d === 0 && word > 0) {
        d = word < SIG_CHARS ? word : SIG_CHARS;
        for (; j < i + d; j++) h2 = (h2 * M2 + (FOLD[t.charCodeAt(j)] as number)) & MASK;
        h1 = h1w;
      } else {
        if (j >= n) return false;
        let f = 32;
        let after = j + 1;
        const c = t.charCodeAt(j);
        if ((CLS[c] || classify(c)) & C_SEP) {
          while (after < n && (CLS[t.charCodeAt(after)] || classify(t.charCodeAt(after))) & C_SEP) after++;
          if (after >= n) return false;
          const ka = CLS[t.charCodeAt(after)] as number;
          const kp = CLS[t.charCodeAt(j - 1)] as number;
          if ((kp & C_LETTER && ka & C_DIGIT) || (kp & C_DIGIT && ka & C_LETTER)) {
            j = after;
            continue;
          }
        } else f = FOLD[c] as number;
        h1 = (h1 * M1 + (f | 32)) & MASK;
        h2 = (h2 * M2 + f) & MASK;
        d++;
        j = after;
      }
      const fp = h2 | ((h1 >> 18) << 24);
      for (let slot = h1 & slotMask, info = INFO[slot] as number; info !== 0; info = INFO[(slot = (slot + 1) & slotMask)] as number) {
        if (HASH[slot] !== fp || ((info >> 3) & 15) !== d) continue;
        if (info & 4 && j < n && (CLS[t.charCodeAt(j)] || classify(t.charCodeAt(j))) & C_WORD && !t.startsWith('RAT', j)) continue;
        const req = info & 3;
        if (req === ANY || capitalFirst || (req === TITLE && camelAhead(t, i, 3 * (info >> 7) + 3))) return true;
      }
      if (d === stop && !((KEYS[h1 & KEY_MASK] as number) & K)) return false;
    }
    return false;
  }

  /**
   * An ASCII word [i, we) that is the first word of a signature (`key` its flags, h1 its key, c the character after
   * it): is a name there? It is walked when a signature the text's case allows ends with it or one edge after (all
   * do, from SIG_CHARS − 1 characters on). Otherwise the next two edges need a key first; they are read here in the
   * common forms: a separator or punctuation mark, then an ASCII character (not at a letter↔digit switch, where the
   * walk drops the separator).
   */
  function firstWord(t: string, i: number, we: number, c: number, key: number, capital: boolean, rat: boolean, h1: number): boolean {
    const n = t.length;
    const wl = we - i;
    let walk = rat || (capital ? (key & ENDS) !== 0 : (key & ENDS_ANY) !== 0 || ((key & ENDS_TITLE) !== 0 && camelAhead(t, i, titleSpan)));
    if (!walk && wl <= SIG_CHARS - 2) {
      const b = we + 1 < n ? t.charCodeAt(we + 1) : 128;
      const sepA = c === 32 || c === 9 || c === 45;
      const sepB = b === 32 || b === 9 || b === 45;
      walk = c >= 128 || b >= 128 || (sepA && (sepB || (WORD[b] === 1 && (t.charCodeAt(we - 1) <= 57) !== (b <= 57))));
      if (!walk) {
        const g = (((h1 * M1 + (sepA ? 32 : c | 32)) & MASK) * M1 + (sepB ? 32 : b | 32)) & KEY_MASK;
        walk = ((KEYS[g] as number) & NEXT) !== 0;
      }
    }
    return walk && sigAt(t, i, n, t.charCodeAt(i), rat ? 0 : wl, h1);
  }

  /**
   * The words starting in [from, to) of t: where the next part begins, MATCH when a name may start in one, or
   * PREPARE when t must first be prepared (as the matcher does). `codes`: t's code units in [from, to) where ASCII,
   * else 127 (read t), 127 at `to` and a space at t's end (baseline code reads a typed array for a fraction of what
   * a charCodeAt call costs it; a parameter, as a captured variable would be checked for initialisation at every
   * read).
   */
  function scan(t: string, codes: Uint8Array, from: number, to: number, check: boolean, possible: boolean, triggers: boolean): number {
    const n = t.length;
    let i = from;
    while (i < to) {
      let c = codes[i] as number;
      if (c === 127) c = t.charCodeAt(i);
      if (WORD[c] !== 1) {
        const kc = CLS[c] || classify(c);
        if (!(kc & C_WORD)) {
          if (check && kc & C_SPECIAL) return PREPARE;
          i++;
          continue;
        }
      }
      // The word [i, we), and h1 of its first characters while they are ASCII word characters.
      const c0 = c;
      let h1 = SEED1;
      let we = i;
      do {
        h1 = (h1 * M1 + (c | 32)) & MASK;
        c = codes[++we] as number;
      } while (WORD[c] === 1);
      if (we - i > SIG_CHARS) {
        // the key is h1 of the first SIG_CHARS (rare enough to hash twice, rather than test every character)
        h1 = SEED1;
        for (let j = i; j < i + SIG_CHARS; j++) h1 = (h1 * M1 + (t.charCodeAt(j) | 32)) & MASK;
      }
      let high = c0 >= 128;
      if (c === 127) {
        // Not ASCII, or past the byte copy of this part: read the text. A word going on is walked plainly.
        c = t.charCodeAt(we);
        if ((CLS[c] || classify(c)) & C_WORD) {
          high = true;
          while (we < n && (CLS[t.charCodeAt(we)] || classify(t.charCodeAt(we))) & C_WORD) we++;
          c = we < n ? t.charCodeAt(we) : 32;
        }
      }
      const capital = c0 >= 65 && c0 <= 90;
      if (high) {
        for (let j = i; j < we; j++) {
          if (!((CLS[t.charCodeAt(j)] as number) & C_HIGH)) continue;
          if (check && astralNeedsPreparation(t, j)) return PREPARE;
          if (astral) return MATCH;
        }
        if (sigAt(t, i, n, c0, 0, 0)) return MATCH;
      } else {
        // A word ending in a glued "RAT" ("NetwireRAT") is also the word without it, and is walked plainly.
        const wl = we - i;
        const rat = anyRat && wl > 3 && t.charCodeAt(we - 1) === 84 && t.startsWith('RA', we - 3);
        const first = capital ? FIRST : FIRST_LOWER;
        const key = KEYS[h1 & KEY_MASK] as number;
        if (key & first) {
          if (firstWord(t, i, we, c, key, capital, rat, h1)) return MATCH;
        } else if (rat) {
          let g = SEED1;
          for (let j = i; j < we - 3 && j < i + SIG_CHARS; j++) g = (g * M1 + (t.charCodeAt(j) | 32)) & MASK;
          if ((KEYS[g & KEY_MASK] as number) & first && sigAt(t, i, n, c0, 0, 0)) return MATCH;
        }
      }
      // every code scheme starts with a capital
      if (possible && capital && codePatternAt(t, i)) return MATCH;
      if (triggers && triggerBits(t, i, we)) return MATCH;
      // c is the character after the word: a space needs no second look
      i = c === 32 ? we + 1 : we;
    }
    return i;
  }

  /** MATCH, PREPARE, or 0 when no name can start in t. */
  function search(t: string, check: boolean, possible: boolean, triggers: boolean): number {
    const n = t.length;
    anyRat = t.includes('RAT');
    const codes = new Uint8Array(n + 1);
    codes[n] = 32;
    camelFrom = n;
    const ascii = encoder();
    // In parts: many short calls let the engine optimise scan between two of them, where replacing a running
    // loop (on-stack replacement) stalls it until the optimising compiler is done; and a text holding a name early
    // is copied only that far.
    for (let i = 0; i < n; ) {
      const to = Math.min(n, i + PART);
      ascii.encodeInto(t.slice(i, to).replace(NON_ASCII, '\x7f'), codes.subarray(i, to));
      if (to < n) codes[to] = 127;
      i = scan(t, codes, i, to, check, possible, triggers);
      if (i < 0) return i;
    }
    return 0;
  }

  function mayMatch(input: string, opts: PrefilterOptions = {}): boolean {
    // read as the matcher reads it: YARA rule names with their underscores as spaces (detection-names.ts)
    const text = spaceRuleNames(input);
    const possible = opts.possibleActors !== false;
    const triggers = possible && opts.securityContext === true;
    if (cjk?.mayHold(input)) return true;
    const r = search(text, true, possible, triggers);
    if (r === MATCH) return true;
    const t = r === PREPARE ? prepareText(text).text : text;
    // "the threat actor X" names a possible actor on any page (match.ts): without page context, trigger words are not
    // looked at above, so this one cue is looked for on its own (natively: one pass over text with no name).
    if (possible && !triggers && THREAT_CUE.test(t)) return true;
    return r === PREPARE && search(t, false, possible, triggers) === MATCH;
  }

  return { version: p.version, mayMatch };
}
