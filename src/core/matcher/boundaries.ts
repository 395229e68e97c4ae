/**
 * Where a name may not be spotted: inside URLs, e-mail addresses, file paths and hashes (computed as blocked spans),
 * inside a longer word or identifier (underscore counts as a word character: `Lazarus_Loader`), inside a dotted name
 * (`trickbot.dll`, `emotet.example.com`, `foo.Emotet`), a defanged domain (`trickbot[.]xyz`), after `@`, `/` or `\`.
 * A possessive or apostrophe, a hyphenated suffix ("TrickBot-infected"), a slash pair in prose ("REvil/Sodinokibi")
 * and ordinary punctuation are fine.
 */
import { CLS as CLS_, C_SPACE as C_SPACE_, classify as classify_, isWordCode } from './normalize';
import { once } from './once';

// Local copies of the normalisation tables: a module-local binding is read directly in the hot loops (a
// transpiled re-export may be a getter).
const C_SPACE = C_SPACE_;
const CLS = CLS_;
const classify = classify_;

/** What an expression of BLOCK_PARTS needs in a token to match at all (LazyBlocked picks the expressions by it). */
const HAS_COLON = 1;
const HAS_AT = 2;
const HAS_BACKSLASH = 4;
const HAS_SLASH = 8;
const HAS_DIGIT = 16;

const BLOCK_PARTS: [string, number][] = [
  // URLs with a scheme (also defanged hxxp://) or starting with www.
  [String.raw`\b[a-z][a-z0-9+.\-]*:\/\/[^\s<>"'\x60]+`, HAS_COLON | HAS_SLASH],
  [String.raw`\bwww\.[^\s<>"'\x60]+`, 0],
  // e-mail addresses
  [String.raw`[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+`, HAS_AT],
  // Windows paths (C:\…, \\server\…) and backslash paths with at least two segments
  [String.raw`(?:\b[A-Za-z]:|\\)?(?:\\[^\s\\\/:*?"<>|]+){2,}\\?`, HAS_BACKSLASH],
  // Unix-style paths with at least two segments, starting after a space, a quote or a bracket
  [String.raw`(?<=^|[\s("'\x60\[])(?:~|\.{1,2})?\/[\w.\-]+(?:\/[\w.\-]*)+`, HAS_SLASH],
  // hex hashes (MD5 and longer)
  [String.raw`\b[a-fA-F0-9]{32,}\b`, 0],
  // base64 blobs: 30+ letters, digits and '+' in one run, at least one digit (no slash: a run of path segments
  // is not a blob). Decided on the AnnoCTR dev split ("N40" inside a base64 blob).
  [String.raw`(?=[A-Za-z+]*[0-9])[A-Za-z0-9+]{30,}`, HAS_DIGIT],
];
const BLOCK_RE = once(() => new RegExp(BLOCK_PARTS.map(([src]) => src).join('|'), 'gi'));
/**
 * BLOCK_RE without the expressions that cannot match in a token lacking some characters (by HAS_* mask), built when
 * first needed. An expression that cannot match anywhere in a string changes none of the alternation's matches;
 * left in, the e-mail and URL expressions and the base64 look-ahead run to the end of a word run at each of its
 * positions (each word start for the URL), so a long token of words joined by hyphens ("Cobalt-Cobalt-…", a name at
 * each word start, its 1 KiB window searched again every 512 characters) cost 2.6 s per MB of such text, with or
 * without page context; without them 0.2–0.4 s, what its 140 K names per MB cost anyway.
 */
const BLOCK_BY_MASK: (RegExp | undefined)[] = [];
function blockRegexFor(mask: number): RegExp {
  return (BLOCK_BY_MASK[mask] ??= new RegExp(
    BLOCK_PARTS.filter(([, need]) => (need & ~mask) === 0)
      .map(([src]) => src)
      .join('|'),
    'gi',
  ));
}

const HEX32 = /[0-9a-fA-F]{32}/;
const LONG_RUN = /[A-Za-z0-9+]{30}/;

/** Sorted, non-overlapping [start, end) spans (in the given text) that no match may touch. */
export function blockedSpans(text: string): number[] {
  const out: number[] = [];
  if (!(text.includes(':') || text.includes('@') || text.includes('/') || text.includes('\\')) && !HEX32.test(text) && !LONG_RUN.test(text)) return out;
  const blocks = BLOCK_RE();
  blocks.lastIndex = 0;
  for (let m = blocks.exec(text); m; m = blocks.exec(text)) {
    if (m[0].length === 0) {
      blocks.lastIndex++;
      continue;
    }
    out.push(m.index, m.index + m[0].length);
  }
  return out;
}

