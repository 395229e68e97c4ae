/**
 * Prefilter: a compact summary of the dictionary (the first SIG_CHARS non-separator characters of every name, as
 * the trie walk sees them) that lets a content script decide, without the dictionary, that a text cannot hold a
 * match, so pages that do not concern ActorLens cost one pass over their text and no round trip.
 *
 * Exactness: `mayMatch(text) === false` implies `createMatcher(dict).match(text, opts)` is empty. The trie walk
 * from a word start consumes, per step, either a run of separators (edge 32, or none at a letter↔digit switch) or
 * one code unit c (edge FOLD[c]); so any walk that reaches a terminal has read, skipping separators, the first
 * (up to) SIG_CHARS non-space edge characters of the name's key. Those signatures are collected from the trie itself.
 * Possible actors: code patterns ("UNC2452", "TA505") are checked with the matcher's own function at every word
 * start; naming-scheme rules (triggers such as "group", "panda", "dubbed") emit only under page security context,
 * so trigger words count only when the caller says the page has it. Texts holding a character whose normalisation
 * is not 1:1 (the matcher matches a prepared copy) are always reported as candidates.
 */
import { FANOUT_BASE, type CompiledDictionary } from './compile';
import { CLS as CLS_, C_HIGH as C_HIGH_, C_SEP as C_SEP_, C_SPECIAL as C_SPECIAL_, C_WORD as C_WORD_, FOLD as FOLD_, classify as classify_ } from './normalize';
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
export const SIG_CHARS = 6;

/** JSON-only, a few tens of KB: sent once per page by the background (cached per dictionary version). */
export interface CompiledPrefilter {
  version: string;
  /** Signatures (the first SIG_CHARS non-separator trie characters of every name, or the whole name), joined by U+0000. */
  sigs: string;
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

export function compilePrefilter(dict: CompiledDictionary): CompiledPrefilter {
  const nodeCount = dict.fanout.length;
  const childStart = new Int32Array(nodeCount + 1);
  childStart[0] = 1;
  for (let k = 0; k < nodeCount; k++) childStart[k + 1] = (childStart[k] as number) + dict.fanout.charCodeAt(k) - FANOUT_BASE;
  const terminal = new Uint8Array(nodeCount);
  for (let t = 0; t < dict.terminals.length; t += 2) terminal[dict.terminals[t] as number] = 1;
  const sigs = new Set<string>();
  const visit = (node: number, sig: string, depth: number): void => {
    if (sig.length === SIG_CHARS) {
      sigs.add(sig);
      return;
    }
    if (terminal[node] && sig.length > 0) sigs.add(sig);
    if (depth > 256) return;
    for (let ch = childStart[node] as number; ch < (childStart[node + 1] as number); ch++) {
      const code = dict.edges.charCodeAt(ch - 1);
      visit(ch, code === 32 ? sig : sig + String.fromCharCode(code), depth + 1);
    }
  };
  visit(0, '', 0);
  return { version: dict.version, sigs: [...sigs].sort().join('\u0000') };
}

const mix = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
const SEED = 0x811c9dc5 | 0;

export function createPrefilter(p: CompiledPrefilter): Prefilter {
  // Hashes of the signatures (a collision only lets text through: never unsafe).
  const hashes = new Set<number>();
  /** Bit L set when some signature has L characters. */
  let lengths = 0;
  // First two characters (ASCII only) of every signature: most word starts are refused by one table read.
  const first2 = new Uint8Array(128 * 128);
  let useFirst2 = true;
  for (const sig of p.sigs ? p.sigs.split('\u0000') : []) {
    let h = SEED;
    for (let k = 0; k < sig.length; k++) h = mix(h, sig.charCodeAt(k));
    hashes.add(h);
    lengths |= 1 << sig.length;
    const a = sig.charCodeAt(0);
    const b = sig.charCodeAt(1);
    if (sig.length >= 2 && a < 128 && b < 128) first2[a * 128 + b] = 1;
    else useFirst2 = false;
  }

  /** Does a trie walk from word start i read a known signature? */
  function sigAt(text: string, i: number, n: number): boolean {
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
      if (lengths & (1 << count) && hashes.has(h)) return true;
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
