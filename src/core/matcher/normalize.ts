/**
 * Text normalisation shared by the dictionary build (compile.ts) and lookup (match.ts).
 *
 * Per code point: Unicode NFKC; zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD)
 * dropped; every space variant (NBSP, thin space, ideographic space…) → ' '; typographic apostrophes
 * (’ ‘ ʼ ′ ＇) → "'"; hyphen variants (‐ ‑ ‒ – −) → '-' (the em dash stays: it separates words, it never
 * joins a name); superscript and subscript digits → '*', as they are footnote marks in reports ("with PlugX.⁴ We"),
 * which NFKC would turn into digits glued to the name ("PlugX4"). Case folding is per UTF-16 code unit and only where it keeps the length (so offsets stay 1:1).
 * Combining sequences are not recomposed across code points (NFKC is applied per code point).
 *
 * normalizeText keeps a map from every normalised code unit back to the original [start, end) range, so a match
 * in normalised text is reported at exact offsets of the original string.
 */

import { once } from './once';

/** Letter, number, mark, underscore or surrogate: a "word" code unit. */
export function isWordCode(c: number): boolean {
  return ((CLS[c] || classify(c)) & C_WORD) !== 0;
}
/** 1 letter, 2 digit, 0 other. Used for the letter↔digit separator rule ("APT 29" = "APT29"). */
export function letterOrDigit(c: number): number {
  const k = CLS[c] || classify(c);
  return k & C_LETTER ? 1 : k & C_DIGIT ? 2 : 0;
}
/** Separators a multi-word name may be written with: space, tab, hyphen (after normalisation). */
export function isNameSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 45;
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const IGNORED = /[\u00ad\u200b-\u200d\u2060\ufeff\u180e]/;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\uff07\u201b]/;
const HYPHENS = /[\u2010-\u2013\u2212\ufe63\uff0d]/;
const FOOTNOTE_MARKS = /[\u00b2\u00b3\u00b9\u2070-\u209f]/;

const cache = new Map<string, string>();

/** Normalised form of one non-ASCII code point ('' when it is ignored). */
export function normalizeCodePoint(cp: string): string {
  let r = cache.get(cp);
  if (r !== undefined) return r;
  if (IGNORED.test(cp)) r = '';
  else if (SPACES.test(cp)) r = ' ';
  else if (APOSTROPHES.test(cp)) r = "'";
  else if (HYPHENS.test(cp)) r = '-';
  else if (FOOTNOTE_MARKS.test(cp)) r = '*';
  else {
    r = cp.normalize('NFKC');
    // NFKC may itself produce a space/apostrophe variant; normalise those too.
    if (r !== cp && r.length > 0) r = [...r].map((x) => (x.charCodeAt(0) < 128 ? x : SPACES.test(x) ? ' ' : APOSTROPHES.test(x) ? "'" : HYPHENS.test(x) ? '-' : x)).join('');
  }
  if (cache.size < 50_000) cache.set(cp, r);
  return r;
}

/*
 * Per-code-unit tables for the matcher's hot loop (filled lazily: a code unit is classified the first time it is
 * seen, so loading the module costs nothing for scripts the page never uses).
 *  - CLS: class bits (C_*); 0 = not classified yet (call `classify`).
 *  - FOLD: the code unit after normalisation (1:1 cases only) and case folding: what the trie is walked with.
 *  - NORM: the code unit after normalisation, original case: what case signatures are compared with.
 * A code unit whose normalisation is not 1:1 (ignored characters, NFKC expansions such as ligatures) is C_SPECIAL:
 * text containing one is first rewritten by `prepareText`.
 */
export const C_WORD = 1;
export const C_LETTER = 2;
export const C_DIGIT = 4;
export const C_UPPER = 8;
export const C_LOWER = 16;
/** space, tab or hyphen after normalisation: may separate the words of a name */
export const C_SEP = 32;
/** dropped or expanded by normalisation: the text needs `prepareText` */
export const C_SPECIAL = 64;
export const C_KNOWN = 128;
/** high surrogate: the astral code point may need normalisation (checked per code point) */
export const C_HIGH = 256;
/** JavaScript `\s` */
export const C_SPACE = 512;

export const CLS = new Uint16Array(65536);
export const FOLD = new Uint16Array(65536);
export const NORM = new Uint16Array(65536);

const RE_WORD = once(() => /[\p{L}\p{N}\p{M}_]/u);
const RE_L = once(() => /\p{L}/u);
const RE_N = once(() => /\p{N}/u);
const RE_LU = once(() => /\p{Lu}/u);
const RE_LL = once(() => /\p{Ll}/u);
const RE_S = /\s/;

/**
 * Chinese, Japanese and Korean script (ideographs, kana, hangul, and the kana prolonged-sound mark): not part of a word.
 * Those languages glue Latin names to their own words ("Lazarus Groupが", "利用TrickBot木马", "TrickBot을"), and the
 * field's names are Latin: read as one word with its neighbours, no name on such a page was spotted at all. A name
 * written wholly in those scripts (1 of ≈ 21,000 in the public feeds) is found apart, by cjk-names.ts.
 */
function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0x1100 && c <= 0x11ff) || // hangul jamo
    (c >= 0x3130 && c <= 0x318f) || // hangul compatibility jamo
    (c >= 0x31f0 && c <= 0x31ff) || // katakana phonetic extensions
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    c === 0x3005 // 々
  );
}

/**
 * ASCII's classes worked out by hand, as the expressions in `classify` give them: compiling those expressions' Unicode
 * classes took ≈ 1–1.5 ms of `content.js`'s evaluation in every new renderer, paid now only when a page has a
 * character above U+007F to classify.
 */
