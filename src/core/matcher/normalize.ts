/**
 * Text normalisation shared by the dictionary build (compile.ts) and lookup (match.ts).
 *
 * Per code point: Unicode NFKC; zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD)
 * dropped; every space variant (NBSP, thin space, ideographic space…) → ' '; typographic apostrophes
 * (’ ‘ ʼ ′ ＇) → "'"; hyphen variants (‐ ‑ ‒ – −) → '-' (the em dash stays: it separates words, it never
 * joins a name). Case folding is per UTF-16 code unit and only where it keeps the length (so offsets stay 1:1).
 * Combining sequences are not recomposed across code points (NFKC is applied per code point).
 *
 * normalizeText keeps a map from every normalised code unit back to the original [start, end) range, so a match
 * in normalised text is reported at exact offsets of the original string.
 */

/** 1 = letter/number/mark/underscore/surrogate ("word" character), built once. */
const WORD = new Uint8Array(65536);
/** 1 = letter, 2 = digit (number). Used for the letter↔digit separator rule ("APT 29" = "APT29"). */
const LD = new Uint8Array(65536);
(() => {
  const word = /[\p{L}\p{N}\p{M}_]/u;
  const letter = /\p{L}/u;
  const digit = /\p{N}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      WORD[c] = 1;
      LD[c] = 1;
      continue;
    }
    if (c < 128) {
      const isL = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      const isD = c >= 48 && c <= 57;
      WORD[c] = isL || isD || c === 95 ? 1 : 0;
      LD[c] = isL ? 1 : isD ? 2 : 0;
      continue;
    }
    const ch = String.fromCharCode(c);
    WORD[c] = word.test(ch) ? 1 : 0;
    LD[c] = letter.test(ch) ? 1 : digit.test(ch) ? 2 : 0;
  }
})();

export function isWordCode(c: number): boolean {
  return WORD[c] === 1;
}
/** 1 letter, 2 digit, 0 other. */
export function letterOrDigit(c: number): number {
  return LD[c] ?? 0;
}
/** Separators a multi-word name may be written with: space, tab, hyphen (after normalisation). */
export function isNameSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 45;
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const IGNORED = /[\u00ad\u200b-\u200d\u2060\ufeff\u180e]/;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\uff07\u201b]/;
const HYPHENS = /[\u2010-\u2013\u2212\ufe63\uff0d]/;

const cache = new Map<string, string>();

/** Normalised form of one non-ASCII code point ('' when it is ignored). */
export function normalizeCodePoint(cp: string): string {
  let r = cache.get(cp);
  if (r !== undefined) return r;
  if (IGNORED.test(cp)) r = '';
  else if (SPACES.test(cp)) r = ' ';
  else if (APOSTROPHES.test(cp)) r = "'";
  else if (HYPHENS.test(cp)) r = '-';
  else {
    r = cp.normalize('NFKC');
    // NFKC may itself produce a space/apostrophe variant; normalise those too.
    if (r !== cp && r.length > 0) r = [...r].map((x) => (x.charCodeAt(0) < 128 ? x : SPACES.test(x) ? ' ' : APOSTROPHES.test(x) ? "'" : HYPHENS.test(x) ? '-' : x)).join('');
  }
  if (cache.size < 50_000) cache.set(cp, r);
  return r;
}

export interface NormalizedText {
  /** Normalised text, original case. */
  text: string;
  /** Same length as `text`, case-folded where folding keeps the length. */
  folded: string;
  /** Original start offset of each normalised code unit; null when the text needed no change (identity). */
  starts: Int32Array | null;
  /** Original end offset (exclusive) of each normalised code unit; null for identity. */
  ends: Int32Array | null;
  /** Length of the original text. */
  originalLength: number;
}

