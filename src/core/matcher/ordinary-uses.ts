/**
 * Session 17, helper A: more ways prose uses a threat's name for something else (see also ordinary-namings.ts).
 *  - A place: "Turla Valley", "the Kimsuky River", "Lazarus Street". A capitalised word for a kind of place after the
 *    name makes the two words a place's name, whatever the name's level (a word-like name such as Turla is otherwise
 *    read on a security page as the actor, in a travel story with one paragraph on phishing too). So is the name the
 *    text defines as a place, with the article a place takes: "The Turla is a river in eastern Europe".
 *  - A family of people: "Members of the Royal family attended", "the Royal family's estate", "the Lazarus family next
 *    door". "Family" is a software cue ("the Emotet family"), and for a name that is an ordinary English word the same
 *    words name a family of people; the words around say which.
 */

import { once } from './once';

/** Capitalised words that name a kind of place after a proper name ("Turla Valley", "Snake River"). */
const PLACE_WORDS = new Set([
  'Valley', 'River', 'Lake', 'Lakes', 'Mountain', 'Mountains', 'Hill', 'Hills', 'Island', 'Islands', 'Bay', 'Beach', 'Coast',
  'Creek', 'Canyon', 'Forest', 'Park', 'Street', 'Road', 'Avenue', 'Lane', 'Square', 'Bridge', 'Harbour', 'Harbor', 'Heights',
  'County', 'Province', 'District', 'Falls', 'Springs', 'Peak', 'Desert', 'Gulf', 'Strait', 'Glacier', 'Plateau', 'Ridge',
]);
const PLACE_AFTER = once(() => /^[ \u00a0]([A-Z][a-z]{2,9})(?![\p{L}\p{N}_-])/u);

/** Is the name ending at `e` the first word of a place's name ("Turla Valley", "Lazarus Street")? */
export function placeNounAfter(text: string, e: number): boolean {
  // cheap test first: a space, then a capital
  const c = text.charCodeAt(e + 1);
  if (c < 65 || c > 90) return false;
  const m = PLACE_AFTER().exec(text.slice(e, e + 12));
  return !!m && PLACE_WORDS.has(m[1] as string);
}

