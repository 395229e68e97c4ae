/**
 * Audit Z: two ways prose uses a threat's ordinary-word name for something else, on security pages too.
 *  - A thing named so: "a cartoon snake named Sandworm", "the office cat, called Medusa", "a horse named Royal". The
 *    noun before "named" or "called" says what bears the name; when it is no word for a crew, a piece of software or
 *    an operation, the name is that thing's (a phishing-awareness thread on Reddit, an HR page).
 *  - A programming language before a software word: "the Python backdoor", "a Ruby stealer", "Python-based
 *    ransomware" say what the threat is written in; feeds list ransomware named Python and Ruby.
 * Names needing no context (TrickBot, APT29) are not asked (the caller only asks for ordinary-word names).
 */
import { ACTOR_CUES, NEUTRAL_CUES, SOFTWARE_CUES, cueNear } from './ambiguity';
import { once } from './once';

/** Nouns that name a threat when something "named X" follows them (besides the cue words). */
const THREAT_NOUNS = new Set([
  ...ACTOR_CUES, ...SOFTWARE_CUES, ...NEUTRAL_CUES,
  'strain', 'strains', 'collective', 'outfit', 'entity', 'persona', 'alias', 'aliases', 'moniker', 'handle', 'name', 'names',
  'version', 'versions', 'kit', 'kits', 'tools', 'software', 'program', 'programs', 'module', 'modules', 'plugin', 'script',
  'scripts', 'exploit', 'exploits', 'botnets', 'groups', 'gangs', 'crews', 'apts', 'adversaries', 'backdoors', 'loaders',
  'stealers', 'trojans', 'implants', 'families', 'clusters', 'sets', 'set', 'actor', 'apt', 'threat', 'unit', 'units',
  'attackers', 'attacker', 'intruders', 'criminals', 'cybercriminals', 'extortionists', 'spies',
  // the naming of the sentence's subject, not of a thing named there: "the group was later called X", "which we named X"
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'also', 'later', 'now', 'first', 'originally', 'initially',
  'formerly', 'since', 'subsequently', 'internally', 'publicly', 'collectively', 'we', 'they', 'it', 'which', 'that',
  'who', 'researchers', 'analysts', 'vendors', 'investigators',
]);

