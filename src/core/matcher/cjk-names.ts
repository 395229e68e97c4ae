/**
 * Names written wholly in Chinese, Japanese or Korean script (a MISP synonym such as 狼毒草 for Gelsemium, or a reader's
 * import with ラザルス or 라자루스). The trie matcher reads those scripts as no part of a word (normalize.ts isCjk: they
 * glue Latin names to their own words), so such a name was compiled into nothing and never spotted. They are few (one
 * in the public feeds), so they are kept aside in the dictionary (`cjk`) and found here by a plain search.
 *
 * Those languages write no spaces, so a name has no word boundary to wait for. What is checked instead:
 * - a name in kana or hangul, which spell words by sound, must not continue a word of its own script on the left
 *   (パラザルス is not ラザルス; after a hiragana particle it may: はラザルス), and a katakana name must not run on into
 *   more katakana (ラザルスト);
 *   a hangul name may (Korean glues its particles: 라자루스가, 라자루스의), and so may one in ideographs
 *   (拉撒路组织), which Chinese and Japanese write without any mark between words;
 * - the page must have security context (the same test as every name that needs it): 拉撒路 is also the Lazarus of
 *   the Gospel in Chinese, ラザルス a given name in Japanese;
 * - at least CJK_MIN characters: two ideographs are too often part of an ordinary word.
 * Half-width katakana (ﾗｻﾞﾙｽ) is read as full-width, as the trie matcher reads full-width Latin.
 */
import type { Entity, EntityKind } from '../model/entity';
import type { Match } from './match';
import { once } from './once';

export interface CompiledCjkNames {
  /** NFKC, trimmed; longest first, so that the longer of two names starting alike wins. */
  names: string[];
  /** Entity index per name (the dictionary's ids). */
  entity: number[];
}

export interface CjkHit {
  start: number;
  end: number;
  /** The name as compiled (NFKC). */
  alias: string;
  entity: number;
}

/** Shortest name, in characters, that is looked for. */
export const CJK_MIN = 3;

const HIRAGANA = once(() => /[\u3041-\u309f]/u);
/** With the prolonged-sound mark ー, which only continues a katakana word; not the middle dot ・, which parts words. */
const KATAKANA = once(() => /[\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff]/u);
const HANGUL = once(() => /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/u);
/** The sound-spelling script of a character (a word of one does not run on into the other), else undefined. */
const scriptOf = (c: string | undefined) => (c === undefined ? undefined : KATAKANA().test(c) ? 'k' : HIRAGANA().test(c) ? 'h' : HANGUL().test(c) ? 'g' : undefined);
/** Ideographs (with extension A, compatibility ideographs and 々), kana and hangul: every character of such a name. */
const CJK_NAME = once(() => /^[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\u3005]+$/u);
/** Half-width katakana and its sound marks: read as full-width. */
const HALF_WIDTH = once(() => /[\uff61-\uff9f]/u);

/** A name spelt wholly in those scripts, long enough to be looked for: its searched form, else undefined. */
export function cjkForm(name: string): string | undefined {
  const n = name.normalize('NFKC').trim();
  return [...n].length >= CJK_MIN && CJK_NAME().test(n) ? n : undefined;
}

/** The names of `entities` spelt in those scripts, for the dictionary; `indexOf` gives an entity's index there. */
export function compileCjkNames(entities: readonly Entity[], indexOf: (id: string) => number | undefined): CompiledCjkNames | undefined {
  const seen = new Set<string>();
  const found: { name: string; entity: number }[] = [];
  for (const e of entities) {
    const ei = indexOf(e.id);
    if (ei === undefined) continue;
    for (const written of [e.name, ...e.aliases.map((a) => a.name)]) {
      const name = cjkForm(written);
      if (!name || seen.has(`${ei}\u0000${name}`)) continue;
      seen.add(`${ei}\u0000${name}`);
      found.push({ name, entity: ei });
    }
  }
  if (!found.length) return undefined;
  // Longest first; where entities share a name, dictionary order (bundled first) decides, as in the trie.
  found.sort((a, b) => b.name.length - a.name.length || a.entity - b.entity);
  return { names: found.map((f) => f.name), entity: found.map((f) => f.entity) };
}

/** A dictionary's `cjk` read defensively (storage may hold anything). */
export function readCjkNames(raw: unknown, entities: number): CompiledCjkNames | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { names, entity } = raw as Partial<CompiledCjkNames>;
  if (!Array.isArray(names) || !Array.isArray(entity) || names.length !== entity.length) return undefined;
  const ok = names.every((n) => typeof n === 'string' && cjkForm(n) === n) && entity.every((i) => Number.isInteger(i) && i >= 0 && i < entities);
  return ok && names.length ? { names, entity } : undefined;
}