/** "The" right before the name, as a sentence opens with it. */
const THE_BEFORE = /(?:^|[.!?]["'\u201d\u2019)]?[ \u00a0\n]+|\n)The[ \u00a0]+$/;
/** "is a river", "was a small town in…": a kind of place as what the name is. */
const PLACE_DEFINITION = once(() => /^[ \u00a0]+(?:is|was)[ \u00a0]+(?:a|an)[ \u00a0]+(?:[a-z-]+[ \u00a0]+){0,2}?(?:river|stream|lake|sea|town|city|village|hamlet|mountain|mountains|range|island|valley|region|province|county|district|port|bay|peninsula|desert|forest|plain)(?![\p{L}\p{N}_-])/u);

/**
 * Is the name at [s, e) defined as a place, with the article a place takes ("The Turla is a river in eastern Europe")?
 * The field writes a group or a family without "The" as its subject ("Turla is a group"), and never calls one a river.
 */
export function placeDefinition(text: string, s: number, e: number): boolean {
  // cheap test first: " is " or " was " after the name
  const c = text.charCodeAt(e + 1);
  if (c !== 105 && c !== 119) return false;
  return PLACE_DEFINITION().test(text.slice(e, e + 48)) && THE_BEFORE.test(text.slice(Math.max(0, s - 8), s));
}

/** " family" (or "Family") right after the name. */
const FAMILY_AFTER = once(() => /^[ \u00a0][Ff]amily(?![\p{L}\p{N}_-])/u);
/** People said to belong to the family before it: "members of the", "the head of the", "guests of the", "heir to the". */
const PEOPLE_BEFORE = /\b(?:members?|heads?|friends?|guests?|relatives?|heirs?|children|sons?|daughters?|descendants?|patriarch|matriarch|servants?|neighbou?rs?)[ \u00a0]+(?:of|to)[ \u00a0]+the[ \u00a0]+$/i;
/** What follows a family of people, never a software family: "next door", "who", "whose", "'s home". */
const PEOPLE_AFTER = /^(?:[ \u00a0]+next[ \u00a0]+door|,?[ \u00a0]+(?:who|whose)[ \u00a0]|['\u2019]s[ \u00a0]+(?:home|house|estate|farm|land|children|sons?|daughters?|dog|cat|wedding|funeral|ancestors)\b)/;

/**
 * Is the name at [s, e), followed by "family", a family of people ("Members of the Royal family attended", "the Lazarus
 * family next door", "the Royal family's estate")? A software family is written with the same words ("members of the
 * Emotet family" is rarer than its "variants", never its "heirs"), so the people said to belong to it count only for a
 * name that is an ordinary word (`ordinaryWord`: "Royal", not "Emotet"); what follows a family of people counts for any
 * name (a coined-looking name is a surname too: "the Kimsuky family next door").
 */
export function familyOfPeople(text: string, s: number, e: number, ordinaryWord: boolean): boolean {
  // cheap test first: " f" or " F" after the name
  if ((text.charCodeAt(e + 1) | 32) !== 102 || !FAMILY_AFTER().test(text.slice(e, e + 8))) return false;
  const f = e + 7;
  return (ordinaryWord && PEOPLE_BEFORE.test(text.slice(Math.max(0, s - 32), s))) || PEOPLE_AFTER.test(text.slice(f, f + 24));
}

/** " team" right after the name. */
const TEAM_AFTER = once(() => /^[ \u00a0]team(?![\p{L}\p{N}_-])/u);
/** Words before a team of one's own: "our", "my", "your", "a new", "the new", "our new". */
const OWN_TEAM_BEFORE = once(() => /(?:^|[^\p{L}])(?:(?:our|my|your)(?:[ \u00a0]+new)?|(?:a|the)[ \u00a0]+new)[ \u00a0]+$/iu);

/**
 * Is the name at [s, e) the name of one's own team ("our Cobalt team", "the new Storm team")? A crew is not introduced as
 * someone's, or as newly set up; a company, a club or a project names its teams after ordinary words.
 */
export function ownTeam(text: string, s: number, e: number): boolean {
  return text.charCodeAt(e + 1) === 116 && TEAM_AFTER().test(text.slice(e, e + 6)) && OWN_TEAM_BEFORE().test(text.slice(Math.max(0, s - 16), s));
}

/**
 * Session 18: a person's epithet, "X of <Place>" ("Lazarus of Bethany", "Francis of Assisi"): a saint's, a king's, a
 * sermon's or a history lesson's name on a page that has a security notice too. Security prose names a state actor by
 * its country or a body of its state ("Lazarus of North Korea", "Sandworm of Russia's GRU", "Sandworm of Unit 74455"), so
 * a country's, a region's or a state body's word after "of", a number after that word, or a dictionary name leaves the
 * name to the other rules.
 */
const OF_PLACE_AFTER = once(() => /^[ \u00a0]of[ \u00a0](\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_'\u2019-]|[ \u00a0]+\p{N})/u);
/** Countries and regions security prose names after "of". */
const STATE_WORDS = new Set([
  'russia', 'china', 'iran', 'korea', 'north', 'south', 'vietnam', 'pakistan', 'india', 'israel', 'turkey', 'ukraine', 'belarus', 'syria',
  'lebanon', 'gaza', 'palestine', 'america', 'europe', 'asia', 'africa', 'brazil', 'nigeria', 'japan', 'taiwan', 'germany', 'france',
  'britain', 'england', 'spain', 'italy', 'poland', 'canada', 'mexico', 'australia', 'kazakhstan', 'georgia', 'armenia', 'azerbaijan',
  'iraq', 'egypt', 'saudi', 'qatar', 'united', 'western', 'eastern', 'the',
  // the state's bodies: "Sandworm of Unit 74455", "APT40 of the Ministry of State Security"
  'unit', 'ministry', 'department', 'bureau', 'directorate', 'service', 'command', 'intelligence', 'military', 'army', 'state',
  'general', 'main', 'federal', 'national', 'security', 'government',
]);

/** Is the name ending at e a person named by their place ("Lazarus of Bethany")? `isName`: is [a, b) a dictionary name? */
export function epithetOfPlace(text: string, e: number, isName: (a: number, b: number) => boolean): boolean {
  // " of " and a capital after the name: most names stop here
  if (text.charCodeAt(e + 1) !== 111 || text.charCodeAt(e + 2) !== 102) return false;
  const m = OF_PLACE_AFTER().exec(text.slice(e, e + 20));
  if (!m) return false;
  const word = m[1] as string;
  return !STATE_WORDS.has(word.toLowerCase()) && !isName(e + 4, e + 4 + word.length);
}

/** Words for a part of a document that a number or a letter follows in a reference ("Page 3", "Annex B", "Part II"). */
const DOCUMENT_PARTS = new Set(['Page', 'Pages', 'Figure', 'Fig', 'Table', 'Section', 'Chapter', 'Appendix', 'Annex', 'Part', 'Volume', 'Slide', 'Exhibit', 'Footnote', 'Paragraph']);
const PART_NUMBER_AFTER = /^\.?[ \u00a0]+(?:\d{1,4}(?![\p{L}_])|[IVX]{1,5}(?![\p{L}\p{N}_])|[A-Z](?![\p{L}\p{N}_]))/u;

/**
 * Is the name at [s, e) a reference to a part of the document ("Page 3" in a report's running footer, "see Figure 4",
 * "Annex B")? Feeds list a few such words as aliases of families, and a report repeats its page footer on every page,
 * where security words are all around.
 */
export function documentPartReference(text: string, s: number, e: number): boolean {
  return DOCUMENT_PARTS.has(text.slice(s, e)) && PART_NUMBER_AFTER.test(text.slice(e, e + 8));
}