/** A space or an opening quote between "named" and the name. */
const OPENING = new Set([32, 0xa0, 34, 39, 0x201c, 0x2018]);
const NAMED_BEFORE = once(() => /(\p{L}+),?[ \u00a0]+(?:named|called|nicknamed)[ \u00a0]+["'\u201c\u2018]?$/u);

/** Is the name at [s, e) what an ordinary thing is called ("a cartoon snake named Sandworm")? */
export function namedOrdinaryThing(text: string, s: number, e: number): boolean {
  // "named", "called", "nicknamed" all end in "d": every other name is settled by one look (the expression, run for
  // every candidate, cost ≈ 5 % of matching 1 MB dense with names)
  let k = s - 1;
  while (k >= 0 && OPENING.has(text.charCodeAt(k))) k--;
  if (text.charCodeAt(k) !== 100) return false;
  // and before it "me" or "le" ("used", "said", "found" stop here)
  const m2 = text.charCodeAt(k - 2);
  if (text.charCodeAt(k - 1) !== 101 || (m2 !== 109 && m2 !== 108)) return false;
  const m = NAMED_BEFORE().exec(text.slice(Math.max(0, s - 40), s));
  // only a lower-case word: "a group that Microsoft named X" is the vendor naming the threat
  const w = m?.[1];
  if (!w || w !== w.toLowerCase() || THREAT_NOUNS.has(w)) return false;
  // "a file called Royal ransomware", "a snake named Sandworm malware": a cue after the name still says the threat
  const c = cueNear(text, s, e);
  return !(c && c.side === 'after' && c.kind !== 'neutral');
}

/** Programming languages that feeds also list as threat names, or that prose puts before a software word. */
const LANGUAGES = new Set(['python', 'ruby', 'perl', 'lua', 'java', 'rust', 'go', 'golang', 'nim', 'delphi', 'kotlin', 'swift', 'powershell', 'javascript', 'typescript', 'php', 'autoit', 'crystal']);
/** The first letters of LANGUAGES, lower case. */
const LANGUAGE_FIRSTS = new Set([...LANGUAGES].map((w) => w.charCodeAt(0)));
const SOFTWARE_WORDS = new Set([...SOFTWARE_CUES, 'script', 'scripts', 'code', 'library', 'package', 'packages', 'stager', 'agent', 'implants', 'backdoors', 'stealers', 'loaders', 'trojans', 'ransomware', 'malware']);
const AFTER = once(() => /^(?:-(?:based|written)[ \u00a0]+|[ \u00a0]+)(\p{L}+)/u);

/**
 * Is the name at [s, e) a programming language before a software word ("the Python backdoor", "Python-based RAT")?
 * The entity's own kind word after it ("Python ransomware" for the ransomware Python) is left to the other rules.
 */
export function languageBeforeSoftware(text: string, s: number, e: number, kind: string): boolean {
  // an ASCII first character that opens no language's name settles most names (a wider one is read in full)
  const c = text.charCodeAt(s);
  if (c < 128 && !LANGUAGE_FIRSTS.has(c | 32)) return false;
  if (!LANGUAGES.has(text.slice(s, e).toLowerCase())) return false;
  const m = AFTER().exec(text.slice(e, e + 32));
  if (!m) return false;
  if (text.charCodeAt(e) === 45) return true;
  const w = (m[1] as string).toLowerCase();
  return SOFTWARE_WORDS.has(w) && w !== kind;
}

/** " et al." after a name: the first author of a cited paper. */
const ET_AL = /^,?[ \u00a0]+et[ \u00a0]+al\b/;
/** An initial before a name, as a reference list and a byline write authors ("M. Conti", "J. Lazarus"). */
const INITIAL_BEFORE = once(() => /(?:^|[\s,;(])\p{Lu}\.[ \u00a0]?(?:\p{Lu}\.[ \u00a0]?)?[ \u00a0]$/u);

/** A title before a name ("Dr. Lazarus", "Mr. Conti", "Prof. Storm", "Frau Royal"). */
const HONORIFIC_BEFORE = /(?:^|[\s,;(])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame|Mme|Mlle|Herr|Frau|Sr|Sra|Srta|Dott)\.?[ \u00a0]$/;
/** An age after a name, as news writes people ("Lazarus, 42, from accounts"). */
const AGE_AFTER = /^,[ \u00a0]\d{1,3},/;

/**
 * Is the name at [s, e) a person: cited in a paper ("Conti et al. [7] surveyed…", "[7] M. Conti, A. Gangwal and
 * S. Ruj."), titled ("Dr. Lazarus", "Mr. Conti") or given an age ("Lazarus, 42,")? A paper on ransomware or a security
 * vendor's company news has the vocabulary that would otherwise confirm the surname as the threat (audit Z).
 */
export function citedPerson(text: string, s: number, e: number): boolean {
  // Each form is looked for only where its first character stands (a comma or a space after the name, a space before).
  const after = text.charCodeAt(e);
  if ((after === 44 || after === 32 || after === 0xa0) && (ET_AL.test(text.slice(e, e + 12)) || (after === 44 && AGE_AFTER.test(text.slice(e, e + 7))))) return true;
  const space = text.charCodeAt(s - 1);
  if (space !== 32 && space !== 0xa0) return false;
  const before = text.slice(Math.max(0, s - 8), s);
  // An initial's full stop stands one or two characters before that space ("M. Conti", "M.  Conti"): only then is the
  // Unicode expression run, whose first runs in a page (compiled, then compiled again to machine code) cost ≈ 0.5 ms.
  const p2 = text.charCodeAt(s - 2);
  const initial = p2 === 46 || ((p2 === 32 || p2 === 0xa0) && text.charCodeAt(s - 3) === 46);
  return (initial && INITIAL_BEFORE().test(before)) || HONORIFIC_BEFORE.test(before);
}

/** "-sur-Mer", "-upon-Avon", "-en-Provence", "-am-Main": a hyphenated place name goes on after the name. */
const PLACE_TAIL = once(() => /^-\p{Ll}{1,5}-\p{Lu}/u);

/**
 * Is the name at [s, e) the first word of a hyphenated place name ("the mayor of Royal-sur-Mer")? A French news item on
 * the ransomware Royal named a town so, which read as the ransomware too (audit Z).
 */
export function placeNameHead(text: string, e: number): boolean {
  return text.charCodeAt(e) === 45 && PLACE_TAIL().test(text.slice(e, e + 8));
}

/** Head nouns of an appositive that say the name is a product, a pet, a work or a place ("X, our new design system"). */
const ORDINARY_HEADS = new Set([
  'system', 'pipeline', 'platform', 'app', 'application', 'service', 'product', 'suite', 'engine', 'dashboard', 'portal',
  'wiki', 'intranet', 'harness', 'database', 'warehouse', 'theme', 'colour', 'color', 'font', 'cat', 'dog', 'horse',
  'mascot', 'band', 'album', 'song', 'film', 'movie', 'novel', 'game', 'series', 'company', 'firm', 'startup', 'brand',
  'restaurant', 'hotel', 'ship', 'boat', 'river', 'town', 'city', 'village', 'club', 'bank', 'charity', 'foundation',
  'school', 'university', 'hospital', 'magazine', 'newspaper', 'podcast', 'initiative', 'bakery', 'cafe', 'shop',
  'store', 'label', 'range', 'line', 'printer', 'robot', 'chatbot', 'assistant', 'courier', 'vendor', 'supplier',
]);
/** An appositive opened by a determiner, of lower-case words, up to its end or a preposition or relative word. */
const APPOSITIVE = once(() => /^,[ \u00a0]+(?:the|our|a|an|its|their|your|my)[ \u00a0]+((?:[\p{Ll}-]+[ \u00a0]+){0,4}?)([\p{Ll}]+)(?=[ \u00a0]*(?:[,.;:)\u2013\u2014]|$)|[ \u00a0]+(?:from|of|for|by|with|that|which|who|in|on|at|to|and)\b)/u);
/** Words that make an appositive about a threat whatever its head ("the state-sponsored crew's new platform"). */
const THREATISH = /hack|crim|spy|espion|threat|ransom|malw|phish|exploit|attack|intrusion|sponsor|sabotage|wiper|botnet|stealer|loader|trojan|backdoor|implant|extort|leak|c2|command|control|operat|campaign|affiliat/;

/**
 * Does an appositive after the name say it is an ordinary thing ("Medusa, the log pipeline from our partner", "Cobalt,
 * our new design system,")? A security product's release notes and an investor update use such names for their own
 * products next to security words (audit Z).
 */
export function ordinaryAppositive(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 44) return false;
  const m = APPOSITIVE().exec(text.slice(e, e + 80));
  if (!m || !ORDINARY_HEADS.has(m[2] as string)) return false;
  return !THREATISH.test(m[0]);
}

/** Words that end a company's name ("Gorgon Labs", "Medusa Technologies", "Royal Holdings"), as written there. */
const COMPANY_WORDS = new Set([
  'Labs', 'Lab', 'Laboratories', 'Inc', 'Ltd', 'LLC', 'GmbH', 'Corp', 'Corporation', 'Limited', 'Plc', 'PLC', 'AG',
  'Technologies', 'Holdings', 'Industries', 'Enterprises', 'Solutions', 'Consulting', 'Studios', 'Ventures',
]);
const COMPANY_AFTER = /^[ \u00a0]([A-Z][A-Za-z]{1,14})\b/;

/**
 * Is the name at [s, e) the first word of a company's name ("researchers at Gorgon Labs", "Medusa Technologies said")?
 * A security page names vendors and victims so; a company word is never part of the threat's name the dictionary does
 * not hold whole (its longer name, if it had one, is matched first).
 */
export function companyName(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 0xa0) return false;
  const m = COMPANY_AFTER.exec(text.slice(e, e + 17));
  return !!m && COMPANY_WORDS.has(m[1] as string);
}