/** Cursor over blocked spans for increasing positions. */
export class BlockedCursor {
  private k = 0;
  constructor(private readonly spans: readonly number[]) {}
  /** Does [start, end) touch a blocked span? Calls must come with non-decreasing `start`. */
  overlaps(start: number, end: number): boolean {
    const s = this.spans;
    while (this.k < s.length && (s[this.k + 1] as number) <= start) this.k += 2;
    return this.k < s.length && (s[this.k] as number) < end;
  }
}

const SLASH = 47;
const BACKSLASH = 92;
const AT = 64;
const DOT = 46;

/** May a name start at `i` (already known to be a word start)? */
export function leftBoundaryOk(f: string, i: number): boolean {
  if (i === 0) return true;
  const p = f.charCodeAt(i - 1);
  if (p === SLASH || p === BACKSLASH || p === AT) return i >= 2 && f.charCodeAt(i - 2) !== SLASH && f.charCodeAt(i - 2) !== BACKSLASH && f.charCodeAt(i - 2) !== AT && isWordCode(f.charCodeAt(i - 2)) && p === SLASH;
  if (p === DOT) return !(i >= 2 && isWordCode(f.charCodeAt(i - 2)));
  if (p === 93 /* ] */ && f.slice(Math.max(0, i - 3), i) === '[.]') return false;
  return true;
}

/** May a name end at `e` (exclusive)? */
export function rightBoundaryOk(f: string, e: number): boolean {
  if (e >= f.length) return true;
  const c = f.charCodeAt(e);
  if (isWordCode(c)) return false;
  if (c === DOT || c === AT || c === BACKSLASH) return !(e + 1 < f.length && isWordCode(f.charCodeAt(e + 1)));
  if (c === 91 /* [ */ && f.startsWith('[.]', e)) return false;
  return true;
}

/**
 * Blocked spans computed lazily, only around candidate matches: the whitespace-delimited token around a candidate
 * (at most 512 characters each side) is searched with the same expressions as `blockedSpans`. Every blocked
 * construct is free of whitespace, so the result equals a whole-text pass for tokens of normal length.
 */
export class LazyBlocked {
  private ts = -1;
  private te = -1;
  private spans: number[] = [];
  constructor(private readonly text: string) {}

  overlaps(s: number, e: number): boolean {
    if (s < this.ts || e > this.te) this.load(s, e);
    const sp = this.spans;
    for (let k = 0; k < sp.length; k += 2) if ((sp[k] as number) < e && s < (sp[k + 1] as number)) return true;
    return false;
  }

  private load(s: number, e: number): void {
    const t = this.text;
    let interesting = false;
    let a = s;
    const floor = Math.max(0, s - 512);
    while (a > floor) {
      const c = t.charCodeAt(a - 1);
      if ((CLS[c] || classify(c)) & C_SPACE) break;
      if (c === 58 || c === 64 || c === 47 || c === 92) interesting = true;
      a--;
    }
    let b = e;
    const ceil = Math.min(t.length, e + 512);
    while (b < ceil) {
      const c = t.charCodeAt(b);
      if ((CLS[c] || classify(c)) & C_SPACE) break;
      if (c === 58 || c === 64 || c === 47 || c === 92) interesting = true;
      b++;
    }
    this.ts = a;
    this.te = b;
    this.spans = [];
    if (b - a >= 30) interesting = true;
    if (!interesting) {
      // only a hash could still block: a hex run of 32 or more
      let run = 0;
      for (let k = a; k < b && run < 32; k++) {
        const c = t.charCodeAt(k) | 32;
        run = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) ? run + 1 : 0;
      }
      if (run < 32) return;
    }
    const token = t.slice(a, b);
    let mask = 0;
    for (let k = 0; k < token.length; k++) {
      const c = token.charCodeAt(k);
      if (c === 58) mask |= HAS_COLON;
      else if (c === 64) mask |= HAS_AT;
      else if (c === 92) mask |= HAS_BACKSLASH;
      else if (c === 47) mask |= HAS_SLASH;
      else if (c >= 48 && c <= 57) mask |= HAS_DIGIT;
    }
    const re = blockRegexFor(mask);
    re.lastIndex = 0;
    for (let m = re.exec(token); m; m = re.exec(token)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      this.spans.push(a + m.index, a + m.index + m[0].length);
    }
  }
}
