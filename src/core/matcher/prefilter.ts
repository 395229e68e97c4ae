/**
 * Prefilter: a compact summary of the dictionary (the first SIG_CHARS non-separator characters of every name, as
 * the trie walk sees them) that lets a content script decide, without the dictionary, that a text cannot hold a
 * match, so pages that do not concern ActorLens cost one pass over their text and never load the dictionary.
 *
 * Exactness: `mayMatch(text) === false` implies `createMatcher(dict).match(text, opts)` is empty. The trie walk
 * from a word start consumes, per step, either a run of separators (edge 32, or none at a letter↔digit switch) or
 * one code unit c (edge FOLD[c]); so any walk that reaches a terminal has read, skipping separators, the first
 * (up to) SIG_CHARS non-space edge characters of the name's key. Those signatures are collected from the trie itself,
 * each with the weakest case requirement of its names (a name matched only as written, with its capital, cannot start
 * at a word written in lower case; one matched as written, in capitals or camel-case needs a capital within its reach).
 * Possible actors: code patterns ("UNC2452", "TA505") are checked with the matcher's own function at every word
 * start; naming-scheme rules (triggers such as "group", "panda", "dubbed") emit only under page security context,
 * so trigger words count only when the caller says the page has it. Texts holding a character whose normalisation
 * is not 1:1 (the matcher matches a prepared copy) are always reported as candidates.
 */
import { CASE, FANOUT_BASE, type CompiledDictionary } from './compile';
import { CLS as CLS_, C_HIGH as C_HIGH_, C_SEP as C_SEP_, C_SPECIAL as C_SPECIAL_, C_WORD as C_WORD_, FOLD as FOLD_, caseSignature, classify as classify_ } from './normalize';
import * as patterns from './patterns';

const CLS = CLS_;
const FOLD = FOLD_;
const C_HIGH = C_HIGH_;
const C_SEP = C_SEP_;
const C_SPECIAL = C_SPECIAL_;
const C_WORD = C_WORD_;
const classify = classify_;
const { codePatternAt, triggerBits } = patterns;

/** Non-separator characters of a name that the signature keeps (fewer when the name is shorter). */
export const SIG_CHARS = 8;

