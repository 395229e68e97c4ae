/**
 * What else a one-sentence post says about a name when it has no word of attack (clause-terms.ts): who reports it, what
 * the software is counted in, and who runs it. Each signal is read only in the name's own sentence and only beside the
 * name, since on its own each is an ordinary word or phrase ("CISA" in a job advert, "operators" of a 3D program,
 * "payloads" of a rocket).
 *
 *  - A security agency or vendor reporting in the sentence ("says CERT-UA", "ESET reports"), with the name doing an
 *    attack ("Sandworm hit the grid again, says CERT-UA", "Secureworks says Kimsuky hit a defence contractor"), being
 *    its agent in the passive ("Power plants hit by Sandworm, ESET reports") or blamed for it ("Mandiant ties Turla to
 *    attacks on embassies"). Neither half is enough alone: "Lazarus joined CISA in 2021", "Denis hit the post twice".
 *    Not "Microsoft" alone, nor the police or a ministry: they speak of any crime and any person. The FBI, the NSA,
 *    Europol and the like only for an attack of the trade ("FBI warns of Sandworm attacks on water utilities", not
 *    "Lazarus struck a rival in the bar, the FBI says": LAW_ORG). A flagged name (Sandworm, Lazarus) is vouched for by
 *    this signal only (clause-terms.ts sentenceVouches).
 *  - The software's own nouns right after a software name: "Cobalt Strike beacons", "Emotet payloads", "Sliver
 *    implants" are instances of the program, in no other sense. Not "samples", "variants" or "infections", which
 *    follow perfumes, Marvel's Loki and a city's epidemic as well.
 *  - Two coined software names of the curated data in one sentence ("Qakbot is back, now pushing Pikabot",
 *    "Mimikatz and Impacket were found on the domain controller"): threat names are named together. Only names of
 *    bundled entities, which a curator chose and did not flag, one of the two the entity's canonical name (the other
 *    may be a short form of one: "Trickbot now drops Bazar", of BazarLoader), and no English word: feeds list
 *    first names (Denis, Bella, Fidel, Jorik) as malware and merge some into bundled entities as aliases, and "Denis
 *    and Bella are back" is a couple. Not an actor: the curated actors include a river, a spider and a Giant of Greek
 *    myth (Turla, Karakurt, Agrius: "Uroburos and Agrius appear in the same old myth"); an actor and its software are
 *    most often linked in the data, which vouches for both (linked-names.ts). Nor a curated name that is a rarer
 *    English word ("Helminth infections and Griffon sightings", "the Appleseed and Sunburst apple trees"):
 *    RARER_WORD_NAMES.
 *  - A crew right after a curated software name ("Dridex operators", "Hancitor affiliates"), with a second noun of the
 *    trade in the sentence ("switched to a new loader"): the people behind the software, not a 3D program's
 *    "operators" or a port's "Tripoli operators" (a feed's ransomware) with their wheel loaders.
 */

import { once } from './once';

/**
 * Agencies whose work is cyber defence, and security vendors and their research teams, as they write themselves
 * (case-sensitive). Not the vendors whose names are also a myth's, a first name's or a word's ("Talos" alone, Dragos,
 * Huntress, "Unit 42"): "Zeus struck Talos with a thunderbolt", "Denis hit Dragos in the second round".
 */
const SECURITY_ORG = /(?:\bCERT-[A-Z]{2,3}\b|\bUS-CERT\b|\b(?:JP|Kr)CERT\b|\b(?:CISA|NCSC|ANSSI|ENISA|ACSC|CCCS|MSTIC|ESET)\b|\b(?:Mandiant|Kaspersky|CrowdStrike|Proofpoint|Symantec|Cisco Talos|Secureworks|SentinelOne|SentinelLabs|Sophos|Trellix|Volexity|Zscaler|FortiGuard|Cybereason|Bitdefender|Malwarebytes|Recorded Future|Trend Micro|Check Point Research|Palo Alto Networks|Microsoft Threat Intelligence|Google Threat Intelligence|Threat Analysis Group)\b)/g;

