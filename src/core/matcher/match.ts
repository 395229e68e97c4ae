/**
 * createMatcher: one pass over the text, entering the trie only at word starts; longest acceptable name wins;
 * boundary, case and ambiguity rules decide what is acceptable (see boundaries.ts, ambiguity.ts, compile.ts).
 */
import type { EntityKind } from '../model/entity';
import { ambiguityVerdict, cueNear, hasSecurityContext, isMidSentence, type AmbiguityLevel, type Cue } from './ambiguity';
import { blockedSpans, BlockedCursor, leftBoundaryOk, rightBoundaryOk } from './boundaries';
import { CASE, FANOUT_BASE, LETTER_KIND, type CompiledDictionary } from './compile';
import { caseSignature, isNameSeparator, isWordCode, letterOrDigit, normalizeText, suppressionKey, toOriginalRange } from './normalize';
import { findPatternHits } from './patterns';

export interface MatchOptions {
  /** User-suppressed terms (normalised by the matcher), already filtered to this site by the caller. */
  suppressed?: readonly string[];
  /** Caller-known page-level security context; if undefined the matcher decides from the text itself. */
  securityContext?: boolean;
  /** Default true: report naming-scheme finds as possible actors. */
  possibleActors?: boolean;
}

export type MatchReason = 'exact' | 'case-folded' | 'context-confirmed' | 'pattern';

export interface Match {
  /** UTF-16 offsets into the given text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** null for a possible actor not in the dictionary. */
  entityId: string | null;
  /** Canonical name, or the surface for a possible actor. */
  name: string;
  kind: EntityKind;
  /** The dictionary alias that matched (the surface for a possible actor). */
  alias: string;
  reason: MatchReason;
  possible?: boolean;
  /** A cue word next to the name ("group", "ransomware"…) and what it suggests. */
  cue?: { word: string; kind: 'actor' | 'software' | 'neutral' };
  /** For possible actors: the naming-scheme rule that fired. */
  rule?: string;
}

export interface Matcher {
  match(text: string, opts?: MatchOptions): Match[];
  hasSecurityContext(text: string): boolean;
}

const MAX_SEP_RUN = 3;
const CAMEL = /\p{Ll}\p{Lu}/u;

