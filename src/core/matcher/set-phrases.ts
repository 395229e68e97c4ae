/**
 * Session 18, helper A: English set phrases that open with a word feeds list as a threat's name ("Silence is golden",
 * "cobalt blue", "a royal flush", "Phoenix rising"): a talk's title, a product's colour, a headline's idiom on a
 * security page. The phrase is fixed, so the words after the name say it; no report writes a threat's name so.
 */
const setPhrases = () => new Map<string, RegExp>([
  ['silence', /^[ \u00a0]+(?:is[ \u00a0]+golden|speaks[ \u00a0]+volumes|of[ \u00a0]+the[ \u00a0]+lambs|fell)(?![\p{L}\p{N}_-])/iu],
  ['cobalt', /^[ \u00a0]+(?:blue|violet|green)(?![\p{L}\p{N}_-])/iu],
  ['royal', /^[ \u00a0]+(?:blue|flush|icing|jelly|wedding|warrant|decree|we)(?![\p{L}\p{N}_-])/iu],
  ['phoenix', /^[ \u00a0]+(?:rising|rises|rose)(?![\p{L}\p{N}_-])|^[ \u00a0]+from[ \u00a0]+the[ \u00a0]+ashes/iu],
  ['lazarus', /^[ \u00a0]+(?:rising|effect|syndrome|sign|taxon)(?![\p{L}\p{N}_-])/iu],
  ['hive', /^[ \u00a0]+(?:mind|of[ \u00a0]+activity)(?![\p{L}\p{N}_-])/iu],
  ['snake', /^[ \u00a0]+(?:oil|eyes)(?![\p{L}\p{N}_-])/iu],
  ['storm', /^[ \u00a0]+in[ \u00a0]+a[ \u00a0]+teacup(?![\p{L}\p{N}_-])/iu],
]);

/**
 * The phrases, with the first letters of their names (lower case: most names stop at that test), built when a name
 * is first followed by a space: their Unicode-class expressions took ≈ 0.5 ms of `content.js`'s evaluation in every
 * new renderer, on pages with no name too.
 */
let tables: { phrases: Map<string, RegExp>; firstLetters: Set<number> } | undefined;
function phraseTables(): NonNullable<typeof tables> {
  if (tables) return tables;
  const phrases = setPhrases();
  return (tables = { phrases, firstLetters: new Set([...phrases.keys()].map((w) => w.charCodeAt(0))) });
}

/** Does the name at [s, e) open a set phrase ("Silence is golden")? */
export function setPhrase(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(e);
  if (e - s > 8 || (c !== 32 && c !== 0xa0)) return false;
  const { phrases, firstLetters } = phraseTables();
  if (!firstLetters.has(text.charCodeAt(s) | 32)) return false;
  const after = phrases.get(text.slice(s, e).toLowerCase());
  return !!after && after.test(text.slice(e, e + 24));
}
