/**
 * compileDictionary: entities → a compact, JSON-only dictionary (word-start trie + alias table).
 * Built by the background once per data version and published to storage.local as JSON (parseDictionary reads it
 * back), where every content script finds it.
 *
 * Layout (format 1):
 *  - `ids`, `names`: per entity; `kinds`: one letter per entity (a actor, m malware, t tool, r ransomware).
 *  - `aliases`: written alias; `aliasEntity`: entity index; `aliasFlags`: caseMode | ambiguity << 2 | CANONICAL.
 *  - trie in breadth-first order: node 0 is the root; `edges` is one string, edges[k-1] is the character on the
 *    edge into node k; `fanout` is one string, fanout charCode − FANOUT_BASE = number of children of node k.
 *    Children of a node are contiguous and in order, so no pointers are stored.
 *  - `terminals`: flat [node, aliasIndex, node, aliasIndex, …], sorted by node; aliases of a node in priority order.
 */
import { allNames, type Entity, type EntityKind } from '../model/entity';
import { AMBIGUITY, type AmbiguityLevel } from './ambiguity';
import { caseSignature, isWordCode, normalizeKey, normalizeText } from './normalize';
import { commonWordTier } from './stoplist';
import { isEnglishWord } from './english-words';
import { ANIMALS } from './patterns';
import { entityTraits, platformQualified } from './traits';
import { cjkForm, compileCjkNames, readCjkNames, type CompiledCjkNames } from './cjk-names';
import { compileLinks, readLinks, type LinkEnds } from './linked-names';
import { FANOUT_BASE, packedFanout } from './trie-tables';
import { once } from './once';

export interface CompiledDictionary {
  version: string;
  format: 1;
  ids: string[];
  names: string[];
  kinds: string;
  /** 1 = bundled entity (preferred when several entities share a name). */
  aliases: string[];
  aliasEntity: number[];
  aliasFlags: number[];
  edges: string;
  fanout: string;
  terminals: number[];
  /** Names left out (empty, shorter than 3 characters, or not starting with a letter or digit). */
  skipped: number;
  /**
   * Per entity: its platform and class bits (traits.ts), which decide among software entities sharing a name when
   * the words next to a mention say a platform or a class. Absent in a dictionary compiled before revision 12.
   */
  traits?: number[];
  /** Names spelt wholly in Chinese, Japanese or Korean script, which the trie cannot hold (cjk-names.ts). */
  cjk?: CompiledCjkNames;
  /** Entities the knowledge base links, as flat index pairs (linked-names.ts). Absent before revision 14. */
  links?: number[];
  /**
   * The trie's lookup tables, packed (trie-tables.ts): written only into the text stored for content scripts, which
   * then holds no `fanout` (parseDictionary gives it back, worked out from the tables should anything read it).
   */
  trie?: string;
}

export { FANOUT_BASE };
/** ATT&CK ids of groups and software, the ones an entity is (compileDictionary). */
const ATTACK_ENTITY_ID = /^[GS]\d{4}$/;
/**
 * Revision of the compiler's rules (levels, case modes, variants). The background publishes a dictionary per data
 * version and this revision: an update that changes the rules recompiles the stored dictionary of unchanged data, so a
 * reader's extension does not keep matching with the rules of the version it replaced. Bump it with any change to
 * what `compileDictionary` outputs for the same entities, or with a change to what the prefilter compiled from it lets
 * through (15: coined names a lower-case writer may write, lower-case-writing.ts; 16: Werewolf and Likho as scheme
 * words, patterns.ts ANIMALS, and the other writing of a name ending in Stealer or Loader, withKindWordVariant; 17:
 * "entropy" a frequent word, stoplist.ts).
 */
export const COMPILE_REVISION = 17;
/**
 * aliasFlags bit: the alias is its entity's own name. Where entities share a name (a feed lists "Winnti" as an alias
 * of the actor Winnti Group, and Winnti is also malware), the one whose name it is wins unless a cue says otherwise.
 */