/** JSON-only, a few tens of KB: published with the dictionary, read by every content script at start. */
export interface CompiledPrefilter {
  version: string;
  /** Signatures (the first SIG_CHARS non-separator trie characters of every name, or the whole name), joined by U+0000. */
  sigs: string;
  /**
   * Signatures whose names all start with a capital the matcher insists on: `titleSigs` for names that match as
   * written, in capitals or camel-case (a word starting in lower case can only match with a capital further on),
   * `exactSigs` for names that match only as written. Most ordinary words that are also names ("copper",
   * "orchard", "winter") are here: prose written in lower case then needs no dictionary at all.
   */
  titleSigs?: string;
  /** For each title signature, the longest stretch of text its names can cover (where a later capital may be). */
  titleSpans?: number[];
  exactSigs?: string;
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

/** What a word start must look like for a signature's names: any case, a capital somewhere, or a capital first. */
const ANY = 0;
const TITLE = 1;
const EXACT = 2;

export function compilePrefilter(dict: CompiledDictionary): CompiledPrefilter {
  const nodeCount = dict.fanout.length;
  const childStart = new Int32Array(nodeCount + 1);
  childStart[0] = 1;
  for (let k = 0; k < nodeCount; k++) childStart[k + 1] = (childStart[k] as number) + dict.fanout.charCodeAt(k) - FANOUT_BASE;
  const terminal = new Uint8Array(nodeCount);
  // The weakest case requirement, and the longest name, of the names ending at each node (`own`) and at or below it.
  // A signature shorter than SIG_CHARS stands for the names ending there (longer names have longer signatures);
  // one of SIG_CHARS characters stands for its whole subtree.
  const need = new Uint8Array(nodeCount).fill(3);
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
    const req = mode === CASE.any || !capital ? ANY : mode === CASE.exact ? EXACT : TITLE;
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
  const sigs = new Map<string, { req: number; span: number }>();
  const add = (sig: string, node: number, subtree: boolean) => {
    const req = (subtree ? need : ownNeed)[node] as number;
    // Separator runs in the text may be longer than the name's single spaces.
    const span = 3 * ((subtree ? longest : ownLongest)[node] as number) + 3;
    const had = sigs.get(sig);
    if (!had) sigs.set(sig, { req, span });
    else sigs.set(sig, { req: Math.min(req, had.req), span: Math.max(span, had.span) });
  };
  const visit = (node: number, sig: string, depth: number): void => {
    if (sig.length === SIG_CHARS) {
      add(sig, node, true);
      return;
    }
    if (terminal[node] && sig.length > 0) add(sig, node, false);
    if (depth > 256) return;
    for (let ch = childStart[node] as number; ch < (childStart[node + 1] as number); ch++) {
      const code = dict.edges.charCodeAt(ch - 1);
      visit(ch, code === 32 ? sig : sig + String.fromCharCode(code), depth + 1);
    }
  };
  visit(0, '', 0);
  const group = (req: number) => [...sigs].filter(([, v]) => v.req === req).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const title = group(TITLE);
  return {
    version: dict.version,
    sigs: group(ANY).map(([sig]) => sig).join('\u0000'),
    titleSigs: title.map(([sig]) => sig).join('\u0000'),
    titleSpans: title.map(([, v]) => v.span),
    exactSigs: group(EXACT).map(([sig]) => sig).join('\u0000'),
  };
}

const mix = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
const SEED = 0x811c9dc5 | 0;

export function createPrefilter(p: CompiledPrefilter): Prefilter {
  // Hashes of the signatures → the weakest case requirement among them, and for title signatures how far a
  // capital may stand (req | span << 2; a collision only lets text through).
  const hashes = new Map<number, number>();
  /** Bit L set when some signature has L characters. */
  let lengths = 0;
  // First two characters (ASCII only) of every signature: most word starts are refused by one table read.
  const first2 = new Uint8Array(128 * 128);
  let useFirst2 = true;
  const groups: [string | undefined, number][] = [
    [p.sigs, ANY],
    [p.titleSigs, TITLE],
    [p.exactSigs, EXACT],
  ];
  for (const [list, req] of groups) {
    const spans = req === TITLE ? (p.titleSpans ?? []) : [];
    (list ? list.split('\u0000') : []).forEach((sig, k) => {
      let h = SEED;
      for (let c = 0; c < sig.length; c++) h = mix(h, sig.charCodeAt(c));
      const value = req | ((spans[k] ?? 1024) << 2);
      const had = hashes.get(h);
      // Weakest requirement wins; between two title signatures, the longer reach.
      if (had === undefined || (had & 3) > req || ((had & 3) === req && value > had)) hashes.set(h, value);
      lengths |= 1 << sig.length;
      const a = sig.charCodeAt(0);
      const b = sig.charCodeAt(1);
      if (sig.length >= 2 && a < 128 && b < 128) first2[a * 128 + b] = 1;
      else useFirst2 = false;
    });
  }

  /** A capital letter (or a character the ASCII tables do not cover) within `span` of i. */
  function capitalAhead(text: string, i: number, n: number, span: number): boolean {
    const end = Math.min(n, i + span);
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if ((c >= 65 && c <= 90) || c >= 128) return true;
    }
    return false;
  }

  /** Does a trie walk from word start i read a known signature that the text's case allows? */
  function sigAt(text: string, i: number, n: number): boolean {
    const c0 = text.charCodeAt(i);
    const capitalFirst = (c0 >= 65 && c0 <= 90) || c0 >= 128;
    let h = SEED;
    let count = 0;
    let first = 0;
    for (let j = i; j < n && count < SIG_CHARS; j++) {
      const c = text.charCodeAt(j);
      const k = CLS[c] || classify(c);
      if (k & C_SEP) continue;
      const f = FOLD[c] as number;
      if (count === 0) first = f;
      else if (count === 1 && useFirst2 && (first >= 128 || f >= 128 || !first2[first * 128 + f])) return false;
      h = mix(h, f);
      count++;
      if (lengths & (1 << count)) {
        const value = hashes.get(h);
        if (value === undefined) continue;
        const req = value & 3;
        if (req === ANY || capitalFirst) return true;
        if (req === TITLE && capitalAhead(text, i, n, value >> 2)) return true;
      }
    }
    return false;
  }

  function mayMatch(text: string, opts: PrefilterOptions = {}): boolean {
    const possible = opts.possibleActors !== false;
    const triggers = possible && opts.securityContext === true;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = CLS[c] || classify(c);
      if (!(k & C_WORD)) {
        if (k & C_SPECIAL) return true;
        i++;
        continue;
      }
      let we = i + 1;
      let high = (k & C_HIGH) !== 0;
      for (; we < n; we++) {
        const kw = CLS[text.charCodeAt(we)] || classify(text.charCodeAt(we));
        if (!(kw & C_WORD)) break;
        if (kw & C_HIGH) high = true;
      }
      if (high) return true;
      if (sigAt(text, i, n)) return true;
      if (possible && codePatternAt(text, i)) return true;
      if (triggers && triggerBits(text, i, we)) return true;
      i = we;
    }
    return false;
  }

  return { version: p.version, mayMatch };
}
