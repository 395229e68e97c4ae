/**
 * Naming statements: the two ways reports give a crew its name with the crew noun first (match.ts wordRules runs
 * them at a crew noun, patterns.ts T_OBJECT):
 *  - a naming verb whose object is the crew and whose complement is the name: "we dubbed the eCrime gang “K.V.R.”",
 *    "we call this group Tarnwick", "researchers nicknamed the crew Velvet Quarry", "we track these operators as
 *    Tarnwick" (`objectOfNamingVerb`);
 *  - a crime qualifier before the crew noun, the name right after it: "the ransomware group Tarnwick", "the Nigerian
 *    eCrime gang K.V.R." (`qualifiedCrewNoun`).
 * Both put a noun phrase between the cue and the name that other rules (the threat actor X, a group dubbed X) never
 * see. The name after the noun may also open a relative clause ("the group Microsoft tracks as…", "the criminal gang
 * Police arrested"): `clauseSubject` refuses what reads so. Pure functions on the matcher's text.
 */
import { CLS, C_LETTER, C_UPPER, C_WORD, classify } from './normalize';
import { folded, hyphenatedWordBefore, inlineSpace, spacesBefore } from './word-before';

const cls = (c: number): number => CLS[c] || classify(c);

/**
 * Nouns for a crew that a naming verb can take as its object, or a crime qualifier can head. Not "cluster": a report
 * names clusters of activity it may later tie to a crew, and the AnnoCTR dev split's expert labels such names (a
 * vendor's "threat cluster" inside a report about a named actor) as no group; with "cluster" here dev actor precision
 * fell 93.3 → 80.3.
 */
const CREW_OBJECTS = new Set(['actor', 'actors', 'group', 'gang', 'crew', 'adversary', 'operators', 'outfit', 'syndicate', 'set']);
/** Verbs that name their object by the word after it ("dubbed the group X", "named the gang as X"). */
const NAME_VERBS = new Set([
  'dub', 'dubs', 'dubbed', 'dubbing', 'name', 'names', 'named', 'naming', 'call', 'calls', 'called', 'calling', 'nickname', 'nicknamed',
  'codename', 'codenamed', 'code-named', 'christened', 'label', 'labels', 'labelled', 'labeled',
]);
/** Verbs that name their object only with "as" after it ("we track this actor as X"). */
const AS_VERBS = new Set(['track', 'tracks', 'tracked', 'tracking', 'designate', 'designated', 'designates']);
/** Verbs that do so with "to" before the object too ("we refer to this group as X"). */
const REFER_VERBS = new Set(['refer', 'refers', 'referred', 'referring']);
const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those']);
/** Modifiers between the determiner and the crew noun ("the Nigerian eCrime gang", "the second identified threat actor"). */
const MAX_MODIFIERS = 3;
/**
 * Words before a crew noun that make it a crime crew ("the ransomware group", "the eCrime gang", "the state-sponsored
 * actor"): the last part of a hyphenated word counts ("cyber-criminal", "cyber-espionage"), and "state" only in
 * "nation-state", "sponsored" only in "state-sponsored". "threat" before "actor" or "group" keeps its older rule
 * (match.ts, "the threat actor X"), which needs no security page.
 */
const QUALIFIERS = new Set([
  'criminal', 'cybercriminal', 'crime', 'cybercrime', 'ecrime', 'hacking', 'hacker', 'hackers', 'hacktivist', 'ransomware', 'extortion', 'espionage',
  'cyberespionage', 'phishing', 'cyber', 'apt', 'threat', 'adversary', 'actor',
]);
/** Last parts of a hyphenated qualifier that tie a crew to a state or a language ("the China-nexus group", "the Russian-speaking gang"). */
const HYPHEN_QUALIFIERS = new Set(['linked', 'backed', 'aligned', 'nexus', 'affiliated', 'speaking']);
/** What makes "motivated" a crew's qualifier: "the financially motivated group", "the politically-motivated actor". */
const MOTIVES = new Set(['financially', 'politically']);

/** Does the word at `s` read `w` (lower-case ASCII) and end there? */
function wordIsAt(t: string, s: number, w: string): boolean {
  return s + w.length <= t.length && folded(t, s, s + w.length) === w && !(cls(t.charCodeAt(s + w.length)) & C_WORD);
}

/**
 * Is the word [s, e) a crew noun that a naming statement can hold? "set" only after "intrusion" ("the intrusion set
 * X"); returns the start of the noun phrase's head (the start of "intrusion" for "intrusion set"), or -1.
 */
export function crewObjectStart(t: string, s: number, e: number): number {
  const w = folded(t, s, e);
  if (!CREW_OBJECTS.has(w)) return -1;
  if (w !== 'set') return s;
  const b = hyphenatedWordBefore(t, s);
  return b >= 0 && folded(t, b, spacesBefore(t, s)) === 'intrusion' ? b : -1;
}