export const CANONICAL = 16;
/**
 * aliasFlags bit: the bare name of a platform variant ("Medusa" of "Medusa (Android)") that the entity does not hold
 * as an alias — the importer gives a bare name to one variant only, and drops it where another entity is called so
 * (import-merge.ts). Prose never writes the qualifier, so without it the variant could not be spotted at all; with it,
 * the variant is chosen only where the words next to the mention fit it better than the entities that hold the name
 * ("the Medusa Android banking trojan"), never on the name alone (match.ts evaluate).
 */
export const EVIDENCE = 32;
/**
 * aliasFlags bit: every word of the alias is an English word ("Cobalt", "Royal", "Golden Axe"). Two such names of
 * linked entities may meet in a sentence by chance; with a coined one ("Dridex", "Lazarus") they confirm each other
 * (match.ts linkedConfirmed). Decided here, where the word list is loaded: content scripts never load it.
 */
export const ENGLISH = 64;
const englishWords = (words: readonly string[]) => words.every((w) => w.toLowerCase().split(/[^\p{L}]+/u).every((p) => !p || isEnglishWord(p)));

/** How the written case must agree with the alias. */
export const CASE = {
  /** any case: names with a digit (Storm-0558 / storm-0558), which prose never writes */
  any: 0,
  /** exactly as written (GRU, APT29, TA505, ambiguous names; TrickBot, whose other writings are its Title Case variant's) */
  exact: 1,
  /** as written, all capitals, or with an inner capital (Emotet / EMOTET / EmoTet, Lazarus Group / LAZARUS GROUP) */
  title: 2,
} as const;
export type CaseMode = (typeof CASE)[keyof typeof CASE];

const KIND_LETTER: Record<EntityKind, string> = { actor: 'a', malware: 'm', tool: 't', ransomware: 'r' };
export const LETTER_KIND: Record<string, EntityKind> = { a: 'actor', m: 'malware', t: 'tool', r: 'ransomware' };

/** When several entities share a name and no cue decides: bundled first, then this kind order, then input order. */
export const KIND_PRIORITY: readonly EntityKind[] = ['actor', 'malware', 'ransomware', 'tool'];

const SCHEME_WORDS: ReadonlySet<string> = new Set(ANIMALS);

/**
 * A name in a vendor's naming scheme ("Fancy Bear", "Midnight Blizzard", "Charming Kitten": capitalised words ending
 * in the scheme's word) is made of ordinary words, but written that way on a page about security it is the actor's
 * name wherever it stands, at a sentence start or in a heading too. So it needs no more than page context, as a
 * word-like name does, even when the data or the stop list marks its words as ordinary.
 */
function isSchemeName(key: string, sig: string): boolean {
  const words = key.split(' ');
  // The case signature has no spaces: one capital per word, the rest lower case ("FancyBear").
  return words.length >= 2 && SCHEME_WORDS.has(words[words.length - 1]!) && /^(?:\p{Lu}\p{Ll}+)+$/u.test(sig) && sig.replace(/\P{Lu}/gu, '').length === words.length;
}

export function ambiguityLevel(name: string, flagged: boolean | undefined, key = normalizeKey(name), sig = caseSignature(name), words = writtenWords(name)): AmbiguityLevel {
  const level = wordLevel(flagged, key, sig, words);
  if (level > AMBIGUITY.wordlike && isSchemeName(key, sig)) return AMBIGUITY.wordlike;
  const glued = gluedWordNumber(name);
  if (glued && commonWordTier(glued) === 'frequent') return AMBIGUITY.common;
  return level < AMBIGUITY.wordlike && (glued || isWordAndNumber(name)) ? AMBIGUITY.wordlike : level;
}

