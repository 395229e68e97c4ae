/**
 * The sense of a name from the grammar of its sentence, where an actor and a piece of software share the written name
 * (feeds list "OceanLotus" as an alias of an actor and as the name of a malware family; likewise Winnti, Turla,
 * Kimsuky, Naikon, Machete…). People and programs do different things, and a report says which one it means by what
 * the name does or what is done to it:
 *  - actor: the name as the subject of a verb only people do ("X targeted journalists", "X ran the campaign", "X has
 *    been conducting", "X, who…", "X is believed to be based in…"), or the agent after a verb of attribution or of
 *    use ("attributed to X", "used by X", "developed by X", "a campaign carried out by X");
 *  - software: the name as the subject of a verb only programs do ("X encrypts", "X beacons", "X injects", "X is
 *    loaded", "X was dropped", "X is written in C++"), or the object of a verb of delivery ("deployed X", "dropped
 *    X", "infected with X", "a new variant of X").
 * Verbs both do are left out: "uses", "steals", "exfiltrates", "executes", "exploits", "attacks" ("the stealer steals
 * passwords", "the actor executed commands"); present-tense "targets" only where no platform follows ("X targets
 * Windows" is the software).
 *
 * Only a preference between entities that share the span (match.ts evaluate): the grammar never makes a name match
 * or stops one matching, and it is read only when a cue word next to the name says no kind (cueNear and the other
 * cues win: they are read next to the name) and the span has candidates of both kinds (an actor and a non-actor),
 * which is a few dozen names among thousands — so it costs nothing on ordinary text. No word of these lists is a
 * threat's name.
 */

export type GrammarSense = 'actor' | 'software';

/** Adverbs and auxiliaries that may stand between a subject and its verb ("X has also been targeting"). */
const AUX = String.raw`(?:(?:has|have|had|been|is|are|was|were|will|would|may|might|can|could|also|in[ \u00a0]+turn|usually|typically|generally|increasingly|specifically|historically|traditionally|consistently|reportedly|allegedly|apparently|likely|probably|previously|recently|then|later|again|now|still|first|once|actively|primarily|mainly|mostly|often|frequently|repeatedly|continues[ \u00a0]+to|continued[ \u00a0]+to|began|started|went[ \u00a0]+on[ \u00a0]+to)[ \u00a0]+){0,3}`;

/** Verbs whose subject is a person or a crew (past and participle forms, "ran", and base forms after a modal or
 * "continues to"). */
const ACTOR_VERBS = [
  'target', 'targeted', 'targeting', 'ran', 'conduct', 'conducted', 'conducting', 'conducts', 'orchestrated', 'orchestrating', 'orchestrate', 'carry[ \u00a0]+out', 'carried[ \u00a0]+out', 'carrying[ \u00a0]+out', 'carries[ \u00a0]+out',
  'compromise', 'compromised', 'stole', 'breached', 'hacked', 'phished', 'spear-?phished', 'recruited', 'recruits', 'impersonated', 'posed[ \u00a0]+as', 'registered', 'rented', 'purchased', 'bought', 'sold',
  'claimed[ \u00a0]+responsibility', 'demanded', 'negotiated', 'extorted', 'announced', 'sought',
  'is[ \u00a0]+believed', 'are[ \u00a0]+believed', 'was[ \u00a0]+believed', 'is[ \u00a0]+thought', 'is[ \u00a0]+assessed', 'is[ \u00a0]+suspected', 'is[ \u00a0]+based[ \u00a0]+in', 'was[ \u00a0]+based[ \u00a0]+in', 'are[ \u00a0]+based[ \u00a0]+in',
];
/** Verbs whose subject is a program (present tense, as reports describe behaviour) or that are done to a program. */
const SOFTWARE_VERBS = [
  'encrypts', 'decrypts', 'beacons', 'beaconed', 'injects', 'loads', 'drops', 'downloads', 'connects', 'communicates', 'persists', 'propagates', 'self-propagates', 'spreads', 'infects', 'listens', 'deobfuscates', 'unpacks', 'decompresses',
  '(?:is|was|are|were|gets|got|being)[ \u00a0]+(?:loaded|dropped|deployed|delivered|installed|executed|injected|downloaded|compiled|packed|obfuscated|written[ \u00a0]+in|signed|sideloaded|side-loaded|distributed|detected|launched|decrypted|unpacked)',
];
/** What a program is said to target: the platform, not a victim ("X targets Windows"). */
const PLATFORM = String.raw`(?:windows|linux|macos|mac|android|ios|unix|esxi|x86|x64|arm|mips|iot|routers?|devices?|platforms?|systems?|browsers?|machines?|hosts?|servers?|endpoints?)`;

