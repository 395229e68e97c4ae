/**
 * Where a name may not be spotted: inside URLs, e-mail addresses, file paths and hashes (computed as blocked spans),
 * inside a longer word or identifier (underscore counts as a word character: `Lazarus_Loader`), inside a dotted name
 * (`trickbot.dll`, `emotet.example.com`, `foo.Emotet`), a defanged domain (`trickbot[.]xyz`), after `@`, `/` or `\`.
 * A possessive or apostrophe, a hyphenated suffix ("TrickBot-infected"), a slash pair in prose ("REvil/Sodinokibi")
 * and ordinary punctuation are fine.
 */
import { isWordCode } from './normalize';

const BLOCK_RE = new RegExp(
  [
    // URLs with a scheme (also defanged hxxp://) or starting with www.
    String.raw`\b[a-z][a-z0-9+.\-]*:\/\/[^\s<>"'\x60]+`,
    String.raw`\bwww\.[^\s<>"'\x60]+`,
    // e-mail addresses
    String.raw`[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+`,
    // Windows paths (C:\…, \\server\…) and backslash paths with at least two segments
    String.raw`(?:\b[A-Za-z]:|\\)?(?:\\[^\s\\\/:*?"<>|]+){2,}\\?`,
    // Unix-style paths with at least two segments, starting after a space, a quote or a bracket
    String.raw`(?<=^|[\s("'\x60\[])(?:~|\.{1,2})?\/[\w.\-]+(?:\/[\w.\-]*)+`,
    // hex hashes (MD5 and longer)
    String.raw`\b[a-fA-F0-9]{32,}\b`,
  ].join('|'),
  'gi',
);

const HEX32 = /[0-9a-fA-F]{32}/;

/** Sorted, non-overlapping [start, end) spans (in the given text) that no match may touch. */
export function blockedSpans(text: string): number[] {
  const out: number[] = [];
  if (!(text.includes(':') || text.includes('@') || text.includes('/') || text.includes('\\')) && !HEX32.test(text)) return out;
  BLOCK_RE.lastIndex = 0;
  for (let m = BLOCK_RE.exec(text); m; m = BLOCK_RE.exec(text)) {
    if (m[0].length === 0) {
      BLOCK_RE.lastIndex++;
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