/**
 * A dictionary word with a short number glued on ("Windows10", "Team9", "Banks1", "Random30"): how products, versions
 * and teams are written, and a page writes "Windows 10" with or without the space, which the key does not tell apart.
 * Read like words and a number (as written or in capitals, with what a word-like name needs), and only with a cue of
 * its kind when the word is one of the commonest ("Windows10 ransomware"). A number of four digits or led by a zero
 * is a designation (Hive0137, Cicada3301), and capitals a code (FIN7, APT41): they keep matching anywhere.
 * Returns the word, lower case, or null.
 */
const GLUED_NUMBER = once(() => /^(\p{Lu}?\p{Ll}{2,})[1-9]\p{N}{0,2}$/u);
function gluedWordNumber(name: string): string | null {
  const word = GLUED_NUMBER().exec(name.trim())?.[1]?.toLowerCase();
  return word && (isEnglishWord(word) || commonWordTier(word)) ? word : null;
}

/**
 * Ordinary words and a number, apart ("Group 8", "Unit 121", "Sanctions 2017", "Unidentified 001"): how feeds list some
 * crews and families, and how prose writes a match day, a flat or a year ("group 8 of the draw", "Sanctions 2017: the
 * list"). Such a name is read as written or in capitals (caseMode), with what a word-like name needs. Designations
 * glued to their number by a hyphen (Storm-0558, TAG-74, UAC-0001) are codes, not words: they keep matching anywhere.
 */
const WORD_AND_NUMBER = once(() => /^(?:\p{Lu}?\p{Ll}+ )+\p{N}+$/u);
function isWordAndNumber(name: string): boolean {
  return WORD_AND_NUMBER().test(name.trim());
}

/**
 * The name's words as written (case kept), split at the separators the case signature drops. The case tests look at
 * each word: on the joined signature "More Eggs" reads as the camel-cased "MoreEggs".
 */
function writtenWords(name: string): string[] {
  // Printable ASCII needs no normalisation (and compiling 10,000 names should not fold each one again).
  const text = /^[\x20-\x7e]*$/.test(name) ? name : normalizeText(name).text;
  return text.split(/[\s-]+/).filter(Boolean);
}

/** A word spelled the way prose spells words: lower case, or one capital then lower case ("C" of "C-Major" too). */
const PLAIN_WORD = once(() => /^\p{Lu}?\p{Ll}*$/u);
/** An internal capital ("TrickBot", "njRAT", "KEYHolder"): no ordinary word is written so. */
const CAMEL = once(() => /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u);

function isAllCapsWord(sig: string): boolean {
  return /^\p{Lu}{5,}$/u.test(sig);
}

function wordLevel(flagged: boolean | undefined, key: string, sig: string, words: readonly string[]): AmbiguityLevel {
  // A curator's flag raises a name to `flagged`, never lowers one the stop list puts higher ("Cuba": frequent word).
  if (flagged) return commonWordTier(key) === 'frequent' ? AMBIGUITY.common : AMBIGUITY.flagged;
  // A feed name written all in lower case ("payload", "schtasks", "good day", "rabbit hole") is spelled like
  // ordinary words: page context proves nothing for it, a security page says "a good day" as well.
  if (/^\p{Ll}+$/u.test(sig) && words.every((w) => PLAIN_WORD().test(w))) return AMBIGUITY.common;
  const tier = commonWordTier(key);
  if (tier === 'frequent') return AMBIGUITY.common;
  if (tier === 'common') return AMBIGUITY.flagged;
  // One word in the shape prose gives words ("Emotet", "Milan"): the shape is no evidence, only the page can be.
  if (words.length === 1 && PLAIN_WORD().test(words[0] as string)) return AMBIGUITY.wordlike;
  // Several such words are matched as written or in capitals only (caseMode), never in lower case ("add two more
  // eggs", "red eyes"). When every one is a dictionary word ("The Gentlemen", "Rising Sun", "Golden Axe", "Pawn
  // Storm", "International Police Association"), the name is also how a film, a game, a dish or a club is called:
  // it needs what a word-like name needs (a security page, a cue, or a distinctive name just before it in the
  // sentence). A name with a word no dictionary holds ("Lazarus Group", "Kimsuky Group", "Evil Corp") is a name
  // wherever it stands, in short security news too ("Lazarus Group bought access from TrickBot's operators"), and so
  // is a letter before a word ("X-Agent", "S-Type"), the shape of designations, and a name in a vendor's scheme
  // ("Wizard Spider", "Volt Typhoon"): the field coins those to be names, and writes them where no other word says
  // security (a comment, a headline, "View two: Wizard Spider returns").
  if (!isSchemeName(key, sig) && words.every((w) => w.length > 1 && PLAIN_WORD().test(w) && isEnglishWord(w.toLowerCase()))) return AMBIGUITY.wordlike;
  // Capitals only, five letters or more, no digit (BISCUIT, CANOPY, PACEMAKER, COPERNICIUM, IRON TWILIGHT): the
  // naming habit of several vendors is to take an ordinary word and write it in capitals, and capitals are how
  // headings, labels and key names (BACKSPACE) write words too. Shorter ones are mostly initialisms (GRU, APT).
  if (isAllCapsWord(sig)) return AMBIGUITY.wordlike;
  const short = shortCodeLevel(sig);
  if (short) return short;
  return AMBIGUITY.distinct;
}

