/**
 * A round-up's item opens on a bold lead or a short sentence that names a crew by its bare name and says what it did
 * ("Rhysida leaks data from a port operator."), and the next sentence names it again with its crew noun ("The Rhysida
 * group published…"). A name that is also an ordinary word stands at the lead's start, where rule (b) of
 * ambiguityVerdict refuses it; the next sentence says what it is. Read after the pass (match.ts laterConfirmed) for
 * refused names only: the lead must do an act of the trade right after the name, and the very next sentence, in the
 * same paragraph, must open with "The <name> <crew noun>" spotted as the same entity. Either half alone is ordinary
 * ("Harbor is a fine port. The Harbor group…", "Royal leaks are rare."). Pure functions on the original text.
 */
import { once } from './once';

/**
 * An act of the trade done by the subject right after the name, a few auxiliaries or adverbs allowed; not the same
 * word as a noun, which a verb or "of" follows ("Harbor leaks are rare", "Harbor posts of the week").
 */
const LEAD_ACT = once(
  () =>
    /^[ \u00a0]+(?:(?:is|are|was|were|has|have|had|again|now|still|also|reportedly|allegedly|once[ \u00a0]+again)[ \u00a0]+){0,2}(?:leak(?:s|ed|ing)|dump(?:s|ed|ing)|claim(?:s|ed|ing)|list(?:s|ed|ing)|post(?:s|ed|ing)|publish(?:es|ed|ing)|extort(?:s|ed|ing)|encrypt(?:s|ed|ing)|steal(?:s|ing)|stole|hits?|hitting|struck|strikes|target(?:s|ed|ing)|attack(?:s|ed|ing)|breach(?:es|ed)|hack(?:s|ed)|compromis(?:es|ed))(?![\p{L}\p{N}_-])(?![ \u00a0]+(?:are|were|is|was|have|had|will|can|could|may|might|should|would|do|did|of)(?![\p{L}\p{N}_-]))/iu,
);
/** The crew noun right after the name in the next sentence ("The Rhysida group", "The Rhysida ransomware gang"). */
const CREW_AFTER = once(() => /^[ \u00a0]+(?:ransomware[ \u00a0]+)?(?:group|gang|crew|operators|affiliates|actors?|cartel)(?![\p{L}\p{N}_-])/iu);
/** How far the next sentence's mention may start after the lead's name. */
export const LEAD_CHARS = 240;

/** Does the lead's name [s, e) do an act of the trade right after it (LEAD_ACT)? */
export function leadAct(text: string, e: number): boolean {
  return LEAD_ACT().test(text.slice(e, e + 64));
}

/**
 * Is the mention [ns, ne) the opening "The <name> <crew noun>" of the sentence right after the one the name ending at
 * `e` stands in, in the same paragraph? One sentence end between them (a full stop, an exclamation or a question mark,
 * closing emphasis or quotes allowed), no blank line.
 */
export function crewOpensNextSentence(text: string, e: number, ns: number, ne: number): boolean {
  if (ns - e > LEAD_CHARS || !CREW_AFTER().test(text.slice(ne, ne + 40))) return false;
  let k = ns;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 0xa0)) k--;
  if (text.slice(k - 3, k) !== 'The') return false;
  k -= 3;
  if (k > 0 && /[\p{L}\p{N}_]/u.test(text.charAt(k - 1))) return false;
  // back over spaces, a line break, closing emphasis and quotes to the lead's full stop
  let j = k;
  while (j > e && /[\s*_"'\u201d\u2019)]/u.test(text.charAt(j - 1))) j--;
  const stop = text.charCodeAt(j - 1);
  if (!(stop === 46 || stop === 33 || stop === 63)) return false;
  if (/\n[ \t]*\n/.test(text.slice(j, k))) return false;
  // the lead is one sentence: no other sentence end between the name and that full stop
  return !/[.!?][\s*_"'\u201d\u2019)]/u.test(text.slice(e, j - 1));
}
