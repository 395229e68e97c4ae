/**
 * The claim form's first guess at what a selected passage says about its two names: the relation from the words
 * between them, its direction, and whether the passage denies it. Only a starting point the reader sees and can
 * change: "Lazarus buys access from TrickBot operators" → Lazarus obtains-access-from TrickBot; "TrickBot was used by
 * Wizard Spider" → Wizard Spider uses TrickBot; "Dridex is not linked to Lazarus" → affiliated-with, refutes.
 */
import type { Relation, Stance } from '../../core/model/link';

export interface ClaimGuess {
  relation: Relation;
  /** The passage names the relation's `to` first ("X was used by Y"): from and to change places. */
  swap: boolean;
  stance: Stance;
}

/** Words between two names that a sentence stating one link does not exceed. */
const MAX_BETWEEN = 120;

/** Tried in order: passive and specific wordings before the verbs they contain. */
const RULES: [pattern: RegExp, relation: Relation, swap: boolean][] = [
  [/\b(?:buy|buys|bought|buying|obtain(?:s|ed|ing)?|purchas\w*|acquir\w*|gets?|got|receiv\w*|rent(?:s|ed|ing)?)\b.*\baccess\b.*\bfrom\b/, 'obtains-access-from', false],
  [/\baccess\b.*\b(?:bought|obtained|purchased|acquired|received|rented)\s+by\b/, 'sells-access-to', false],
  [/\b(?:sell(?:s|ing)?|sold|broker(?:s|ed|ing)?|provid(?:e|es|ed|ing))\b.*\baccess\b/, 'sells-access-to', false],
  [/\b(?:used|deployed|delivered|distributed|spread|dropped|loaded|leveraged|employed|wielded)\s+by\b/, 'uses', true],
  [/\b(?:developed|written|created|authored|built|coded|maintained)\s+by\b/, 'develops', true],
  [/\b(?:operated|run|managed|controlled)\s+by\b/, 'operates', true],
  [/\battributed\s+to\b/, 'attributed-to', false],
  [/\b(?:succeeded|replaced)\s+by\b|\b(?:rebrand(?:s|ed|ing)?|renamed|became|evolved)\b/, 'succeeded-by', false],
  [/\bshar(?:e|es|ed|ing)\b.*\bcode\b|\bcode\s+(?:overlaps?|similarit\w*|reuse)\b/, 'shares-code-with', false],
  [/\bshar(?:e|es|ed|ing)\b.*\binfrastructure\b|\binfrastructure\s+overlaps?\b/, 'shares-infrastructure-with', false],
  [/\boverlap\w*\b/, 'overlaps-with', false],
  [/\b(?:develop(?:s|ed|ing)?|wrote|writes|creat(?:e|es|ed|ing)|authored|builds?|built|maintain(?:s|ed|ing)?)\b/, 'develops', false],
  [/\b(?:operat(?:e|es|ed|ing)|runs|ran|running)\b/, 'operates', false],
  [/\b(?:uses?|used|using|deploy\w*|deliver\w*|distribut\w*|drop(?:s|ped|ping)?|load(?:s|ed|ing)?|spread(?:s|ing)?|leverag\w*|employ\w*|wield\w*|relies\s+on|rely\s+on|relied\s+on)\b/, 'uses', false],
  [/\b(?:link\w*|tied|ties|connect\w*|affiliat\w*|associat\w*|related|work(?:s|ed|ing)?\s+with|cooperat\w*|collaborat\w*|partner\w*|aligned)\b/, 'affiliated-with', false],
];

/** Denials ("not", "never", "no evidence", "refuted", "wrongly"), but not "no longer" (a link that ended) or "not only". */
const DENIAL = /\b(?:not(?!\s+only\b)|never|no\s+(?:evidence|link|connection|ties?)|refut\w*|debunk\w*|unrelated|wrongly|mistaken(?:ly)?|incorrect(?:ly)?|disprov\w*|isn't|aren't|wasn't|weren't|doesn't|didn't)\b/;

/**
 * The guess for a passage `quote` naming the claim's two entities at [aStart, aEnd) and then from `bStart`, or
 * undefined when the words between say nothing this recognises (or are too many to be one statement). A denial
 * counts from the start of the first name's sentence ("no evidence that TA505 worked with Lazarus").
 */
export function guessClaim(quote: string, aStart: number, aEnd: number, bStart: number): ClaimGuess | undefined {
  if (bStart < aEnd || bStart - aEnd > MAX_BETWEEN) return undefined;
  const read = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");
  const between = read(quote.slice(aEnd, bStart));
  const rule = RULES.find(([pattern]) => pattern.test(between));
  if (!rule) return undefined;
  const before = quote.slice(0, aStart);
  const sentence = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n')) + 1;
  return { relation: rule[1], swap: rule[2], stance: DENIAL.test(read(quote.slice(sentence, bStart))) ? 'refutes' : 'supports' };
}