/**
 * Feeds name families and crews with a few characters that stand for other things too:
 * - three or four capitals (UPS, GOP, IPA, CTF, RCS, SBC) are initialisms, a parcel service or a party on a news page:
 *   they need what a word-like name needs (a security page, a cue, or a distinctive name just before in the sentence:
 *   "TA505 and the GRU"), so "MATA", "ISFB" or "AMOS" in a report still are;
 * - a short code that starts with a digit or a lower-case letter (3am, c99, ext4, 777, 0day, 24H) is a time, a C
 *   standard, a file system, a file mode, a word of the field itself: only a cue after it ("3am ransomware") makes it
 *   the threat, as for the commonest words.
 * Capital, letters, digits (APT1, FIN7, ATK5, GC01, Get2, N40) is how the field numbers its designations: distinct.
 */
function shortCodeLevel(sig: string): AmbiguityLevel | 0 {
  if (sig.length > 4) return 0;
  if (/^\p{Lu}{3,4}$/u.test(sig)) return AMBIGUITY.wordlike;
  return /\p{N}/u.test(sig) && /^[\p{N}\p{Ll}]/u.test(sig) ? AMBIGUITY.common : 0;
}

export function caseMode(name: string, level: AmbiguityLevel, sig = caseSignature(name), words = writtenWords(name)): CaseMode {
  const letters = sig.replace(/[^\p{L}]/gu, '');
  if (level === AMBIGUITY.common || level === AMBIGUITY.flagged) return CASE.exact;
  if (letters.length <= 2) return CASE.exact;
  const allCaps = letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allCaps && letters.length <= 4) return CASE.exact;
  if (isWordAndNumber(name) || gluedWordNumber(name)) return CASE.title;
  // A digit is never prose: "apt29" and "storm 0558" are the names.
  if (/\p{N}/u.test(sig)) return CASE.any;
  // Letters only: never in lower case. Lower case is how prose writes the words vendors name things after (zlib for
  // ZLib, wildcard for WildCard, biscuit for BISCUIT). An inner capital is evidence only as the name writes it: the
  // other writings (Trickbot, TRICKBOT, ZLIB) come from `withTitleVariant`, which asks the page for context.
  if (words.some((w) => CAMEL().test(w))) return CASE.exact;
  return CASE.title;
}

/**
 * A name written with capitals inside (ZLib, TrickBot, KEYHolder) or in capitals only (NETWIRE, MINEBRIDGE, IRON
 * TWILIGHT), and its Title Case writing: other vendors write NetWire, Netwire, Minebridge, Trickbot (dev split:
 * Netwire, MineBridge/Minebridge are listed only as NETWIRE, MINEBRIDGE). The Title Case form has the shape of
 * ordinary words and gets their level (word-like: page context or a cue), so "Trickbot", "TRICKBOT", "Zlib", "ZLIB",
 * "Biscuit" need the page's support; lower case matches neither form.
 */