function foldString(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  // Rare: some character lower-cases to a different length (İ → i̇). Fold code unit by code unit instead.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[^\x00-\x7f]/;

export function normalizeText(original: string): NormalizedText {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, folded: foldString(original), starts: null, ends: null, originalLength: original.length };
  }
  const n = original.length;
  const starts = new Int32Array(n + 8);
  const ends = new Int32Array(n + 8);
  let buf = starts;
  let bufE = ends;
  const parts: string[] = [];
  let len = 0;
  const push = (s: string, a: number, b: number) => {
    for (let k = 0; k < s.length; k++) {
      if (len >= buf.length) {
        const nb = new Int32Array(buf.length * 2);
        nb.set(buf);
        buf = nb;
        const ne = new Int32Array(bufE.length * 2);
        ne.set(bufE);
        bufE = ne;
      }
      buf[len] = a;
      bufE[len] = b;
      len++;
    }
    parts.push(s);
  };
  let runStart = 0;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c < 128) {
      i++;
      continue;
    }
    // flush ASCII run
    if (runStart < i) {
      const s = original.slice(runStart, i);
      for (let k = 0; k < s.length; k++) {
        if (len >= buf.length) {
          const nb = new Int32Array(buf.length * 2);
          nb.set(buf);
          buf = nb;
          const ne = new Int32Array(bufE.length * 2);
          ne.set(bufE);
          bufE = ne;
        }
        buf[len] = runStart + k;
        bufE[len] = runStart + k + 1;
        len++;
      }
      parts.push(s);
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const cp = original.slice(i, i + width);
    push(normalizeCodePoint(cp), i, i + width);
    i += width;
    runStart = i;
  }
  if (runStart < n) {
    const s = original.slice(runStart, n);
    for (let k = 0; k < s.length; k++) {
      if (len >= buf.length) {
        const nb = new Int32Array(buf.length * 2);
        nb.set(buf);
        buf = nb;
        const ne = new Int32Array(bufE.length * 2);
        ne.set(bufE);
        bufE = ne;
      }
      buf[len] = runStart + k;
      bufE[len] = runStart + k + 1;
      len++;
    }
    parts.push(s);
  }
  const text = parts.join('');
  return { text, folded: foldString(text), starts: buf, ends: bufE, originalLength: n };
}

/** Map a [start, end) range of normalised text back to the original text. */
export function toOriginalRange(nt: NormalizedText, start: number, end: number): [number, number] {
  if (!nt.starts || !nt.ends) return [start, end];
  return [nt.starts[start] ?? nt.originalLength, end > start ? (nt.ends[end - 1] ?? nt.originalLength) : (nt.starts[start] ?? nt.originalLength)];
}

/**
 * Dictionary key of a name: normalised, folded, separator runs (space, tab, hyphen) → one ' ', and no separator at
 * a letter↔digit transition ("APT 29", "APT-29", "APT29" → "apt29"; "Storm-0558" → "storm0558";
 * "APT-C-36" → "apt c36"). The matcher applies the same rule while walking text.
 */
export function normalizeKey(name: string): string {
  const f = normalizeText(name).folded.trim();
  let out = '';
  let i = 0;
  while (i < f.length) {
    const c = f.charCodeAt(i);
    if (isNameSeparator(c)) {
      let j = i;
      while (j < f.length && isNameSeparator(f.charCodeAt(j))) j++;
      if (j >= f.length) break;
      const prev = out.length ? letterOrDigit(out.charCodeAt(out.length - 1)) : 0;
      const next = letterOrDigit(f.charCodeAt(j));
      if (!(prev && next && prev !== next) && out.length) out += ' ';
      i = j;
      continue;
    }
    out += f[i];
    i++;
  }
  return out;
}

/** Case signature: normalised text with original case and all separators removed ("APT 29" → "APT29"). */
export function caseSignature(s: string): string {
  return normalizeText(s).text.replace(/[\s-]+/g, '');
}

/** Normalised, folded, separator-free form used to compare user-suppressed terms with matches. */
export function suppressionKey(s: string): string {
  return normalizeKey(s).replace(/ /g, '');
}