/**
 * Agencies of law enforcement and signals intelligence (case-sensitive). They speak of every crime and every person
 * ("Lazarus struck a rival in the bar, the FBI says"), so they vouch only for an attack of the trade: a name that
 * hacks or is the agent of a hack, whose "attacks on" something are reported, that is blamed for an intrusion or a
 * hack, or a word of attack in the sentence (CYBER_ACT_AFTER and the rest; clause-terms.ts sentenceVouches).
 * "FBI warns of Sandworm attacks on water utilities", not "FBI warns of romance scams".
 */
const LAW_ORG = /\b(?:FBI|NSA|Europol|Interpol|NCA|DOJ|Justice Department|Department of Justice)\b/g;

/**
 * An attack done by the subject right after the name, a few auxiliaries or adverbs allowed ("Kimsuky is impersonating").
 * Any case, as these patterns below: a headline writes every word in Title Case ("Sandworm Hits Ukrainian Grid Again,
 * CERT-UA Says").
 */
const ACT_AFTER = /^[ \u00a0]+(?:(?:is|are|was|were|has|have|had|again|now|still|also|reportedly|allegedly|once again)[ \u00a0]+){0,2}(?:hits?|targets?|targeted|targeting|attack(?:s|ed|ing)?|breach(?:es|ed)?|hack(?:s|ed)|compromised?|compromises|struck|strikes|spied|spying|infect(?:s|ed|ing)|impersonat(?:es|ed|ing)|wiped|disrupted)\b/i;
/** The same in the passive, before the name ("hit by Sandworm"). */
const ACT_BEFORE = /\b(?:hit|targeted|attacked|breached|hacked|compromised|struck|infected|wiped|disrupted)[ \u00a0]+by[ \u00a0]+$/i;
/**
 * An attribution, the name its object: "Mandiant ties Turla to attacks on embassies", "links X to the breach". Not
 * "blames": a coach blames a player for the attacks that failed.
 */
const BLAMED_BEFORE = /\b(?:ties|tied|links|linked|attributes|attributed)[ \u00a0]+$/i;
const BLAMED_AFTER = once(() => /^[ \u00a0]+(?:for|to)[ \u00a0]+(?:(?:the|a|an|new|recent|several|two|three|more|further)[ \u00a0]+)?(?:[\p{L}-]+[ \u00a0]+){0,2}?(?:attacks?|campaigns?|intrusions?|breach(?:es)?|hacks?|cyberattacks?)\b/iu);

/**
 * The attacks of the trade among those: hacking, and "attacks" as a noun with its object ("Sandworm attacks on water
 * utilities": a crew's campaign; a person's "attacks" is a verb, "Lazarus attacks the guard"). Not breaching,
 * compromising or infecting, which the same reporters say of an agreement, an investigation and the flu ("Silence
 * breached the agreement, the Justice Department says"), nor hacking away at a hedge.
 */
const CYBER_ACT_AFTER = /^[ \u00a0]+(?:(?:is|are|was|were|has|have|had|again|now|still|also|reportedly|allegedly|once again)[ \u00a0]+){0,2}(?:hack(?:s|ed)(?![ \u00a0]+(?:away|off|at|down|up|back|through|apart)\b)|(?:cyber)?attacks[ \u00a0]+(?:on|against))\b/i;
const CYBER_ACT_BEFORE = /\bhacked[ \u00a0]+by[ \u00a0]+$/i;
const CYBER_BLAMED_AFTER = once(() => /^[ \u00a0]+(?:for|to)[ \u00a0]+(?:(?:the|a|an|new|recent|several|two|three|more|further)[ \u00a0]+)?(?:[\p{L}-]+[ \u00a0]+){0,2}?(?:intrusions?|hacks?|cyberattacks?)\b/iu);

/**
 * An attack whose object is a target of the trade: a cryptocurrency exchange, wallet or bridge, or computer networks and
 * servers ("Lazarus struck another crypto exchange", "hit two more DeFi bridges", "breached the agency's servers"). A
 * person strikes a rival or a guard; "an exchange" or "a platform" alone are a stock market's and a station's.
 */