export function withTitleVariant<T extends { name: string; ambiguous?: boolean; variant?: true }>(alias: T, flagged?: ReadonlySet<string>): T[] {
  const name = alias.name.trim();
  // cheap exits first: most names have no capital after their first letter, or have a digit
  if (!/.\p{Lu}/u.test(name) || /\p{N}/u.test(name)) return [alias];
  const sig = caseSignature(name);
  if (!(isAllCapsWord(sig) || writtenWords(name).some((w) => CAMEL().test(w)))) return [alias];
  // A flagged or stop-list name is matched in its written case only: THALLIUM's Title Case writing is the metal
  // (match.ts accepts it next to an actor cue on a security page).
  if (alias.ambiguous || flagged?.has(normalizeKey(name)) || commonWordTier(normalizeKey(name))) return [alias];
  const title = name.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  return title === name ? [alias] : [alias, { ...alias, name: title, variant: true }];
}

/** "The Dukes" / "the Lamberts": a name led by the article, then a capitalised word (group 1 the article's first letter). */
const ARTICLE_LED = once(() => /^([Tt])he[ \u00a0]+(?=\p{Lu})/u);

/**
 * A name led by "The" and its writing with the article in the other case: feeds list "The Dukes", "The Shadow
 * Brokers" and also "the Lamberts", and prose writes the article in lower case inside a sentence ("attributed to the
 * Dukes") and capitalised at its start. A name matched as written or in capitals (CASE.title) takes either writing
 * already (the capital after the article reads as an inner capital), but a flagged name is matched in its exact case
 * only, so "the Dukes" in running prose went unseen (audit H). The rest of the name keeps its case, so the variant
 * is as much a name as the listed form and gets the level its words give it (it still needs its context).
 */
export function withArticleVariant<T extends { name: string; variant?: true }>(alias: T): T[] {
  const name = alias.name.trim();
  const m = ARTICLE_LED().exec(name);
  if (!m) return [alias];
  const other = (m[1] === 'T' ? 't' : 'T') + name.slice(1);
  return [alias, { ...alias, name: other, variant: true }];
}

/** "Crimson RAT" / "Lime-RAT" (group 1 the family), and "CrimsonRAT" glued after a lower-case letter or a digit. */
const RAT_APART = once(() => /^(.*[\p{L}\p{N}])[\s\u00a0\u2010\u2011-]+RAT$/u);
const RAT_GLUED = once(() => /^(.*[\p{Ll}\p{N}])RAT$/u);

/**
 * A name and, when it ends in RAT, its other writing: the field writes a remote-access trojan's family with RAT glued
 * on or apart ("CrimsonRAT" and "Crimson RAT", "LimeRAT" and "Lime-RAT"), whichever form a feed lists. Without the
 * other form one writing went unseen, or was read as a shorter name ("Lime RAT" as the ransomware Lime).
 */
export function withRatVariant<T extends { name: string; ambiguous?: boolean }>(alias: T): (T & { variant?: true })[] {
  const name = alias.name.trim();
  const apart = RAT_APART().exec(name);
  const glued = apart ? undefined : RAT_GLUED().exec(name);
  const other = apart ? `${apart[1]}RAT` : glued ? `${glued[1]} RAT` : undefined;
  return other ? [alias, { ...alias, name: other, variant: true }] : [alias];
}

/** "Meta Stealer" / "Hijack Loader" (group 1 the family, group 2 the kind word), and "MetaStealer" glued after a lower-case letter or a digit. */
const KIND_APART = once(() => /^(.*[\p{L}\p{N}])[ \u00a0]+(Stealer|Loader)$/u);
const KIND_GLUED = once(() => /^(.*[\p{Ll}\p{N}])(Stealer|Loader)$/u);

