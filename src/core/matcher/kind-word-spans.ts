/**
 * Span rule: a name the data writes with the kind word "ransomware" ("Medusa Ransomware", "INC Ransomware", "Maui
 * ransomware", "ABCD ransomware": 337 such names and aliases in the MISP and ATT&CK feeds) is highlighted without it,
 * as every other ransomware's name is ("LockBit ransomware" → LockBit): the kind word is the text's cue, not part of
 * the brand. Before, the span depended on how a feed happened to write the name. AnnoCTR's expert never labels the
 * word with the name (dev split: "REvil/Sodinokibi ransomware", "Babuk ransomware" → the name alone) and neither do
 * the hand-labelled probe documents ("Medusa ransomware listed a school district" → Medusa). Whether the name is
 * spotted is decided as before, on the whole written span; only the highlight changes. Not "stealer" or "loader",
 * which AnnoCTR and the probes label with the name ("Raccoon stealer", "Meta Stealer").
 */
import type { Match } from './match';

const TAIL = /[\s\u00a0]+ransomware$/i;

/**
 * Cut a trailing "ransomware" off a dictionary match whose alias ends with it (in place), the span then the name's;
 * `shown` gives a span's text as the matcher reports it.
 */
export function cutKindWord(original: string, m: Match, shown: (s: string) => string): void {
  if (m.entityId === null || !TAIL.test(m.alias)) return;
  const cut = TAIL.exec(original.slice(m.start, m.end));
  if (!cut || cut.index === 0) return;
  m.end = m.start + cut.index;
  m.text = shown(original.slice(m.start, m.end));
}