const AFTER_RE = new RegExp(
  String.raw`^(?:[ \u00a0]*,[ \u00a0]*(who|whom)(?![\p{L}\p{N}_])|[ \u00a0]+(${AUX})(?:(targets)(?=[ \u00a0]+(?!(?:the[ \u00a0]+)?${PLATFORM}(?![\p{L}\p{N}_])))|(${ACTOR_VERBS.join('|')})|(${SOFTWARE_VERBS.join('|')}))(?![\p{L}\p{N}_]))`,
  'iu',
);
/** A form of "be" among the words before the verb (groups of AFTER_RE: 1 who, 2 those words, 3 "targets", 4 an actor verb, 5 a software verb). */
const PASSIVE_AUX = /(?:^|[ \u00a0])(?:is|are|was|were|been)[ \u00a0]/i;
/** Text read after the name. */
const AFTER_CHARS = 120;

/** Verbs of attribution and of use whose agent is a crew ("attributed to X", "used by X"). */
const ACTOR_BEFORE = String.raw`(?:attributed|attributable|attribution)[ \u00a0]+to|(?:used|deployed|developed|operated|run|conducted|carried[ \u00a0]+out|launched|orchestrated|employed|authored|created|written|leveraged|targeted|claimed)[ \u00a0]+by`;
/** Verbs of delivery and nouns of a build whose object is a program ("deployed X", "infected with X", "a variant of X"). */
const SOFTWARE_BEFORE = String.raw`deploy(?:s|ed|ing)?|drop(?:s|ped|ping)?|deliver(?:s|ed|ing)?|install(?:s|ed|ing)?|load(?:s|ed|ing)?|download(?:s|ed|ing)?|sideload(?:s|ed|ing)?|side-load(?:s|ed|ing)?|execut(?:es|ed|ing)|distribut(?:es|ed|ing)|detonat(?:es|ed|ing)|infected[ \u00a0]+with|(?:variants?|versions?|samples?|copies|copy|instances?|strains?|builds?)[ \u00a0]+of`;
const BEFORE_RE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}_-])(?:(${ACTOR_BEFORE})|(${SOFTWARE_BEFORE}))[ \u00a0]+(?:(?:the|a|an|new|its|their|latest)[ \u00a0]+){0,2}["'\u201c\u2018]?$`, 'iu');
/** Text read before the name. */
const BEFORE_CHARS = 64;

/**
 * The sense the sentence gives the name at [start, end) of `text`, or undefined when its grammar says neither. What
 * follows the name is read first (the name as subject), then what precedes it (the name as agent or object).
 */
export function grammarSense(text: string, start: number, end: number): GrammarSense | undefined {
  const a = AFTER_RE.exec(text.slice(end, end + AFTER_CHARS));
  if (a) {
    if (a[5]) return 'software';
    // a past participle after a form of "be" is passive, the name its object ("X was targeted by…"): no sense
    if (a[4] && PASSIVE_AUX.test(a[2] as string) && !/ing$/i.test(a[4])) return undefined;
    return 'actor';
  }
  if (start === 0) return undefined;
  const b = BEFORE_RE.exec(text.slice(Math.max(0, start - BEFORE_CHARS), start));
  if (b) return b[1] ? 'actor' : 'software';
  return undefined;
}