/**
 * A name and, when it ends in Stealer or Loader, its other writing, as for RAT (withRatVariant): feeds list
 * "MetaStealer", "HijackLoader", and reports write "Meta Stealer", "Hijack Loader", or the other way round (probe set
 * 3, a translated report: "the stealer Meta Stealer" went unseen).
 */
export function withKindWordVariant<T extends { name: string; ambiguous?: boolean }>(alias: T): (T & { variant?: true })[] {
  const name = alias.name.trim();
  const apart = KIND_APART().exec(name);
  const glued = apart ? undefined : KIND_GLUED().exec(name);
  const other = apart ? `${apart[1]}${apart[2]}` : glued ? `${glued[1]} ${glued[2]}` : undefined;
  return other ? [alias, { ...alias, name: other, variant: true }] : [alias];
}

/**
 * Builds the dictionary. The trie is not built as linked nodes: the alias keys are sorted, walked once in order
 * (each key shares its longest common prefix with the previous one, so new nodes appear in depth-first,
 * lexicographic order), and the nodes are then put in breadth-first order by a stable counting sort on depth —
 * breadth-first order with sorted children is exactly (depth, prefix) order. Typed arrays only, no per-node
 * objects: about 4× faster than a Map-per-node trie on 10,000 names (see README, "compile time").
 */
