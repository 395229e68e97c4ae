/**
 * A crew-scheme name cut to its first word once the text has given it whole: "You wrote that Volt Typhoon ran the
 * botnet… that was Flax Typhoon, not Volt." Writers drop the scheme word when another name of the same scheme stands
 * beside the short form, so the scheme word is understood: the short form is read only in a sentence that spots another
 * "<Name> <Scheme>" of the same scheme word, after the full name was spotted earlier in the text, capitalised as there,
 * set against or beside the partner by a contrast's or a list's joint (", not Volt", "and Volt"), and not itself part of
 * a longer name ("Volt Energy", "Chevy Volt"). A first word alone elsewhere ("Volt" in a car review)
 * stays unmarked: the full name, the scheme partner and the sentence are all required.
 */
import type { Match } from './match';
import { once } from './once';
import { ANIMALS } from './patterns';

const SCHEME_WORDS: ReadonlySet<string> = new Set(ANIMALS);
/**
 * What stands right before a short form set against or beside its partner ("…, not Volt", "Flax and Volt", "rather
 * than Volt"): a list's or a contrast's joint. A capitalised word before it makes a longer name ("Chevy Volt").
 */
const CONTRAST_BEFORE = /(?:,|(?<![\p{L}\p{N}_-])(?:not|and|or|nor|than|vs\.?|versus|unlike|like|but))[ \u00a0]+$/u;
/** How far from the partner the short form may stand, within its sentence. */
const REACH = 120;
/** A whole capitalised word, as a first word of a scheme name is written. */
const CAPITALISED_WORD = once(() => /(?<![\p{L}\p{N}_-])\p{Lu}\p{L}+(?![\p{L}\p{N}_-])/gu);

/** "<First> <Scheme>" of a two-word crew-scheme name, or undefined. */
function schemeParts(m: Match): [string, string] | undefined {
  if (m.kind !== 'actor') return undefined;
  const w = /^(\p{Lu}[\p{L}]+)[ \u00a0]+(\p{Lu}\p{Ll}+)$/u.exec(m.text);
  return w && SCHEME_WORDS.has((w[2] as string).toLowerCase()) ? [w[1] as string, w[2] as string] : undefined;
}

/** Does [a, b) stay within one sentence (no line break, no sentence end)? */
function oneSentence(t: string, a: number, b: number): boolean {
  return !/[\n]|[.!?][ \u00a0]/.test(t.slice(a, b));
}

/**
 * Short forms of crew-scheme names in `out` (sorted by start) of `text`, as matches of the full name's entity; `taken`
 * tells whether a span overlaps a match already made.
 */
export function schemeShortForms(text: string, out: readonly Match[], taken: (s: number, e: number) => boolean): Match[] {
  const added: Match[] = [];
  /** First word → the earliest spotted full name. */
  const first = new Map<string, { m: Match; scheme: string }>();
  for (const m of out) {
    const parts = schemeParts(m);
    if (!parts) continue;
    const [word, scheme] = parts;
    if (!first.has(word)) first.set(word, { m, scheme });
    // the partner: another name of the scheme; the capitalised words around it within reach are the candidate short
    // forms (read from its window only: searching the text for each earlier full name's first word went on to the
    // text's end wherever that word did not occur near, which cost a page dense with names a third of its matching)
    const hi = Math.min(text.length, m.end + REACH);
    const words = CAPITALISED_WORD();
    words.lastIndex = Math.max(0, m.start - REACH);
    for (let h = words.exec(text); h && h.index < hi; h = words.exec(text)) {
      const short = h[0];
      const full = first.get(short);
      if (!full || short === word || full.scheme !== scheme || full.m.end > m.start) continue;
      const s = h.index;
      const e = s + short.length;
      if (s < full.m.end || (s >= m.start && s < m.end)) continue;
      if (/^[ \u00a0]+\p{Lu}/u.test(text.slice(e, e + 2)) || !CONTRAST_BEFORE.test(text.slice(Math.max(0, s - 12), s))) continue;
      if (!(s < m.start ? oneSentence(text, e, m.start) : oneSentence(text, m.end, s))) continue;
      if (taken(s, e) || added.some((a) => a.start === s)) continue;
      const f = full.m;
      added.push({ start: s, end: e, text: short, entityId: f.entityId, name: f.name, kind: f.kind, alias: f.alias, reason: 'context-confirmed', ...(f.possible ? { possible: true, rule: 'same-text' } : {}) });
    }
  }
  return added;
}