/** The text as searched: half-width katakana made full-width, with each searched character's offset in the original. */
function searched(text: string): { text: string; at: number[] } | undefined {
  const halfWidth = HALF_WIDTH();
  if (!halfWidth.test(text)) return undefined;
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!halfWidth.test(ch)) {
      out += ch;
      at.push(i);
      continue;
    }
    const full = ch.normalize('NFKC');
    // A sound mark (ﾞ ﾟ) joins the kana before it: ｻﾞ → ザ, one character at the kana's offset.
    if ((full === '\u3099' || full === '\u309a') && out.length) {
      const joined = (out[out.length - 1]! + full).normalize('NFC');
      if (joined.length === 1) {
        out = out.slice(0, -1) + joined;
        continue;
      }
    }
    out += full;
    for (let k = 0; k < full.length; k++) at.push(i);
  }
  return { text: out, at };
}

export interface CjkSearch {
  /** A quick test for the prefilter: can the text hold one of the names? */
  mayHold(text: string): boolean;
  /** Every mention, in text order, not overlapping, with original offsets. Context is the caller's to check. */
  find(text: string): CjkHit[];
}

export function createCjkSearch(compiled: CompiledCjkNames): CjkSearch {
  const byFirst = new Map<string, number[]>();
  compiled.names.forEach((n, i) => {
    const first = n[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), i]);
  });
  const allowedBefore = (prev: string | undefined, name: string) => {
    const script = scriptOf(name[0]);
    return script === undefined || scriptOf(prev) !== script;
  };
  const allowedAfter = (next: string | undefined, name: string) => next === undefined || !(KATAKANA().test(name[name.length - 1]!) && KATAKANA().test(next));

  // The first characters of every name, for a native jump from one possible start to the next: a page in any other
  // script is one regular-expression pass, not a walk of every character (all are outside ASCII, and no CJK character
  // has a meaning inside a character class).
  const firstsAt = new RegExp(`[${[...byFirst.keys()].join('')}]`, 'gu');

  // The same with half-width katakana: a text without any is read once (a name's first character or half-width
  // katakana, whichever comes first), not first for half-width katakana and then for names (≈ 0.8 ms per MB of
  // two-byte text). No name holds half-width katakana (cjkForm: NFKC makes it full-width).
  const firstsOrHalfWidth = new RegExp(`[${[...byFirst.keys()].join('')}\uff61-\uff9f]`, 'gu');

  function find(original: string): CjkHit[] {
    return findIn(original, false) ?? findIn(original, true)!;
  }

  /**
   * The hits in `original`, read as is (`halfWidth` false: undefined where it meets half-width katakana, which can
   * change what precedes it too, "ラザﾙｽ") or as searched() makes it.
   */
  function findIn(original: string, halfWidth: boolean): CjkHit[] | undefined {
    const s = halfWidth ? searched(original) : undefined;
    const text = s?.text ?? original;
    const hits: CjkHit[] = [];
    const re = halfWidth ? firstsAt : firstsOrHalfWidth;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const i = m.index;
      const candidates = byFirst.get(m[0]);
      if (!candidates) return undefined;
      for (const ni of candidates) {
        const name = compiled.names[ni]!;
        if (!text.startsWith(name, i) || !allowedBefore(text[i - 1], name) || !allowedAfter(text[i + name.length], name)) continue;
        const end = i + name.length;
        const start = s ? s.at[i]! : i;
        const originalEnd = s ? (end < s.at.length ? s.at[end]! : original.length) : end;
        hits.push({ start, end: originalEnd, alias: name, entity: compiled.entity[ni]! });
        re.lastIndex = end;
        break;
      }
    }
    return hits;
  }

  const firsts = new RegExp(firstsAt.source, 'u');
  return {
    mayHold: (text) => firsts.test(text) || (HALF_WIDTH().test(text) && find(text).length > 0),
    find,
  };
}

export interface CjkMatchContext {
  /** Does the page have security context? Asked only when a name is found. */
  context: () => boolean;
  /** The reader's suppressed terms, as suppressionKey() gives them. */
  suppressed: ReadonlySet<string>;
  suppressionKey: (s: string) => string;
  ids: readonly string[];
  names: readonly string[];
  kinds: readonly EntityKind[];
}

/** The trie matcher's matches with the mentions of names in those scripts added, in text order. */
export function withCjkMatches(search: CjkSearch, text: string, matches: Match[], ctx: CjkMatchContext): Match[] {
  const hits = search.find(text).filter((h) => !ctx.suppressed.has(ctx.suppressionKey(text.slice(h.start, h.end))));
  if (!hits.length || !ctx.context()) return matches;
  // A span the trie matcher already holds stays its (none should overlap, those scripts being no part of its words).
  // Both lists are in text order: one pass over each, as a page may hold thousands of both.
  let k = 0;
  const taken = (h: CjkHit) => {
    while (k < matches.length && matches[k]!.end <= h.start) k++;
    return k < matches.length && matches[k]!.start < h.end;
  };
  const added: Match[] = hits.filter((h) => !taken(h)).map((h) => ({
    start: h.start,
    end: h.end,
    text: text.slice(h.start, h.end),
    entityId: ctx.ids[h.entity]!,
    name: ctx.names[h.entity]!,
    kind: ctx.kinds[h.entity] ?? 'actor',
    alias: h.alias,
    reason: 'exact' as const,
  }));
  return added.length ? [...matches, ...added].sort((a, b) => a.start - b.start) : matches;
}