/**
 * Is the crew noun starting at `s` the object of a naming verb: "dubbed the [up to three modifiers] <noun>"? Returns
 * 'as' when the verb names only with "as" after the noun (track, designate), 'name' for the others, else undefined.
 */
export function objectOfNamingVerb(t: string, s: number): 'as' | 'name' | undefined {
  let at = s;
  for (let k = 0; k <= MAX_MODIFIERS; k++) {
    const b = hyphenatedWordBefore(t, at);
    if (b < 0) return undefined;
    const w = folded(t, b, spacesBefore(t, at));
    if (DETERMINERS.has(w)) {
      const v = hyphenatedWordBefore(t, b);
      if (v < 0) return undefined;
      const verb = folded(t, v, spacesBefore(t, b));
      if (verb === 'to') {
        const r = hyphenatedWordBefore(t, v);
        return r >= 0 && REFER_VERBS.has(folded(t, r, spacesBefore(t, v))) ? 'as' : undefined;
      }
      return NAME_VERBS.has(verb) ? 'name' : AS_VERBS.has(verb) ? 'as' : undefined;
    }
    // a modifier is a word of letters (a hyphenated one too: "financially-motivated"), not a clause's joint
    if (!(cls(t.charCodeAt(b)) & C_LETTER) || JOINTS.has(w)) return undefined;
    at = b;
  }
  return undefined;
}
/** Words that cannot be a modifier inside the noun phrase: the walk has left it ("called the police and the group"). */
const JOINTS = new Set(['and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'a', 'an', 'is', 'was', 'are', 'were', 'we', 'they', 'it']);

/** Does a crime qualifier stand right before the crew noun starting at `s` ("the ransomware group", "the nation-state actor")? */
export function qualifiedCrewNoun(t: string, s: number): boolean {
  // "intrusion set" is the field's own term for a crew: it qualifies itself
  if (wordIsAt(t, s, 'intrusion')) return true;
  const b = hyphenatedWordBefore(t, s);
  if (b < 0) return false;
  const word = folded(t, b, spacesBefore(t, s));
  const dash = word.lastIndexOf('-');
  const last = dash >= 0 ? word.slice(dash + 1) : word;
  const head = dash >= 0 ? word.slice(0, dash) : '';
  if (last === 'state') return head === 'nation';
  if (last === 'sponsored') return head === 'state';
  if (head && HYPHEN_QUALIFIERS.has(last)) return true;
  if (last === 'motivated') {
    if (head) return MOTIVES.has(head);
    const a = hyphenatedWordBefore(t, b);
    return a >= 0 && MOTIVES.has(folded(t, a, spacesBefore(t, b)));
  }
  return QUALIFIERS.has(last);
}

/**
 * Verbs after a capitalised word behind a crew noun that make that word the subject of a relative clause about the
 * crew ("the group Microsoft tracks as Storm-0558", "the gang Sophos calls X", "the group researchers have dubbed X"),
 * and the auxiliaries that may stand between.
 */
const CLAUSE_VERBS = new Set([
  ...NAME_VERBS, ...AS_VERBS, 'refers', 'referred', 'identifies', 'identified', 'attributes', 'attributed', 'arrested', 'charged', 'indicted',
  'sanctioned', 'disrupted', 'dismantled',
]);
const AUXILIARIES = new Set(['has', 'have', 'had', 'now', 'internally', 'also', 'previously', 'publicly']);
/**
 * Capitalised words that are a clause's subject, never a crew's name, when they follow a crew noun: agencies and
 * people who act on a crew ("the criminal gang Police arrested"), job titles ("named the group CEO"), days and
 * months ("called the group Friday").
 */
const SUBJECTS = new Set([
  'police', 'authorities', 'investigators', 'prosecutors', 'officials', 'officers', 'detectives', 'researchers', 'analysts', 'experts',
  'journalists', 'reporters', 'victims', 'customers', 'users', 'employees', 'members', 'europol', 'interpol', 'doj', 'ceo', 'cfo', 'cto', 'ciso',
  'coo', 'chairman', 'chair', 'president', 'director', 'head', 'leader', 'manager', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/**
 * Does the name [s, e) after a crew noun read as the subject of a clause rather than the crew's name: a word of
 * SUBJECTS, or any word followed by a naming or law-enforcement verb (after an auxiliary: "Microsoft has dubbed")?
 */
export function clauseSubject(t: string, s: number, e: number): boolean {
  if (SUBJECTS.has(folded(t, s, e))) return true;
  let p = e;
  for (let k = 0; k < 2; k++) {
    if (!inlineSpace(t.charCodeAt(p))) return false;
    while (p < t.length && inlineSpace(t.charCodeAt(p))) p++;
    const a = p;
    while (p < t.length && cls(t.charCodeAt(p)) & C_LETTER) p++;
    const w = folded(t, a, p);
    if (CLAUSE_VERBS.has(w)) return true;
    if (!AUXILIARIES.has(w)) return false;
  }
  return false;
}

/**
 * Initialisms of places, bodies and Latin phrases that prose writes with dots ("U.S.", "E.U.", "a.m.", "i.e."): after
 * a crew noun they open the next clause ("the hacking group U.S. officials named"), never a crew's name, and as a name
 * one sense per text would spread them to every other mention.
 */
const ORDINARY_INITIALISMS = new Set(['us', 'uk', 'usa', 'eu', 'un', 'uae', 'ussr', 'dc', 'am', 'pm', 'eg', 'ie', 'nb', 'ps', 'rip', 'sa', 'bc', 'ad', 'po', 'nato']);

/** Is [s, e) one of ORDINARY_INITIALISMS written with dots? */
export function ordinaryInitialism(t: string, s: number, e: number): boolean {
  const dot = t.indexOf('.', s);
  if (dot < 0 || dot >= e) return false;
  return ORDINARY_INITIALISMS.has(folded(t, s, e).replaceAll('.', ''));
}

/**
 * Nouns that a Title Case headline writes after "Threat Actor" as the head of a compound ("Threat Actor Report
 * Reveals…", "Threat Actor Tradecraft Evolves"), and words that open a phrase there ("Threat Actor Behind…").
 */
const HEADLINE_NOUNS = new Set([
  'report', 'reports', 'profile', 'playbook', 'toolkit', 'toolset', 'tradecraft', 'ecosystem', 'economy', 'spotlight', 'roundup', 'taxonomy',
  'research', 'analysis', 'overview', 'summary', 'brief', 'update', 'alert', 'warning', 'advisory', 'news', 'watch', 'focus', 'radar', 'map',
  'index', 'guide', 'checklist', 'data', 'database', 'tracker', 'list', 'ranking', 'landscape', 'trend', 'insight', 'pivot', 'shift', 'surge',
  'spike', 'wave', 'growth', 'interest', 'chatter', 'forum', 'market', 'behavior', 'behaviour', 'mindset', 'arsenal', 'malware', 'tooling',
  'group', 'gang', 'crew', 'campaign', 'cluster', 'network', 'team', 'hub', 'behind', 'with', 'from', 'against', 'amid', 'after', 'over', 'now',
  'again', 'also', 'still', 'just', 'then', 'once', 'today', 'targeting', 'exploiting', 'using', 'abusing',
]);
/** Endings of nouns, adjectives and verb forms, never of a crew's coined name ("Activity", "Attribution", "Linked", "Spreads"). */
const NOT_NAME_ENDING = /(?:s|ing|ed|ly|ion|ity|ment|ness|ance|ence|ure|ics|ism|ship|scape|ive|ous|ful|less|able|ible|ical)$/;
/** Headline verbs that do not end in -s ("Threat Actor X Is Back", "… X Hit By…" is refused: a past form). */
const HEADLINE_VERBS = new Set(['is', 'was', 'has', 'goes', 'does']);

/**
 * In a Title Case headline every word has a capital, so a plain word after "Threat Actor" is a name only when the
 * headline reads it as the subject of its verb ("New Threat Actor Harrowgang Spreads Malware": no noun's or verb's
 * ending, none of the nouns that headlines put there, and a verb after it or the headline's end), or when the text
 * writes it with its capital inside a sentence of prose elsewhere (the article under the headline): `inProse`.
 */
export function headlineName(t: string, s: number, e: number, inProse: (s: number, e: number) => boolean): boolean {
  const w = folded(t, s, e);
  const name = t.slice(s, e);
  for (let k = t.indexOf(name); k >= 0; k = t.indexOf(name, k + 1)) {
    if (k !== s && !(cls(t.charCodeAt(k - 1)) & C_WORD) && !(cls(t.charCodeAt(k + name.length)) & C_WORD) && inProse(k, k + name.length)) return true;
  }
  if (e - s < 4 || HEADLINE_NOUNS.has(w) || NOT_NAME_ENDING.test(w)) return false;
  let p = e;
  while (p < t.length && inlineSpace(t.charCodeAt(p))) p++;
  if (p === t.length || t.charCodeAt(p) === 10 || t.charCodeAt(p) === 58 || t.charCodeAt(p) === 0x2014 || t.charCodeAt(p) === 0x2013) return true;
  if (p === e) return false;
  let q = p;
  while (q < t.length && cls(t.charCodeAt(q)) & C_LETTER) q++;
  const v = folded(t, p, q);
  return HEADLINE_VERBS.has(v) || (v.length >= 4 && v.endsWith('s') && !v.endsWith('ss') && !(cls(t.charCodeAt(q)) & C_WORD));
}

/** Words of the two-word phrases a headline puts after "Threat Actor" ("Deep Dive", "Case Study", "First Look", "Year Review"). */
const HEADLINE_PHRASE_WORDS = new Set(['deep', 'dive', 'case', 'study', 'fact', 'sheet', 'first', 'look', 'quick', 'year', 'review', 'week', 'month', 'quarter', 'special', 'top', 'best', 'key', 'new', 'latest', 'part', 'series', 'threat', 'hunting', 'intel', 'intelligence', 'primer', 'explainer', 'recap', 'digest', 'bulletin', 'snapshot', 'outlook', 'forecast', 'timeline', 'history']);

/**
 * "New Threat Actor Ashen Lynx Targets Hotels": a two-word name in a Title Case headline, the words [s, m) and
 * [m + 1, e). Each word as headlineName reads a name (four letters or more for the first, none of the headline's nouns
 * or a noun's or verb's ending), then the headline's verb, its end, a colon or a dash, as for one word; or the whole
 * name written with its capitals inside a sentence of prose elsewhere in the text (`inProse`).
 */
export function headlineTwoWordName(t: string, s: number, m: number, e: number, inProse: (s: number, e: number) => boolean): boolean {
  if (t.charCodeAt(m) !== 32 || e - m < 4 || m - s < 3) return false;
  for (const [a, b] of [[s, m], [m + 1, e]] as const) {
    const w = folded(t, a, b);
    if (HEADLINE_NOUNS.has(w) || HEADLINE_PHRASE_WORDS.has(w) || NOT_NAME_ENDING.test(w) || HEADLINE_VERBS.has(w) || !(cls(t.charCodeAt(a)) & C_UPPER)) return false;
  }
  const name = t.slice(s, e);
  for (let k = t.indexOf(name); k >= 0; k = t.indexOf(name, k + 1)) {
    if (k !== s && !(cls(t.charCodeAt(k - 1)) & C_WORD) && !(cls(t.charCodeAt(k + name.length)) & C_WORD) && inProse(k, k + name.length)) return true;
  }
  // the headline's verb after the second word, or its end
  return headlineName(t, m + 1, e, () => false);
}

/** Forms of "be" before a present participle in a crew's relative clause ("which is calling itself X"). */
const PROGRESSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were']);
/** Verbs a crew names itself with ("a group calling itself X", "the gang, which styles itself X"). */
const SELF_NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'name', 'names', 'named', 'naming', 'style', 'styles', 'styled', 'styling', 'brand', 'brands', 'branded', 'branding', 'dub', 'dubs', 'dubbed', 'dubbing']);
const SELF_RELATIVES = new Set(['that', 'which', 'who']);

/**
 * "a group calling itself Mothgate", "the gang, which calls itself X", "operators who call themselves X": the crew
 * noun ending at `we` gives its own name (session 22's blind probe, a ransom note's signature). Returns where the name
 * starts (after an opening quote), or -1. The name must be capitalised or quoted, as the other naming statements' are.
 */
export function selfNamedCrew(t: string, we: number): number {
  let p = we;
  if (t.charCodeAt(p) === 44) p++;
  const word = (): [number, number] | undefined => {
    let k = p;
    while (k < t.length && inlineSpace(t.charCodeAt(k))) k++;
    if (k === p || !(cls(t.charCodeAt(k)) & C_WORD)) return undefined;
    let e = k;
    while (e < t.length && cls(t.charCodeAt(e)) & C_WORD) e++;
    return [k, e];
  };
  let w = word();
  if (w && SELF_RELATIVES.has(folded(t, w[0], w[1]))) {
    p = w[1];
    w = word();
    // the progressive: "which is calling itself X", "who are calling themselves X"
    if (w && PROGRESSIVE_AUXILIARIES.has(folded(t, w[0], w[1]))) {
      p = w[1];
      w = word();
    }
  }
  if (!w || !SELF_NAMING_VERBS.has(folded(t, w[0], w[1]))) return -1;
  p = w[1];
  w = word();
  if (!w || !(folded(t, w[0], w[1]) === 'itself' || folded(t, w[0], w[1]) === 'themselves')) return -1;
  p = w[1];
  let k = p;
  while (k < t.length && inlineSpace(t.charCodeAt(k))) k++;
  if (k === p) return -1;
  const q = t.charCodeAt(k);
  if (q === 34 || q === 0x201c || q === 39 || q === 0x2018) return k + 1;
  return cls(t.charCodeAt(k)) & C_LETTER && t.charAt(k) !== t.charAt(k).toLowerCase() ? k : -1;
}
