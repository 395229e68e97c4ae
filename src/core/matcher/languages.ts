/**
 * Function words of languages other than English that the matcher reads a name's surroundings in (audit B2).
 *
 * French, Italian, Portuguese and Spanish write proper names with capitals and common nouns without, as English does
 * (German capitalises every noun): a capitalised word next to a name in their prose is another proper name's word, a
 * person's given name or a club's, as in English. These words, one of which stands in almost any sentence of those
 * languages, tell such a line from German or a Title Case heading. None is an English or German word ("des", "da",
 * "um", "in", "die" are left out), and none is a single letter (an initial, "e.g.").
 */
export const ROMANCE_MARKERS: ReadonlySet<string> = new Set([
  // Italian
  'il', 'lo', 'gli', 'di', 'del', 'della', 'delle', 'dei', 'degli', 'che', 'per', 'con', 'nel', 'nella', 'alla', 'sul', 'una', 'è', 'sono', 'anche',
  // Portuguese
  'os', 'do', 'dos', 'das', 'em', 'no', 'na', 'nos', 'que', 'uma', 'com', 'para', 'pelo', 'pela', 'não', 'foi',
  // Spanish
  'el', 'los', 'las', 'del', 'en', 'por', 'fue', 'pero', 'como', 'según',
  // French
  'le', 'les', 'du', 'et', 'est', 'une', 'pour', 'dans', 'avec', 'sur', 'qui', 'au', 'aux', 'selon',
]);

/** German function words: a line with one of them may capitalise any noun next to a name ("die Hackergruppe Kestrel"). */
export const GERMAN_MARKERS: ReadonlySet<string> = new Set([
  'der', 'die', 'das', 'und', 'ist', 'mit', 'von', 'für', 'ein', 'eine', 'einen', 'auf', 'nicht', 'wird', 'sich', 'den', 'dem', 'des', 'im', 'zu', 'bei', 'nach', 'hat', 'sind', 'auch', 'wie', 'aus',
]);