function classifyAscii(c: number): number {
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  let k = C_KNOWN;
  if (c === 32 || (c >= 9 && c <= 13)) k |= C_SPACE;
  if (upper || lower || digit || c === 95) k |= C_WORD;
  if (upper || lower) k |= C_LETTER;
  else if (digit) k |= C_DIGIT;
  if (upper) k |= C_UPPER;
  else if (lower) k |= C_LOWER;
  if (c === 32 || c === 9 || c === 45) k |= C_SEP;
  CLS[c] = k;
  NORM[c] = c;
  FOLD[c] = upper ? c + 32 : c;
  return k;
}

/** Classify code unit `c` (fills CLS, FOLD, NORM) and return its class bits. */
export function classify(c: number): number {
  if (c < 128) return classifyAscii(c);
  let k = C_KNOWN;
  const ch = String.fromCharCode(c);
  if (RE_S.test(ch)) k |= C_SPACE;
  if (c >= 0xd800 && c <= 0xdfff) {
    k |= C_WORD | C_LETTER | (c <= 0xdbff ? C_HIGH : 0);
    CLS[c] = k;
    FOLD[c] = c;
    NORM[c] = c;
    return k;
  }
  const n = c < 128 ? ch : normalizeCodePoint(ch);
  if (n.length !== 1) {
    k |= C_SPECIAL;
    CLS[c] = k;
    FOLD[c] = c;
    NORM[c] = c;
    return k;
  }
  const nc = n.charCodeAt(0);
  const lower = n.toLowerCase();
  NORM[c] = nc;
  FOLD[c] = lower.length === 1 ? lower.charCodeAt(0) : nc;
  if (isCjk(nc)) {
    CLS[c] = k;
    return k;
  }
  if (RE_WORD().test(n)) k |= C_WORD;
  if (RE_L().test(n)) k |= C_LETTER;
  else if (RE_N().test(n)) k |= C_DIGIT;
  if (RE_LU().test(n)) k |= C_UPPER;
  else if (RE_LL().test(n)) k |= C_LOWER;
  if (nc === 32 || nc === 9 || nc === 45) k |= C_SEP;
  CLS[c] = k;
  return k;
}
for (let c = 0; c < 128; c++) classifyAscii(c);

const astralCache = new Map<number, boolean>();
/** Does the astral code point change under normalisation (𝐀 → A)? */
function astralSpecial(cp: number): boolean {
  let r = astralCache.get(cp);
  if (r === undefined) {
    const s = String.fromCodePoint(cp);
    r = normalizeCodePoint(s) !== s;
    if (astralCache.size < 10_000) astralCache.set(cp, r);
  }
  return r;
}

/** Does the text contain a character whose normalisation is not 1:1 (so the matcher must work on a copy)? */
export function needsPreparation(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    const k = CLS[c] || classify(c);
    if (k & C_SPECIAL) return true;
    if (k & C_HIGH && i + 1 < n) {
      if (astralSpecial(text.codePointAt(i) as number)) return true;
      i++;
    }
  }
  return false;
}

/** A copy of `original` with only the non-1:1 normalisations applied, and the offset map back. */
export interface PreparedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  originalLength: number;
}

/**
 * Copies `original`, replacing each code point `widthAt` picks (its width in code units; 0 keeps it, and ASCII is
 * always kept) by its normalisation, with the map from every code unit of the copy back to the original.
 */
function rewrite(original: string, widthAt: (c: number, i: number) => number): PreparedText {
  const n = original.length;
  // No closures over the arrays and the length: the optimiser keeps them in registers in the copying loops (the
  // corpus's 672,000 characters with two to rewrite: 4.6 → 4.0 ms median).
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  const parts: string[] = [];
  let len = 0;
  let run = 0;
  for (let i = 0; i <= n; i++) {
    let width = 0;
    let r = '';
    if (i < n) {
      const c = original.charCodeAt(i);
      if (c < 128) continue;
      width = widthAt(c, i);
      if (!width) continue;
      r = normalizeCodePoint(original.slice(i, i + width));
    }
    // room for the kept run, then for the replacement, grown as two separate requests (the arrays' length is part
    // of what toOrig reads past the end)
    for (let need = len + (i - run), step = 0; step < 2; step++, need += r.length) {
      if (need <= starts.length) continue;
      const size = Math.max(starts.length * 2, need);
      const ns = new Int32Array(size);
      ns.set(starts);
      starts = ns;
      const ne = new Int32Array(size);
      ne.set(ends);
      ends = ne;
    }
    if (run < i) {
      for (let k = run; k < i; k++) {
        starts[len] = k;
        ends[len++] = k + 1;
      }
      parts.push(original.slice(run, i));
    }
    if (i === n) break;
    for (let q = 0; q < r.length; q++) {
      starts[len] = i;
      ends[len++] = i + width;
    }
    parts.push(r);
    i += width - 1;
    run = i + 1;
  }
  return { text: parts.join(''), starts, ends, originalLength: n };
}

/** The copy the matcher works on when a text holds characters that need it (see PreparedText). */
export function prepareText(original: string): PreparedText {
  const n = original.length;
  return rewrite(original, (c, i) => {
    const k = CLS[c] || classify(c);
    if (k & C_SPECIAL) return 1;
    return k & C_HIGH && i + 1 < n && astralSpecial(original.codePointAt(i) as number) ? 2 : 0;
  });
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
  // Every non-ASCII code point (a surrogate pair as one).
  const p = rewrite(original, (c, i) => (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1));
  return { text: p.text, folded: foldString(p.text), starts: p.starts, ends: p.ends, originalLength: n };
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

/** Does the astral character starting at `i` (a high surrogate) need `prepareText`? */
export function astralNeedsPreparation(text: string, i: number): boolean {
  return i + 1 < text.length && astralSpecial(text.codePointAt(i) as number);
}