export function createMatcher(dict: CompiledDictionary): Matcher {
  const nodeCount = dict.fanout.length;
  const childStart = new Int32Array(nodeCount + 1);
  childStart[0] = 1;
  for (let k = 0; k < nodeCount; k++) childStart[k + 1] = (childStart[k] as number) + dict.fanout.charCodeAt(k) - FANOUT_BASE;
  const edgeChar = new Uint16Array(nodeCount);
  for (let k = 1; k < nodeCount; k++) edgeChar[k] = dict.edges.charCodeAt(k - 1);
  const rootTable = new Int32Array(65536).fill(-1);
  for (let k = childStart[0] as number; k < (childStart[1] as number); k++) rootTable[edgeChar[k] as number] = k;
  const termFirst = new Int32Array(nodeCount).fill(-1);
  const termCount = new Uint16Array(nodeCount);
  for (let t = 0; t < dict.terminals.length; t += 2) {
    const node = dict.terminals[t] as number;
    if (termFirst[node] === -1) termFirst[node] = t;
    termCount[node] = (termCount[node] as number) + 1;
  }
  const aliasSig: (string | undefined)[] = new Array(dict.aliases.length);
  const sigOf = (ai: number): string => (aliasSig[ai] ??= caseSignature(dict.aliases[ai] as string));

  function child(node: number, c: number): number {
    if (node === 0) return rootTable[c] as number;
    let lo = childStart[node] as number;
    let hi = (childStart[node + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const mc = edgeChar[mid] as number;
      if (mc === c) return mid;
      if (mc < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  function match(original: string, opts: MatchOptions = {}): Match[] {
    const nt = normalizeText(original);
    const text = nt.text;
    const f = nt.folded;
    const n = f.length;
    const out: Match[] = [];
    const suppressed = new Set((opts.suppressed ?? []).map(suppressionKey).filter(Boolean));
    let pageCtx: boolean | undefined = opts.securityContext;
    const pageContext = () => (pageCtx ??= hasSecurityContext(text));
    const blocked = new BlockedCursor(blockedSpans(text));
    // Terminals reached on one walk (a name is at most a few dozen characters; 64 is ample).
    const ends = new Int32Array(64);
    const nodes = new Int32Array(64);
    const glued = new Uint8Array(64);
    let nEnds: number;
    let contextRejected: boolean;

    let i = 0;
    while (i < n) {
      const c = f.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      if ((i > 0 && isWordCode(f.charCodeAt(i - 1))) || !leftBoundaryOk(f, i) || rootTable[c] === -1) {
        i++;
        while (i < n && isWordCode(f.charCodeAt(i))) i++;
        continue;
      }
      // Walk the trie from this word start; remember every terminal reached.
      nEnds = 0;
      let node = 0;
      let j = i;
      while (j < n) {
        let ch = f.charCodeAt(j);
        if (isNameSeparator(ch)) {
          let k = j;
          while (k < n && k - j < MAX_SEP_RUN && isNameSeparator(f.charCodeAt(k))) k++;
          if (k >= n || isNameSeparator(f.charCodeAt(k))) break;
          const prev = letterOrDigit(f.charCodeAt(j - 1));
          const next = letterOrDigit(f.charCodeAt(k));
          if (prev && next && prev !== next) {
            j = k; // "APT 29" = "APT29": separators at a letter↔digit switch are optional
            continue;
          }
          ch = 32;
          const nx = child(node, ch);
          if (nx < 0) break;
          node = nx;
          j = k;
          continue;
        }
        const nx = child(node, ch);
        if (nx < 0) break;
        node = nx;
        j++;
        if (termFirst[node] !== -1) {
          if (nEnds >= 64) break;
          if (rightBoundaryOk(f, j)) {
            ends[nEnds] = j;
            nodes[nEnds] = node;
            glued[nEnds++] = 0;
          } else if (text.startsWith('RAT', j) && rightBoundaryOk(f, j + 3)) {
            // "NetwireRAT", "QuasarRAT": the field glues RAT to a family name; the span includes it.
            ends[nEnds] = j + 3;
            nodes[nEnds] = node;
            glued[nEnds++] = 1;
          }
        }
      }
      let accepted = -1;
      for (let t = nEnds - 1; t >= 0; t--) {
        const e = ends[t] as number;
        if (blocked.overlaps(i, e)) continue;
        const span = text.slice(i, e);
        if (suppressed.size && suppressed.has(suppressionKey(span))) {
          accepted = e; // suppressed: nothing at this place, not even a shorter name
          break;
        }
        contextRejected = false;
        const m = evaluate(nodes[t] as number, i, e, span, glued[t] === 1);
        if (!m && contextRejected) {
          // A longer name written in its own case was refused for lack of context ("The Cobalt Group of mining
          // cooperatives"): do not fall back to a shorter name inside it, whose "cue" is only the rest of that name.
          accepted = e;
          break;
        }
        if (m) {
          const [os, oe] = toOriginalRange(nt, i, e);
          m.start = os;
          m.end = oe;
          m.text = original.slice(os, oe);
          out.push(m);
          accepted = e;
          break;
        }
      }
      if (accepted > 0) {
        i = accepted;
      } else {
        i++;
        while (i < n && isWordCode(f.charCodeAt(i))) i++;
      }
    }

    function evaluate(node: number, s: number, e: number, span: string, glue: boolean): Match | undefined {
      const textSig = (glue ? span.slice(0, -3) : span).replace(/[\s-]+/g, '');
      let cue: Cue | undefined | null = null;
      const getCue = () => (cue === null ? (cue = cueNear(text, s, e)) : cue);
      let best: Match | undefined;
      let bestScore = -1;
      const first = termFirst[node] as number;
      const count = termCount[node] as number;
      for (let t = 0; t < count; t++) {
        const ai = dict.terminals[first + 2 * t + 1] as number;
        const flags = dict.aliasFlags[ai] as number;
        const mode = flags & 3;
        const level = (flags >> 2) as AmbiguityLevel;
        const sig = sigOf(ai);
        const exact = textSig === sig;
        // title mode also accepts ALL CAPS, and camel-case writing of the same letters ("DarkSide" for "Darkside"):
        // an internal capital is never ordinary prose.
        const caseOk =
          mode === CASE.any ||
          exact ||
          (mode === CASE.title && (textSig === sig.toUpperCase() || (CAMEL.test(textSig) && textSig.toLowerCase() === sig.toLowerCase())));
        if (!caseOk) continue;
        const ei = dict.aliasEntity[ai] as number;
        const kind = LETTER_KIND[dict.kinds[ei] as string] ?? 'actor';
        const verdict = ambiguityVerdict({ level, caseOk, cue: level ? getCue() : undefined, entityIsActor: kind === 'actor', pageContext, midSentence: () => isMidSentence(text, s) });
        if (!verdict.ok) {
          if (caseOk && level !== 0) contextRejected = true;
          continue;
        }
        const cueNow = getCue();
        // Preference: a cue agreeing with the kind, then the dictionary's priority order (bundled, kind, feed).
        let score = 0;
        if (cueNow && cueNow.kind !== 'neutral') {
          const wantsActor = cueNow.kind === 'actor';
          if (wantsActor === (kind === 'actor')) score += 4;
        }
        if (score > bestScore) {
          bestScore = score;
          best = {
            start: s,
            end: e,
            text: span,
            entityId: dict.ids[ei] as string,
            name: dict.names[ei] as string,
            kind,
            alias: dict.aliases[ai] as string,
            reason: verdict.contextUsed && level >= 2 ? 'context-confirmed' : exact ? 'exact' : 'case-folded',
            ...(cueNow ? { cue: { word: cueNow.word, kind: cueNow.kind } } : {}),
          };
        }
      }
      return best;
    }

    if (opts.possibleActors !== false) addPossibleActors(original, nt, out, suppressed, pageContext);
    return out;
  }

  function addPossibleActors(original: string, nt: ReturnType<typeof normalizeText>, out: Match[], suppressed: Set<string>, pageContext: () => boolean): void {
    const hits = findPatternHits(nt.text);
    if (!hits.length) return;
    const blocked = new BlockedCursor(blockedSpans(nt.text));
    const taken = out.map((m) => [m.start, m.end] as const);
    const added: Match[] = [];
    let lastEnd = -1;
    for (const h of hits) {
      if (h.start < lastEnd) continue;
      if (blocked.overlaps(h.start, h.end)) continue;
      if (h.needsContext && !pageContext()) continue;
      const [os, oe] = toOriginalRange(nt, h.start, h.end);
      if (taken.some(([a, b]) => a < oe && os < b)) continue;
      const surface = original.slice(os, oe);
      if (suppressed.has(suppressionKey(surface))) continue;
      lastEnd = h.end;
      const cue = cueNear(nt.text, h.start, h.end);
      added.push({ start: os, end: oe, text: surface, entityId: null, name: surface, kind: 'actor', alias: surface, reason: 'pattern', possible: true, rule: h.rule, ...(cue ? { cue: { word: cue.word, kind: cue.kind } } : {}) });
    }
    if (!added.length) return;
    out.push(...added);
    out.sort((a, b) => a.start - b.start);
  }

  return { match, hasSecurityContext };
}
