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
 * Where the verb stands outside the two names: before them ("analysts tied X to Y", "researchers attributed X to Y")
 * or after them both ("X and Y are linked", "X and Y share code"). Tried when the words between say nothing.
 */
const VERB_BEFORE: [before: RegExp, between: RegExp, relation: Relation][] = [
  [/\b(?:tied|ties|tie|linked|links|link|connected|connects|associated|associates)\s+(?:the\s+)?$/, /^\s*(?:to|with)\s*(?:the\s*)?$/, 'affiliated-with'],
  [/\battribut(?:e|es|ed|ing)\s+(?:the\s+)?$/, /^\s*to\s*(?:the\s*)?$/, 'attributed-to'],
];
const BOTH_THEN_VERB: [after: RegExp, relation: Relation][] = [
  [/^\s*(?:\w+\s+){0,2}?shar(?:e|ed|ing)\s+(?:\w+\s+){0,3}?code\b/, 'shares-code-with'],
  [/^\s*(?:\w+\s+){0,2}?shar(?:e|ed|ing)\s+(?:\w+\s+){0,3}?infrastructure\b/, 'shares-infrastructure-with'],
  [/^\s*(?:\w+\s+){0,2}?overlap\w*\b/, 'overlaps-with'],
  [/^\s*(?:are|were|is|was|have\s+been|has\s+been|seem|appear)?\s*(?:\w+\s+)?(?:linked|tied|connected|affiliated|associated|related|allied|partners)\b/, 'affiliated-with'],
];
const BETWEEN_AND = /^\s*(?:and|&)\s*$/;

/**
 * The guess for a passage `quote` naming the claim's two entities at [aStart, aEnd) and then at [bStart, bEnd), or
 * undefined when its words say nothing this recognises (or too many lie between to be one statement). A denial
 * counts from the start of the first name's sentence ("no evidence that TA505 worked with Lazarus").
 */
export function guessClaim(quote: string, aStart: number, aEnd: number, bStart: number, bEnd = bStart): ClaimGuess | undefined {
  if (bStart < aEnd || bStart - aEnd > MAX_BETWEEN) return undefined;
  const read = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");
  const between = read(quote.slice(aEnd, bStart));
  const before = quote.slice(0, aStart);
  const sentence = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n')) + 1;
  const lead = read(before.slice(sentence));
  const after = read(quote.slice(bEnd, bEnd + 60));
  let found: [Relation, boolean] | undefined;
  const rule = RULES.find(([pattern]) => pattern.test(between));
  if (rule) found = [rule[1], rule[2]];
  else if (BETWEEN_AND.test(between)) {
    const both = BOTH_THEN_VERB.find(([pattern]) => pattern.test(after));
    if (both) found = [both[1], false];
  } else {
    const verb = VERB_BEFORE.find(([b, w]) => b.test(lead) && w.test(between));
    if (verb) found = [verb[2], false];
  }
  if (!found) return undefined;
  const denied = DENIAL.test(read(quote.slice(sentence, bStart))) || (BETWEEN_AND.test(between) && DENIAL.test(after.split(/[.!?]/, 1)[0] ?? ''));
  return { relation: found[0], swap: found[1], stance: denied ? 'refutes' : 'supports' };
}