/** `links`: the knowledge base's links, whose named ends confirm each other in a sentence (linked-names.ts). */
export function compileDictionary(entities: readonly Entity[], opts: { version?: string; links?: readonly LinkEnds[] } = {}): CompiledDictionary {
  const order = entities
    .map((e, i) => ({ e, i, b: e.provenance.includes('bundled') ? 0 : 1, k: KIND_PRIORITY.indexOf(e.kind) }))
    .sort((a, b) => a.b - b.b || a.k - b.k || a.i - b.i);
  const ids: string[] = [];
  const names: string[] = [];
  const traits: number[] = [];
  let kinds = '';
  const aliases: string[] = [];
  const aliasEntity: number[] = [];
  const aliasFlags: number[] = [];
  const keys: string[] = [];
  let skipped = 0;
  const seenEntityIds = new Set<string>();
  const seenKeys = new Set<string>();
  // A name a curator flagged as ambiguous stays so whoever else lists it: a feed that also lists OilRig or
  // COPERNICIUM (unflagged) would otherwise be matched first, with no context and as the wrong entity.
  const flaggedKeys = new Set<string>();
  for (const e of entities) for (const a of allNames(e)) if (a.ambiguous) flaggedKeys.add(normalizeKey(a.name));
  for (const { e } of order) {
    if (seenEntityIds.has(e.id)) continue;
    seenEntityIds.add(e.id);
    const ei = ids.length;
    ids.push(e.id);
    names.push(e.name);
    kinds += KIND_LETTER[e.kind] ?? 'a';
    traits.push(entityTraits(e));
    seenKeys.clear();
    const canonicalKey = normalizeKey(e.name);
    // the bare name last, so a listed alias of the same writing keeps it as an ordinary alias (the dedupe below)
    const qualified = e.kind === 'actor' ? undefined : platformQualified(e.name);
    const written: { name: string; ambiguous?: boolean; evidence?: true }[] = qualified ? [...allNames(e), { name: qualified.bare, evidence: true }] : allNames(e);
    for (const alias of written.flatMap((a) => withRatVariant(a)).flatMap((a) => withKindWordVariant(a)).flatMap((a) => withTitleVariant(a, flaggedKeys)).flatMap((a) => withArticleVariant(a))) {
      const key = normalizeKey(alias.name);
      if (key.length < 3 || !isWordCode(key.charCodeAt(0))) {
        if (!alias.variant && !alias.evidence && !cjkForm(alias.name)) skipped++;
        continue;
      }
      const sig = caseSignature(alias.name);
      const dedupe = `${key}\u0000${sig}`;
      if (seenKeys.has(dedupe)) continue;
      seenKeys.add(dedupe);
      const words = writtenWords(alias.name.trim());
      const level = ambiguityLevel(alias.name, alias.ambiguous || flaggedKeys.has(key), key, sig, words);
      aliases.push(alias.name.trim());
      aliasEntity.push(ei);
      aliasFlags.push(caseMode(alias.name, level, sig, words) | (level << 2) | (key === canonicalKey ? CANONICAL : 0) | (alias.evidence ? EVIDENCE : 0) | (englishWords(words) ? ENGLISH : 0));
      keys.push(key);
    }
    // Its ATT&CK id ("G0032", "S0154"), written next to the name or instead of it in advisories and reports: a name of
    // the entity that needs no context, in capitals only (a lower-case "s0154" is an identifier's piece). Only groups and
    // software: technique, tactic and mitigation ids (T1566, TA0001, M1017) name no entity.
    for (const id of e.externalIds?.attack ?? []) {
      if (!ATTACK_ENTITY_ID.test(id) || seenKeys.has(`${normalizeKey(id)}\u0000${caseSignature(id)}`)) continue;
      seenKeys.add(`${normalizeKey(id)}\u0000${caseSignature(id)}`);
      aliases.push(id);
      aliasEntity.push(ei);
      aliasFlags.push(CASE.exact | (AMBIGUITY.distinct << 2));
      keys.push(normalizeKey(id));
    }
  }

  // Aliases sorted by key (code-unit order), ties by alias index (the priority order of a node's terminals).
  const count = keys.length;
  const sorted = new Int32Array(count);
  for (let a = 0; a < count; a++) sorted[a] = a;
  sorted.sort((x, y) => {
    const kx = keys[x] as string;
    const ky = keys[y] as string;
    return kx < ky ? -1 : kx > ky ? 1 : x - y;
  });

  // Depth-first pass: one new node per character beyond the common prefix with the previous key.
  let cap = 1024;
  let depth = new Int32Array(cap);
  let parent = new Int32Array(cap);
  let edge = new Uint16Array(cap);
  let nodes = 1; // node 0 is the root (depth 0)
  let maxDepth = 0;
  const path = new Int32Array(1024); // path[d] = node at depth d on the current key
  const termNode = new Int32Array(count);
  let prev = '';
  for (let r = 0; r < count; r++) {
    const ai = sorted[r] as number;
    const key = keys[ai] as string;
    const len = Math.min(key.length, path.length - 1);
    let l = 0;
    const lim = Math.min(len, prev.length);
    while (l < lim && key.charCodeAt(l) === prev.charCodeAt(l)) l++;
    if (nodes + (len - l) > cap) {
      while (nodes + (len - l) > cap) cap *= 2;
      const nd = new Int32Array(cap);
      nd.set(depth);
      depth = nd;
      const np = new Int32Array(cap);
      np.set(parent);
      parent = np;
      const ne = new Uint16Array(cap);
      ne.set(edge);
      edge = ne;
    }
    for (let d = l + 1; d <= len; d++) {
      depth[nodes] = d;
      parent[nodes] = path[d - 1] as number;
      edge[nodes] = key.charCodeAt(d - 1);
      path[d] = nodes++;
    }
    if (len > maxDepth) maxDepth = len;
    termNode[r] = path[len] as number;
    prev = key;
  }

  // Breadth-first ids: stable counting sort of the depth-first nodes by depth.
  const perDepth = new Int32Array(maxDepth + 2);
  for (let v = 0; v < nodes; v++) {
    const d = (depth[v] as number) + 1;
    perDepth[d] = (perDepth[d] as number) + 1;
  }
  for (let d = 1; d < perDepth.length; d++) perDepth[d] = (perDepth[d] as number) + (perDepth[d - 1] as number);
  const bfsId = new Int32Array(nodes);
  const byBfs = new Int32Array(nodes);
  for (let v = 0; v < nodes; v++) {
    const d = depth[v] as number;
    const id = perDepth[d] as number;
    perDepth[d] = id + 1;
    bfsId[v] = id;
    byBfs[id] = v;
  }
  const fanoutCount = new Int32Array(nodes);
  for (let v = 1; v < nodes; v++) {
    const p = bfsId[parent[v] as number] as number;
    fanoutCount[p] = (fanoutCount[p] as number) + 1;
  }
  const edgeCodes = new Uint16Array(Math.max(0, nodes - 1));
  for (let id = 1; id < nodes; id++) edgeCodes[id - 1] = edge[byBfs[id] as number] as number;
  const fanoutCodes = new Uint16Array(nodes);
  for (let id = 0; id < nodes; id++) fanoutCodes[id] = FANOUT_BASE + (fanoutCount[id] as number);

  // Terminals sorted by breadth-first node id; a node's aliases stay in alias order (the sort above is stable
  // within a key, and equal keys are adjacent).
  const termOrder = new Int32Array(count);
  for (let r = 0; r < count; r++) termOrder[r] = r;
  termOrder.sort((x, y) => (bfsId[termNode[x] as number] as number) - (bfsId[termNode[y] as number] as number) || x - y);
  const terminals: number[] = new Array(2 * count);
  for (let t = 0; t < count; t++) {
    const r = termOrder[t] as number;
    terminals[2 * t] = bfsId[termNode[r] as number] as number;
    terminals[2 * t + 1] = sorted[r] as number;
  }
  const edges = codesToString(edgeCodes);
  const fanout = codesToString(fanoutCodes);
  const entityIndex = new Map(ids.map((id, i) => [id, i]));
  const cjk = compileCjkNames(order.map((o) => o.e), (id) => entityIndex.get(id));
  return {
    version: opts.version ?? `dict-${ids.length}-${aliases.length}`,
    format: 1,
    ids,
    names,
    kinds,
    aliases,
    aliasEntity,
    aliasFlags,
    edges,
    fanout,
    terminals,
    skipped,
    traits,
    ...(cjk ? { cjk } : {}),
    ...(opts.links?.length ? { links: compileLinks(opts.links, entityIndex) } : {}),
  };
}