const CYBER_TARGET_AFTER = once(
  () =>
    /^[ \u00a0]+(?:(?:is|are|was|were|has|have|had|again|now|still|also|reportedly|allegedly|once again)[ \u00a0]+){0,2}(?:hits?|struck|strikes|targets?|targeted|attacked|breached|compromised|robbed|drained|looted)[ \u00a0]+(?:(?:a|an|the|another|two|three|four|several|more|its|their|one|other|major|large|big|new|second|third|latest|popular|\p{L}+['\u2019]s)[ \u00a0]+){0,3}(?:(?:crypto(?:currency)?|bitcoin|defi|web3|blockchain)[ \u00a0-]+(?:exchanges?|wallets?|bridges?|platforms?|protocols?|firms?|companies|startups?)|(?:computer[ \u00a0]+|it[ \u00a0]+)?(?:networks|servers|systems)|mail[ \u00a0]+servers?)(?![\p{L}\p{N}_-])/iu,
);

/** Is the name at [s, e) doing, suffering or blamed for an attack of the trade (CYBER_ACT_AFTER and the rest)? */
export function cyberAct(text: string, s: number, e: number): boolean {
  return CYBER_ACT_AFTER.test(text.slice(e, e + 48)) || CYBER_TARGET_AFTER().test(text.slice(e, e + 120)) || CYBER_ACT_BEFORE.test(text.slice(Math.max(0, s - 24), s)) || (BLAMED_BEFORE.test(text.slice(Math.max(0, s - 24), s)) && CYBER_BLAMED_AFTER().test(text.slice(e, e + 64)));
}

/** Is the name ending at `e` the subject of an attack done right after it (ACT_AFTER)? */
export function actAfterName(text: string, e: number): boolean {
  return ACT_AFTER.test(text.slice(e, e + 48));
}

/** Is the name starting at `s` the agent of an attack in the passive (ACT_BEFORE)? */
export function passiveAgent(text: string, s: number): boolean {
  return ACT_BEFORE.test(text.slice(Math.max(0, s - 24), s));
}

/** Is the name at [s, e) blamed for an attack by an attribution (BLAMED_BEFORE, BLAMED_AFTER)? */
export function blamedFor(text: string, s: number, e: number): boolean {
  return BLAMED_BEFORE.test(text.slice(Math.max(0, s - 24), s)) && BLAMED_AFTER().test(text.slice(e, e + 64));
}

let orgText: string | undefined;
let orgAnywhere = false;

/**
 * Does the text name a security agency or vendor anywhere? Read once per text: a page without one (most ordinary
 * pages) then asks nothing more of its flagged names (Royal, Play, Cobalt), which only an agency or vendor vouches for.
 */
export function orgInText(text: string): boolean {
  if (text !== orgText) {
    orgText = text;
    SECURITY_ORG.lastIndex = 0;
    LAW_ORG.lastIndex = 0;
    orgAnywhere = SECURITY_ORG.test(text) || LAW_ORG.test(text);
  }
  return orgAnywhere;
}

/**
 * The agency or vendor is who reports: a verb of reporting after it ("ESET reports", "Mandiant ties…", "CISA has
 * warned") or before it ("says CERT-UA", "according to Microsoft Threat Intelligence"). Named otherwise it is only
 * beside the story: "Kevin hits the road again with the Kaspersky rally team", "Denis hits wall in ESET-sponsored car".
 */
const REPORTS_AFTER = /^(?:['\u2019]s[ \u00a0]+(?:researchers|analysts|team|experts))?[ \u00a0]+(?:(?:has|have|now|also)[ \u00a0]+)?(?:says|said|reports?|reported|warns?|warned|writes|wrote|finds|found|observed|ties|tied|links|linked|attributes|attributed|tracks|tracked|confirms|confirmed|notes|noted|alleges|alleged|believes|assesses|assessed|spotted|detected|saw|sees)\b/i;
const REPORTS_BEFORE = /\b(?:says|said|reports?|reported|warns?|warned|writes|wrote|notes|noted|confirms|confirmed|according[ \u00a0]+to|per)[ \u00a0]+(?:the[ \u00a0]+)?$/i;

/** Does one of `orgs` report in text[a, b), outside the name at [s, e) (REPORTS_AFTER, REPORTS_BEFORE)? */
function reportsIn(orgs: RegExp, text: string, a: number, b: number, s: number, e: number): boolean {
  const sentence = text.slice(a, b);
  orgs.lastIndex = 0;
  for (let m = orgs.exec(sentence); m; m = orgs.exec(sentence)) {
    const os = m.index + a;
    const oe = os + m[0].length;
    if (os < e && oe > s) continue;
    if (REPORTS_AFTER.test(text.slice(oe, oe + 40)) || REPORTS_BEFORE.test(text.slice(Math.max(a, os - 24), os))) return true;
  }
  return false;
}

/**
 * Who reports in text[a, b), outside the name at [s, e): a security agency or vendor, else an agency of law
 * enforcement (LAW_ORG), else no one.
 */
export function reporterIn(text: string, a: number, b: number, s: number, e: number): 'security' | 'law' | undefined {
  if (reportsIn(SECURITY_ORG, text, a, b, s, e)) return 'security';
  return reportsIn(LAW_ORG, text, a, b, s, e) ? 'law' : undefined;
}

/** A software's own instances, right after its name, a release number allowed between ("Cobalt Strike 4.9 beacon"). */
const OWN_NOUNS = /^[ \u00a0]+(?:(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)+)[ \u00a0]+)?(?:beacons?|implants?|payloads?)\b/i;

/** Is the software name ending at `e` followed by a noun for its own instances ("Cobalt Strike beacons")? */
export function ownNounAfter(text: string, e: number): boolean {
  return OWN_NOUNS.test(text.slice(e, e + 24));
}

/**
 * A kind of malicious software and a noun for its instances or its use, right after a software name: "Lumma loader
 * variant", "Zloader stealer payloads". Each noun alone follows ordinary names too (a wheel loader, a scene stealer, a
 * car's variants, perfume samples); the two together speak of nothing but malware, so they vouch even for a name a
 * curator flagged (Lumma), as a word of attack does not. In lower case or a headline's Title Case; "RAT" in capitals
 * only (a rat).
 */
const TRADE_COMPOUND = /^[ \u00a0]+(?:[Ll]oader|[Ss]tealer|[Ii]nfostealer|[Dd]ropper|[Bb]ackdoor|[Bb]otnet|RAT)[ \u00a0]+(?:[Vv]ariants?|[Ss]amples?|[Pp]ayloads?|[Bb]uilds?|[Cc]ampaigns?)\b/;

/** Is the software name ending at `e` followed by a kind of malware and a noun for its instances (TRADE_COMPOUND)? */
export function tradeCompoundAfter(text: string, e: number): boolean {
  return TRADE_COMPOUND.test(text.slice(e, e + 32));
}

/**
 * A return, done by the subject right after the name: "Emotet returns after five-month break", "Ursnif is back",
 * "Hancitor resurfaces". Any case: a headline's Title Case too.
 */
const COMEBACK_AFTER = /^[ \u00a0]+(?:(?:has|have|now|quietly|finally|again|once again)[ \u00a0]+){0,2}(?:returns|returned|(?:is|are|was)[ \u00a0]+back|comes[ \u00a0]+back|came[ \u00a0]+back|resurfaces|resurfaced|re-?emerges|re-?emerged|reappears|reappeared|resurges|resurged)\b/i;

/**
 * A person's return: home ("returns home", "is back home"), or a sentence that speaks of a person's absence or of him
 * or her ("after five months abroad", "from holiday", "to her old club"). Malware returns after a break, with a new
 * trick, to inboxes; a name that is also a given name (feeds list Shamoon, Denis, Bella as malware) returns home.
 */
const HOME_AFTER = /^[ \u00a0]+home\b/i;
const PERSON_ABSENT = /\b(?:abroad|overseas|holidays?|vacation|honeymoon|exile|prison|jail|hospital|maternity|paternity|injury|retirement|his|her|him|he|she)\b/i;

/** Is the name ending at `e` the subject of a return right after it (COMEBACK_AFTER), not a person's (HOME_AFTER, PERSON_ABSENT)? */
export function comebackAfter(text: string, e: number): boolean {
  const m = COMEBACK_AFTER.exec(text.slice(e, e + 40));
  if (!m) return false;
  const from = e + m[0].length;
  if (HOME_AFTER.test(text.slice(from, from + 8))) return false;
  // the rest of the sentence
  let to = from;
  while (to < text.length && to - from < 160 && !/[.!?\n]/.test(text.charAt(to))) to++;
  return !PERSON_ABSENT.test(text.slice(from, to));
}

/**
 * May a return vouch for a curated coined name alone (curatedCoinedName, canonical): a name of malicious software (not
 * a tool: "PsExec returns exit code 5"), written as the data writes it (`written`), one plain proper name ("Emotet",
 * "Dridex", "Ursnif")? Not the Title Case spelling of a name the data writes as glued words ("DarkSide", "AppleSeed",
 * "BabyShark", "DragonForce"): "Darkside returns with a new album" is a band's, "Appleseed returns to cinemas" a
 * film's. Nothing else in such a headline says threat, so only the data's own coinages, and only in a return, which a
 * headline says of its subject: "Emotet is a name I made up for my new board game" says nothing of the kind.
 */
export function comebackMayVouch(alias: string, written: boolean, tool: boolean): boolean {
  return written && !tool && PROPER().test(alias);
}

/** A crew, right after a software name. */
const CREW_AFTER = /^[ \u00a0]+(?:operators|affiliates|gang|crew|developers)\b/i;
/**
 * Nouns of the trade a crew's sentence goes on with ("switched to a new loader"). Not "ransom", "victims" or
 * "infrastructure": "Tripoli gang demands ransom for kidnapped businessman", a port's operators and its infrastructure.
 */
const TRADE_NOUNS = /\b(?:loaders?|droppers?|payloads?|implants?|beacons?|spam)\b/i;

/** Is the software name ending at `e` followed by a crew ("Dridex operators")? */
export function crewAfter(text: string, e: number): boolean {
  return CREW_AFTER.test(text.slice(e, e + 16));
}

/** Is the software name at [s, e) followed by a crew, with a noun of the trade elsewhere in the sentence text[a, b)? */
export function crewOfSoftware(text: string, a: number, b: number, s: number, e: number): boolean {
  const crew = CREW_AFTER.exec(text.slice(e, e + 16));
  if (!crew) return false;
  return TRADE_NOUNS.test(text.slice(e + crew[0].length, b)) || TRADE_NOUNS.test(text.slice(a, s));
}

/** Shaped like a proper name: a capital, then lower case. */
const PROPER = once(() => /^\p{Lu}\p{Ll}+$/u);

/**
 * Is the alias a coined name the curated data gives an entity: of a bundled entity (its id is a slug, an imported
 * one's is prefixed: model/entity.ts), its canonical name or a short form of it (`name`, the canonical name, starts
 * with it: "Bazar" of BazarLoader), no English word, written as a proper name? Not any alias of a bundled entity: the
 * feeds merge theirs into it, first names and myths among them (Fidel of Cuba, Jorik of njRAT, Yggdrasil, Valyria).
 */
export function curatedCoinedName(id: string, alias: string, english: boolean, canonical: boolean, name: string): boolean {
  return (canonical || shortForm(alias, name)) && !english && !id.includes(':') && PROPER().test(alias) && !RARER_WORD_NAMES.has(alias.toLowerCase());
}

/**
 * Is the alias a short form of its entity's canonical name `name`: the name starts with it ("Bazar" of BazarLoader,
 * "Gamaredon" of Gamaredon Group)? `word`: its first words, the rest of the name a word apart ("Gamaredon" of Gamaredon
 * Group, not "Bazar" of BazarLoader, a market's word in many languages).
 */
export function shortForm(alias: string, name: string, word = false): boolean {
  return alias.length < name.length && name.toLowerCase().startsWith(alias.toLowerCase()) && (!word || name.charCodeAt(alias.length) === 32);
}

/**
 * The bundled entities' one-word canonical names (software) that SCOWL's rarer sizes (55–70) hold as words: a worm,
 * a mythical beast, a Gorgon, a sun pattern. Only bundled names count for the pair rule, so the set is known when the
 * extension is built; shipping the rarer lists (≈ 590 KB, +60 % of the background script) for eight names would not pay.
 * A test recomputes it from the lists and the bundled data (short-text-rarer-words.test.ts).
 */
export const RARER_WORD_NAMES: ReadonlySet<string> = new Set(['deadeye', 'griffon', 'hellcat', 'helminth', 'medusa', 'pteranodon', 'sunburst', 'tickler']);

/**
 * Is the alias the canonical name of a bundled entity (any shape: "Cobalt Strike" too), or its first words (`short`:
 * "Gamaredon" of Gamaredon Group, which a headline writes alone: "Gamaredon Uses New Backdoor Against Ukrainian
 * Agencies")?
 */
export function curatedName(id: string, canonical: boolean, short = false): boolean {
  return (canonical || short) && !id.includes(':');
}
