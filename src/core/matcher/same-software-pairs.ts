/**
 * A software's second name right after its first: "Cobalt Strike Beacon", "CobaltStrike Beacon". Reports name Cobalt
 * Strike's implant by the name its makers give it, Beacon, after the suite's name, and malpedia lists BEACON (as
 * Mandiant writes it) among Cobalt Strike's names. Alone, "Beacon" is an English word in Title Case that a page's
 * security words do not make a name (it is written in capitals in the data), so it was not spotted there; right after
 * a mention of the same entity, the pair says what it is. The matcher asks this for a non-actor name that failed only
 * for its writing (match.ts sameSoftwareBefore); the rest of its checks (context, other proper names) still apply.
 * Decided on the AnnoCTR dev split, where both such mentions are labelled Beacon, MALWARE, apart from Cobalt Strike.
 */
import { CLS, C_UPPER, classify } from './normalize';

const cls = (c: number): number => CLS[c] || classify(c);

/**
 * Does the name at `s` of `t` follow, after one space, a mention ending at `prevEnd`, and open with a capital (a lower-case
 * "beacon" after Cobalt Strike is the common noun: "Cobalt Strike beacons called home")?
 */
export function namedAgainAfter(t: string, prevEnd: number, s: number): boolean {
  return s === prevEnd + 1 && t.charCodeAt(prevEnd) === 32 && (cls(t.charCodeAt(s)) & C_UPPER) !== 0;
}