/** A string from UTF-16 code units, in chunks (String.fromCharCode takes a bounded argument list). */
function codesToString(codes: Uint16Array): string {
  const parts: string[] = [];
  for (let k = 0; k < codes.length; k += 8192) parts.push(String.fromCharCode(...codes.subarray(k, k + 8192)));
  return parts.join('');
}

/**
 * The dictionary from its stored JSON, or undefined when it is not one (a truncated or foreign value): the reader
 * then asks the background to publish it again.
 */
export function parseDictionary(json: string): CompiledDictionary | undefined {
  let d: CompiledDictionary;
  try {
    d = JSON.parse(json) as CompiledDictionary;
  } catch {
    return undefined;
  }
  if (!d || typeof d !== 'object' || d.format !== 1 || typeof d.version !== 'string') return undefined;
  if (typeof d.kinds !== 'string' || typeof d.edges !== 'string') return undefined;
  if (d.trie !== undefined && typeof d.trie !== 'string') delete d.trie;
  if (d.fanout === undefined && d.trie !== undefined && !packedFanout(d, d.trie)) return undefined;
  if (typeof d.fanout !== 'string') return undefined;
  const arrays = [d.ids, d.names, d.aliases, d.aliasEntity, d.aliasFlags, d.terminals];
  if (!arrays.every(Array.isArray)) return undefined;
  if (d.ids.length !== d.names.length || d.ids.length !== d.kinds.length) return undefined;
  if (d.aliases.length !== d.aliasEntity.length || d.aliases.length !== d.aliasFlags.length) return undefined;
  if (d.edges.length + 1 !== d.fanout.length) return undefined;
  if (d.traits !== undefined && (!Array.isArray(d.traits) || d.traits.length !== d.ids.length)) return undefined;
  const cjk = readCjkNames(d.cjk, d.ids.length);
  if (cjk) d.cjk = cjk;
  else delete d.cjk;
  const links = readLinks(d.links, d.ids.length);
  if (links) d.links = links;
  else delete d.links;
  return d;
}
