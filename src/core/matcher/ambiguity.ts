/**
 * The ambiguity rule: when may a name that is also an ordinary word be highlighted?
 *
 * Levels (decided per alias at compile time, see `ambiguityLevel`):
 *  - 0 `distinct`: mixed-case, digit-bearing or otherwise unusual spellings (TrickBot, APT29, Storm-0558). Spotted on
 *    any page.
 *  - 1 `wordlike`: one word spelled like a common word or a name (Emotet, Milan, Athena: one capital then lower case,
 *    or all lower case) that is not in the stop list; and a name in a vendor's naming scheme (Fancy Bear, Midnight
 *    Blizzard, Charming Kitten: Title Case words ending in the scheme's word), even when its words are ordinary or a
 *    curator flagged it — its shape is the evidence, so it is spotted at a sentence start or in a heading too.
 *    Spotted only in its written case (or all caps) and only with supporting context: security vocabulary on the
 *    page, or a strong cue next to the name (STRONG_CUES: "Athena malware").
 *  - 2 `flagged`: flagged `ambiguous` by a curator in the data (Lazarus, ZINC), or made only of ordinary words of
 *    the stop list (stoplist.ts tier 2: Cobalt, Silence, Equation, Sea Turtle, Raccoon). Spotted only in its exact
 *    written case, and only when
 *      (a) a strong cue stands next to it ("Lazarus hackers", "Silence ransomware"), or any cue of its kind on a
 *          page with security context ("the ZINC group", "the Cobalt campaign"), or
 *      (b) the page has security context AND the name sits inside a sentence after a lower-case word or a comma
 *          (not at a sentence or line start, not in a Title Case heading, where ordinary words are capitalised).
 *  - 3 `common`: made only of *frequent* words (stoplist.ts tier 1: One, August, Russian, Defender, Net, Global),
 *    or a feed name written all in lower case (payload, schtasks, route): such words fill security prose too, so page
 *    context alone proves nothing — spotted only in exact case AND with a cue of its kind after it ("Cuba
 *    ransomware"; an ordinary-noun cue, "Net tool", only on a security page).
 * Levels 1 and 2 are also spotted where the text already named the same entity by a name that stood on its own
 * ("Diamond Sleet, formerly ZINC"), or names it later in the same sentence ("Lazarus, also known as Hidden Cobra";
 * match.ts laterConfirmed).
 *
 * "Supporting context" for the page is `hasSecurityContext`: unambiguous security vocabulary, dense and spread over
 * the text (see there). The caller may pass it in (e.g. known from earlier chunks of the same page).
 */
import { csvRow } from '../page-text';
import { cjkCueAfter } from './cjk-cues';
import { GERMAN_MARKERS, ROMANCE_MARKERS } from './languages';
import type { Sections } from './sections';
import { W_INLINE_SPACE, W_MATCHER_LETTER, wordBefore, wordOptions } from './word-before';
import { CLS as CLS_, C_DIGIT as C_DIGIT_, C_LETTER as C_LETTER_, C_LOWER as C_LOWER_, C_SPACE as C_SPACE_, C_UPPER as C_UPPER_, C_WORD as C_WORD_, classify as classify_ } from './normalize';
import { once } from './once';

// Local copies of the normalisation tables: a module-local binding is read directly in the hot loops (a
// transpiled re-export may be a getter).
const C_DIGIT = C_DIGIT_;
const C_LETTER = C_LETTER_;
const C_LOWER = C_LOWER_;
const C_SPACE = C_SPACE_;
const C_UPPER = C_UPPER_;
const C_WORD = C_WORD_;
const CLS = CLS_;
const classify = classify_;

export const AMBIGUITY = { distinct: 0, wordlike: 1, flagged: 2, common: 3 } as const;
export type AmbiguityLevel = (typeof AMBIGUITY)[keyof typeof AMBIGUITY];

/**
 * Security vocabulary: each alternative is one "term", matched case-insensitively on word boundaries. Only words an
 * ordinary article does not use: "infections", "compromised", "persistence", "credentials", "affiliates",
 * "attackers", "sandbox", "extortion", "payload", "implants", "droppers", "wipers", "rats", "exploited",
 * "vulnerability", "intrusion" and "trojan" fill hospital, finance, sport, space and mythology pages (audit B,
 * finding 8), and "apt" is an English adjective. TA/UNC numbers are left out: product codes look the same ("TA1000
 * amplifier") and would give a page the context that then confirms them as possible actors. The trade's own coinages
 * (malvertising, malspam, cryptojacking, bootkit, exploit kit) are terms too; not "web shell", whose first letters
 * ("web") open a word of most web pages and would have the whole expression tried there (nextTermStart).
 */
const SECURITY_TERMS = [
  'malware', 'ransomware', 'threat actors?', 'threat groups?', 'advanced persistent threats?', 'cve-\\d{4}-\\d+',
  'phishing', 'spear-?phishing', 'c2', 'c&c', 'command[- ]and[- ]control', 'backdoors?', 'botnets?', 'iocs?',
  'indicators of compromise', 'cyber[- ]?attacks?', 'cyber-?espionage', 'cybercrim(?:e|inals?)', 'cybersecurity',
  'hackers?', 'hacking', 'infostealers?', 'exfiltrat(?:e|ed|ion)', 'threat intelligence', 'att&ck', 'ttps',
  'zero-days?', 'remote access trojans?', 'keyloggers?', 'rootkits?', 'spyware', 'shellcode', 'lateral movement',
  'credential (?:theft|dumping)', 'ransom[- ]notes?', 'leak[- ]sites?', 'raas', 'threat[- ]hunting', 'incident response',
  'apts?', 'apt\\d+', 'trojans?', 'malvertising', 'malspam', 'cryptojacking', 'bootkits?', 'exploit kits?',
  // The same vocabulary in the languages of much of the field's press (Spanish and Italian write "malware" and
  // "ransomware"): German, French, Spanish, Italian, Portuguese and Dutch words used only of computer attacks.
  'schadsoftware', 'schadprogramm(?:e|en)?', 'erpressungssoftware', 'hackergruppen?', 'hackerangriff(?:e|en)?',
  'cyberangriff(?:e|en)?', 'cyberkriminelle[nr]?', 'cyberspionage', 'sicherheitslücken?',
  'logiciels? malveillants?', 'rançongiciels?', 'cyberattaques?', 'pirates informatiques', 'hameçonnage',
  'cybercriminels', 'cyberespionnage', 'programas? maliciosos?', 'ciberataques?', 'ciberdelincuentes',
  'ciberespionaje', 'attacc(?:o|hi) informatic[oi]', 'criminali informatici', 'pirati informatici',
  'ataques? cibernéticos?', 'software malicioso', 'cibercriminosos', 'gijzelsoftware', 'cyberaanval(?:len)?',
  'cybercriminelen',
];
/**
 * The same in Chinese (simplified and traditional), Japanese and Korean, which write no spaces between words (or glue
 * particles to them): matched without word boundaries. Only compounds used of computer attacks: not 木马 (also a
 * wooden or rocking horse), 钓鱼 (fishing), 后门 (a back door), 脆弱性 or 攻撃 alone (sport, chess).
 */
const CJK_SECURITY_TERMS = [
  '恶意软件', '勒索软件', '勒索病毒', '黑客', '网络攻击', '网络钓鱼', '钓鱼邮件', '僵尸网络', '高级持续性威胁', '威胁情报',
  '惡意軟體', '勒索軟體', '駭客', '網路攻擊', '網路釣魚', '殭屍網路',
  'マルウェア', 'ランサムウェア', 'サイバー攻撃', '標的型攻撃', 'フィッシング', 'バックドア', 'ボットネット', '攻撃グループ', 'ハッカー',
  '악성코드', '랜섬웨어', '해커', '해킹', '사이버 공격', '사이버공격', '피싱', '백도어', '봇넷',
];
/**
 * Russian, whose letters the ASCII `\b` does not see: a stem used only of computer attacks and the rest of its word
 * (вредоносное ПО, шифровальщик, программа-вымогатель, фишинг, хакерская группировка, кибератака…; audit B2). Matched
 * like the CJK terms, the whole word, so a letter next to the hit never stands there.
 */
const CYRILLIC_SECURITY_TERMS = ['вредоносн[а-яё]*', 'шифровальщик[а-яё]*', 'программ[а-яё]*-вымогател[а-яё]*', 'фишинг[а-яё]*', 'хакер[а-яё]*', 'кибератак[а-яё]*', 'киберпреступ[а-яё]*', 'кибершпион[а-яё]*', 'бэкдор[а-яё]*', 'ботнет[а-яё]*'];
// Non-Unicode `\b` is much faster than Unicode look-arounds; a non-ASCII letter next to a hit is checked by hand.
export const SECURITY_RE = new RegExp(`\\b(?:${SECURITY_TERMS.join('|')})\\b|${[...CJK_SECURITY_TERMS, ...CYRILLIC_SECURITY_TERMS].join('|')}`, 'gi');
/** SECURITY_RE anchored: tried only where a term may start (nextSecurityTerm). */
const SECURITY_AT = new RegExp(SECURITY_RE.source, 'iy');
/**
 * Where a term may start: a word start (\b) and the literal characters a term begins with (at most six, up to a
 * character of the expression syntax or one a quantifier makes optional: "spear-?phishing" → "spear"; six rather
 * than three turn away "company", "process", "information" before the whole expression is tried: on the bench's
 * 1 MB, 15.1 → 13.9 ms of the match in nextSecurityTerm), or a CJK term's
 * first two characters (one alone, 攻, opens every 攻击 of Chinese prose). Built from the terms; a term with no
 * literal start, or with a "|" of its own outside brackets, sets `anywhere`, which sends the search to
 * SECURITY_RE itself.
 */
function literalStart(term: string, most: number, starts: { anywhere: boolean }): string {
  let depth = 0;
  for (let k = 0; k < term.length; k++) {
    const ch = term[k] as string;
    if (ch === '\\') k++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === '|' && depth === 0) starts.anywhere = true;
  }
  let lit = '';
  for (let k = 0; k < term.length && lit.length < most; k++) {
    if ('\\^$.|?*+()[]{}'.includes(term[k] as string) || (k + 1 < term.length && '?*+{'.includes(term[k + 1] as string))) break;
    lit += term[k];
  }
  if (!lit) starts.anywhere = true;
  return lit;
}
/** Where terms may start, as nextTermStart looks for them: the sources of its expressions, and `anywhere` (literalStart). */
export interface TermStarts {
  /** The word-start expression: `\b(?:malwar|ransom|…)`. */
  word: string;
  /** The unspaced scripts' starts (CJK, Cyrillic): `恶意|…|вр|…`. */
  unspaced: string;
  /** A class of the unspaced starts' first characters. */
  first: string;
  anywhere: boolean;
}
/**
 * The starts in two expressions, which together match where one expression of both kinds of start would
 * (`\b(?:mal|ran|…)|恶意|…|вр|…`): the word-start ones, and the unspaced scripts' ones (CJK, Cyrillic: first
 * characters of U+0400 and above), first looked for by their first characters alone. The one expression read every
 * position of every text against the CJK and Cyrillic alternatives too: on the bench's 1 MB, 10–12 ms a pass warm
 * against 4–5 for the word-start half alone (two passes per text: hasSecurityContext, nearSecurityWords' blocks).
 */
export function termStarts(): TermStarts {
  const starts = { anywhere: false };
  const word = `\\b(?:${[...new Set(SECURITY_TERMS.map((t) => literalStart(t, 6, starts)))].join('|')})`;
  const unspaced = [...new Set([...CJK_SECURITY_TERMS, ...CYRILLIC_SECURITY_TERMS].map((t) => literalStart(t, 2, starts)))];
  // the class holds each first character as it is: none may be one of the class's own syntax
  if (unspaced.some((u) => !u || u.charCodeAt(0) < 0x400 || /[\\\]^-]/.test(u.charAt(0)))) starts.anywhere = true;
  return { word, unspaced: unspaced.join('|'), first: `[${[...new Set(unspaced.map((u) => u.charAt(0)))].join('')}]`, anywhere: starts.anywhere };
}
/**
 * termStarts() of the terms as SECURITY_RE held them (`source`), written out: worked out by interpreted code at every
 * page's start, the starts took 0.4 ms in a fresh Node process (0.9–2.3 ms of the content script's first run in
 * Chromium, audit Y). Used while SECURITY_RE's source is that one; with other terms they are worked out as before, and
 * security-terms.test.ts fails with the value to write here.
 */
export const KNOWN_TERM_STARTS: TermStarts & { source: string } = {
  source:
    '\\b(?:malware|ransomware|threat actors?|threat groups?|advanced persistent threats?|cve-\\d{4}-\\d+|phishing|spear-?phishing|c2|c&c|command[- ]and[- ]control|backdoors?|botnets?|iocs?|indicators of compromise|cyber[- ]?attacks?|cyber-?espionage|cybercrim(?:e|inals?)|cybersecurity|hackers?|hacking|infostealers?|exfiltrat(?:e|ed|ion)|threat intelligence|att&ck|ttps|zero-days?|remote access trojans?|keyloggers?|rootkits?|spyware|shellcode|lateral movement|credential (?:theft|dumping)|ransom[- ]notes?|leak[- ]sites?|raas|threat[- ]hunting|incident response|apts?|apt\\d+|trojans?|malvertising|malspam|cryptojacking|bootkits?|exploit kits?|schadsoftware|schadprogramm(?:e|en)?|erpressungssoftware|hackergruppen?|hackerangriff(?:e|en)?|cyberangriff(?:e|en)?|cyberkriminelle[nr]?|cyberspionage|sicherheitslücken?|logiciels? malveillants?|rançongiciels?|cyberattaques?|pirates informatiques|hameçonnage|cybercriminels|cyberespionnage|programas? maliciosos?|ciberataques?|ciberdelincuentes|ciberespionaje|attacc(?:o|hi) informatic[oi]|criminali informatici|pirati informatici|ataques? cibernéticos?|software malicioso|cibercriminosos|gijzelsoftware|cyberaanval(?:len)?|cybercriminelen)\\b|恶意软件|勒索软件|勒索病毒|黑客|网络攻击|网络钓鱼|钓鱼邮件|僵尸网络|高级持续性威胁|威胁情报|惡意軟體|勒索軟體|駭客|網路攻擊|網路釣魚|殭屍網路|マルウェア|ランサムウェア|サイバー攻撃|標的型攻撃|フィッシング|バックドア|ボットネット|攻撃グループ|ハッカー|악성코드|랜섬웨어|해커|해킹|사이버 공격|사이버공격|피싱|백도어|봇넷|вредоносн[а-яё]*|шифровальщик[а-яё]*|программ[а-яё]*-вымогател[а-яё]*|фишинг[а-яё]*|хакер[а-яё]*|кибератак[а-яё]*|киберпреступ[а-яё]*|кибершпион[а-яё]*|бэкдор[а-яё]*|ботнет[а-яё]*',
  word: '\\b(?:malwar|ransom|threat|advanc|cve-|phishi|spear|c2|c&c|comman|backdo|botnet|ioc|indica|cyber|cyberc|cybers|hacker|hackin|infost|exfilt|att&ck|ttps|zero-d|remote|keylog|rootki|spywar|shellc|latera|creden|leak|raas|incide|apt|trojan|malver|malspa|crypto|bootki|exploi|schads|schadp|erpres|cybera|cyberk|sicher|logici|rançon|pirate|hameço|cybere|progra|cibera|ciberd|cibere|attacc|crimin|pirati|ataque|softwa|ciberc|gijzel)',
  unspaced: '恶意|勒索|黑客|网络|钓鱼|僵尸|高级|威胁|惡意|駭客|網路|殭屍|マル|ラン|サイ|標的|フィ|バッ|ボッ|攻撃|ハッ|악성|랜섬|해커|해킹|사이|피싱|백도|봇넷|вр|ши|пр|фи|ха|ки|бэ|бо',
  first: '[恶勒黑网钓僵高威惡駭網殭マラサ標フバボ攻ハ악랜해사피백봇вшпфхкб]',
  anywhere: false,
};
const STARTS = SECURITY_RE.source === KNOWN_TERM_STARTS.source ? KNOWN_TERM_STARTS : termStarts();
const TERMS_ANYWHERE = STARTS.anywhere;
const WORD_STARTS = new RegExp(STARTS.word, 'gi');
const UNSPACED_AT = new RegExp(STARTS.unspaced, 'iy');
/**
 * The unspaced starts' first characters are found by a search for any character above U+00FF, then asked of their
 * class (read case-insensitively, as before) once per code unit: 1 yes, 2 no, 0 not asked yet. The class itself as the
 * search read ≈ 8–12 ns per character of two-byte text (a case-insensitive class of scattered CJK and Cyrillic
 * characters): 8 ms per 1 MB, paid on every text and every block nearSecurityWords reads; a loop of charCodeAt over
 * the blocks (sliced strings) as much; this search ≈ 0.6 ms, and nothing on text of Latin-1 only. No Latin-1
 * character can be in the class: its characters are from U+0400 on (termStarts), and without the u flag a character
 * matches another case-insensitively only by the same upper-case form, which no Latin-1 character shares with one
 * from U+0400 on (checked over every pair in V8 11.3, Node 20).
 */
const NON_LATIN1 = /[^\0-\xff]/g;
const UNSPACED_FIRST = new RegExp(`^${STARTS.first}$`, 'i');
const UNSPACED_FIRST_OF = new Uint8Array(65536);
function unspacedFirst(c: number): boolean {
  let v = UNSPACED_FIRST_OF[c] as number;
  if (v === 0) UNSPACED_FIRST_OF[c] = v = UNSPACED_FIRST.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
/**
 * The text last searched, and per expression the offset a search started from and where it found its start (-1:
 * none to the end): the callers search one text onwards hit by hit, and the unspaced starts are rare, so a search
 * that found nothing is not run again from each later hit.
 */
let startsText = '';
let wordFrom = -1;
let wordAt = -1;
let unspacedFrom = -1;
let unspacedAt = -1;
/** The first position at or after `from` where a term may start, as TERM_STARTS would find it, or -1. */
function nextTermStart(t: string, from: number): number {
  if (t !== startsText) {
    startsText = t;
    wordFrom = unspacedFrom = -1;
  }
  if (wordFrom < 0 || from < wordFrom || (wordAt >= 0 && from > wordAt)) {
    WORD_STARTS.lastIndex = from;
    const m = WORD_STARTS.exec(t);
    wordFrom = from;
    wordAt = m ? m.index : -1;
  }
  if (unspacedFrom < 0 || from < unspacedFrom || (unspacedAt >= 0 && from > unspacedAt)) {
    unspacedFrom = from;
    unspacedAt = -1;
    NON_LATIN1.lastIndex = from;
    while (NON_LATIN1.test(t)) {
      const i = NON_LATIN1.lastIndex - 1;
      if (!unspacedFirst(t.charCodeAt(i))) continue;
      UNSPACED_AT.lastIndex = i;
      if (UNSPACED_AT.test(t)) {
        unspacedAt = i;
        break;
      }
    }
  }
  return wordAt < 0 ? unspacedAt : unspacedAt < 0 ? wordAt : Math.min(wordAt, unspacedAt);
}

/**
 * The next hit of SECURITY_RE in `t` at or after `from`: the same as SECURITY_RE.exec(t) with lastIndex `from`.
 * The whole expression (seventy alternatives behind a \b) is tried, anchored, only where a term can start
 * (nextTermStart); at a position it tries the same alternatives in the same order, so the leftmost position it
 * matches at gives the same match. Text without security vocabulary is read by the whole expression at no word
 * start: an ordinary article of 0.8 MB 3.3 → 2.1 ms warm (Node 20), tables and lists of names about half; text dense
 * with terms costs the same as before (two searches per hit, far fewer positions).
 */
export function nextSecurityTerm(t: string, from: number): RegExpExecArray | null {
  if (TERMS_ANYWHERE) {
    SECURITY_RE.lastIndex = from;
    return SECURITY_RE.exec(t);
  }
  for (let s = nextTermStart(t, from); s >= 0; s = nextTermStart(t, s + 1)) {
    SECURITY_AT.lastIndex = s;
    const m = SECURITY_AT.exec(t);
    if (m) return m;
  }
  return null;
}

/**
 * One term hit per this many characters at least (besides three hits in all): on the AnnoCTR dev split the sparsest
 * report has one per ≈ 700 characters, a news page with one security paragraph far fewer.
 */
const CHARS_PER_HIT = 2000;
/**
 * The hits must spread over at least this share of the text (at most SPREAD_CAP characters): one security sentence
 * on a page ten times longer about something else is not a security page (audit B: a news sidebar under mythology,
 * film and finance notes, 4 %; dev: every report spreads its terms over ≥ 66 % of it).
 */
const SPREAD = 0.1;
/** A text this short (a sentence or two) needs two hits of distinct terms, not three: "…sent phishing mail with a backdoor". */
const SHORT = 1000;
const SPREAD_CAP = 2000;

/**
 * A security passage inside a longer text: PASSAGE_HITS hits of two or more distinct terms within PASSAGE_CHARS
 * characters, spread over at least PASSAGE_SPREAD. An article on a web page shares its text with menus, teasers and
 * comments: with 20,000 characters of such text before it, 36 of the 50 AnnoCTR reports (dev and test) kept
 * context by density alone, 49 with this rule too; none of the ordinary texts of audit B (licences, manuals,
 * mythology, sport, hospital and finance notes, 98 slices) has such a passage, nor does one security sentence in a
 * sidebar (its terms lie within a hundred characters).
 */
const PASSAGE_HITS = 4;
const PASSAGE_CHARS = 3000;
const PASSAGE_SPREAD = 250;

/**
 * Does the text carry security vocabulary: ≥ 2 distinct terms, ≥ 3 occurrences (2 in a SHORT text) and at least one
 * per CHARS_PER_HIT characters, spread over a tenth of the text (or SPREAD_CAP characters); or a security passage
 * (PASSAGE_HITS)?
 */
export function hasSecurityContext(text: string): boolean {
  const seen = new Set<string>();
  const needHits = text.length <= SHORT ? 2 : Math.max(3, Math.ceil(text.length / CHARS_PER_HIT));
  const needSpread = Math.min(SPREAD_CAP, text.length * SPREAD);
  let hits = 0;
  let first = -1;
  /** The last PASSAGE_HITS hits: where each starts, and its term. */
  const at: number[] = [];
  const terms: string[] = [];
  for (let m = nextSecurityTerm(text, 0); m; m = nextSecurityTerm(text, m.index + m[0].length)) {
    const s = m.index;
    const e = s + m[0].length;
    if (text.charCodeAt(s) < CJK_FROM && ((s > 0 && isWordAt(text, s - 1)) || (e < text.length && isWordAt(text, e)))) continue;
    // "APT" and "C2" only in capitals: "an apt remark", "c2" in a part number are not security words. (Told apart by
    // their first letters: only "trojan" starts with "tr".)
    const w = m[0];
    if ((w.length === 2 && w !== 'C2' && (w.charCodeAt(0) | 32) === 99 && w.charCodeAt(1) === 50) || ((w.charCodeAt(0) | 32) === 97 && (w.charCodeAt(1) | 32) === 112 && !w.startsWith('APT'))) continue;
    // "trojan" only in lower case: "banking trojans" is security, "the Trojan War" and "a Trojan horse" are not
    if (w.charCodeAt(0) === 84 && (w.charCodeAt(1) | 32) === 114) continue;
    hits++;
    if (first < 0) first = s;
    const term = w.toLowerCase().replace(/s$/, '');
    seen.add(term);
    if (seen.size >= 2 && hits >= needHits && s - first >= needSpread) return true;
    at.push(s);
    terms.push(term);
    if (at.length > PASSAGE_HITS) {
      at.shift();
      terms.shift();
    }
    if (at.length === PASSAGE_HITS) {
      const span = s - (at[0] as number);
      if (span <= PASSAGE_CHARS && span >= PASSAGE_SPREAD && terms.some((t) => t !== terms[0])) return true;
    }
  }
  return false;
}

/** Characters either side of a name in which nearSecurityWords looks. */
export const NEAR_CHARS = 600;

/** What nearSecurityWords keeps of one text across its names: its sections, and where its security terms stand. */
export interface NearIndex {
  sections: Sections;
  /** Per block of HIT_BLOCK characters (by its number), start and end of each security term starting in it, flattened. */
  blocks?: Map<number, Int32Array>;
}
/** Characters per block of the text read for security terms at once: a block is read when a name first needs it. */
const HIT_BLOCK = 2048;
/** Characters read past a block's ends, so that a term across its end is whole (terms are short). */
const HIT_MARGIN = 40;

/** The security terms starting in block `k` of `text`, as nearSecurityWords counts them: start and end, flattened. */
function blockHits(text: string, near: NearIndex, k: number): Int32Array {
  const blocks = (near.blocks ??= new Map());
  let hits = blocks.get(k);
  if (hits) return hits;
  const a = k * HIT_BLOCK;
  const z = Math.min(text.length, a + HIT_BLOCK);
  const from = Math.max(0, a - HIT_MARGIN);
  const w = text.slice(from, Math.min(text.length, z + HIT_MARGIN));
  const out: number[] = [];
  for (let m = nextSecurityTerm(w, 0); m; m = nextSecurityTerm(w, m.index + m[0].length)) {
    const s = m.index + from;
    if (s < a) continue;
    if (s >= z) break;
    const e = s + m[0].length;
    if (text.charCodeAt(s) < CJK_FROM && ((s > 0 && isWordAt(text, s - 1)) || (e < text.length && isWordAt(text, e)))) continue;
    out.push(s, e);
  }
  hits = Int32Array.from(out);
  blocks.set(k, hits);
  return hits;
}

/** Does a security term lie within [from, to), outside [start, end), in the text `near` indexes? */
function termWithin(text: string, near: NearIndex, from: number, to: number, start: number, end: number): boolean {
  for (let k = Math.floor(from / HIT_BLOCK), last = Math.floor(Math.max(from, to - 1) / HIT_BLOCK); k <= last; k++) {
    const h = blockHits(text, near, k);
    for (let q = 0; q < h.length; q += 2) {
      const s = h[q] as number;
      const e = h[q + 1] as number;
      if (s < from || (s < end && e > start)) continue;
      if (s >= to) return false;
      if (e <= to) return true;
    }
  }
  return false;
}

/** Does a security term lie within [from, to) of the text `near` indexes? */
export function securityTermsWithin(text: string, near: NearIndex, from: number, to: number): boolean {
  return termWithin(text, near, from, to, to, to);
}

/**
 * A security term within NEAR_CHARS characters of [start, end): a name that needs context needs it nearby too, not
 * just somewhere on the page. A project's changelog that mentions an attack or a backdoor in one release is a
 * security page by its vocabulary, yet "Denis", "Kevin" or "Desktop" in its credits are no malware. With an index of
 * the text (`near`), each block of the text is read for terms once for all its names; with `inSection` too, only in the
 * name's section (sections.ts: a page's security section does not vouch for a name under another heading).
 */
export function nearSecurityWords(text: string, start: number, end: number, near?: NearIndex, inSection = true): boolean {
  if (near) {
    const [lo, hi] = inSection ? near.sections.around(start, end, NEAR_CHARS) : [0, text.length];
    return termWithin(text, near, Math.max(lo, start - NEAR_CHARS), Math.min(hi, end + NEAR_CHARS), start, end);
  }
  const from = Math.max(0, start - NEAR_CHARS);
  const window = text.slice(from, Math.min(text.length, end + NEAR_CHARS));
  for (let m = nextSecurityTerm(window, 0); m; m = nextSecurityTerm(window, m.index + m[0].length)) {
    const s = m.index;
    const e = s + m[0].length;
    if (window.charCodeAt(s) < CJK_FROM && ((s > 0 && isWordAt(window, s - 1)) || (e < window.length && isWordAt(window, e)))) continue;
    if (s + from < end && e + from > start) continue;
    return true;
  }
  return false;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return ((CLS[c] || classify(c)) & C_WORD) !== 0;
}

/**
 * Cues that say "security" by themselves: a name right next to one is read as the actor or software on any page.
 * The other cue words (team, group, family, campaign, attack, operation, sample, tool…) are ordinary nouns ("the
 * Cobalt team", "the Lazarus family", "the Sidewinder attack" on a sports page): next to an ambiguous name they count
 * only on a page with security context (audit B, finding 4).
 */
const STRONG_CUES = new Set(['threat actor', 'apt', 'hackers', 'hacker', 'adversary', 'raas', 'malware', 'ransomware', 'trojan', 'backdoor', 'infostealer', 'botnet', 'keylogger', 'rootkit', 'spyware', 'encryptor', 'downloader', 'hackergruppe', 'schadsoftware', 'rançongiciel']);

/** Cue words that say "this name is an actor". */
export const ACTOR_CUES = ['group', 'groups', 'gang', 'apt', 'actor', 'actors', 'hackers', 'hacker', 'operators', 'operator', 'crew', 'affiliates', 'affiliate', 'cartel', 'syndicate', 'team', 'adversary'];
/** Cue words that support a security reading without saying which kind ("the Silence campaign"). */
export const NEUTRAL_CUES = ['threat', 'campaign', 'campaigns', 'cluster', 'attack', 'attacks', 'operation', 'activity', 'intrusion', 'intrusions'];
/** Cue words that say "this name is software". */
export const SOFTWARE_CUES = ['malware', 'ransomware', 'trojan', 'loader', 'backdoor', 'rat', 'stealer', 'infostealer', 'botnet', 'dropper', 'downloader', 'implant', 'payload', 'payloads', 'sample', 'samples', 'variant', 'variants', 'family', 'worm', 'wiper', 'keylogger', 'rootkit', 'spyware', 'beacon', 'binary', 'binaries', 'encryptor', 'infection', 'infections', 'builder', 'framework', 'tool', 'toolkit', 'executable', 'dll'];
/**
 * Software cues that also follow ordinary words ("MS Defender executable", ".Net binary", "Office payload"): they
 * do not confirm a frequent-word name (level `common`). Decided on the AnnoCTR dev split (Defender, Net).
 */
const WEAK_SOFTWARE_CUES = new Set(['executable', 'binary', 'binaries', 'dll', 'payload', 'payloads', 'beacon', 'builder', 'framework', 'infection', 'infections']);
/** Does the cue say software by itself, not only after ordinary words too ("the Redline infostealer", not "the Office payload")? */
export const confirmsSoftware = (c: Cue): boolean => c.kind === 'software' && !WEAK_SOFTWARE_CUES.has(c.word);
const ACTOR_SET = new Set(ACTOR_CUES);
const SOFTWARE_SET = new Set(SOFTWARE_CUES);
const NEUTRAL_SET = new Set(NEUTRAL_CUES);
/** Cues that may stand before the name ("APT Lazarus", "the threat actor ZINC", "malware Silence"). */
const BEFORE_SET = new Set(['apt', 'actor', 'actors', 'group', 'gang', 'malware', 'ransomware', 'trojan', 'backdoor', 'loader', 'stealer', 'botnet', 'operators', 'family', 'variant', 'hackers']);
/**
 * The same cues before a name in the languages whose press names crews and families so ("die Hackergruppe Lazarus",
 * "le groupe Lazarus", "el grupo Lazarus", "la Schadsoftware Emotet", "le rançongiciel LockBit"); German writes its
 * nouns with a capital, so "mid-sentence" tells it nothing and the cue has to.
 */
const FOREIGN_BEFORE = new Map<string, Cue['kind']>([
  ['gruppe', 'actor'], ['hackergruppe', 'actor'], ['groupe', 'actor'], ['grupo', 'actor'], ['gruppo', 'actor'], ['groep', 'actor'],
  ['schadsoftware', 'software'], ['rançongiciel', 'software'], ['malveillant', 'software'],
]);

export interface Cue {
  word: string;
  kind: 'actor' | 'software' | 'neutral';
  side: 'before' | 'after';
  /** The kind word ends the name itself, as the data holds it ("Raccoon Stealer"; match.ts ownKindCue). */
  own?: boolean;
}

/**
 * "Stealer" after an ordinary word is a football or a film phrase ("a scene stealer"), so it is no strong cue next to
 * a name; but where the data holds it as the end of the name ("Raccoon Stealer", "Mars Stealer", "Aurora Stealer"),
 * name and word together are what the field calls the family and no other thing: "Watch out for Raccoon Stealer ads"
 * is read on any page. Measured with clause-terms.ts (session 20, helper T).
 */
const OWN_STRONG = new Set(['stealer']);
const strongCue = (c: Cue): boolean => STRONG_CUES.has(c.word) || (!!c.own && OWN_STRONG.has(c.word));

const RAAS_TAIL = /^-as-a-service\b/i;
/** A release number: digits with at least one dot, or "v" and digits ("4.9", "v3"), then a space. */
const VERSION_AT = /(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)+)[ \u00a0]+/y;
/**
 * "-linked", "-attributed"… after a name and before a threat noun: the name is who stands behind the threat. Only with
 * such a noun after it ("a Sandworm-linked wiper", not "a Cobalt-linked mining share").
 */
const LINKED_AT = once(() => /(?:linked|attributed|affiliated|aligned|tied|backed)[ \u00a0]+(?:wipers?|malware|ransomware|backdoors?|implants?|loaders?|campaigns?|intrusions?|attacks?|operations?|activity|clusters?|groups?|actors?|hackers|operators|infrastructure)(?![\p{L}\p{N}_-])/iuy);
const THREAT_BEFORE = /\bthreat[ \u00a0]$/i;
const OF_CREW_RE = /\b(operators|affiliates|members|operator|hackers)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?["'\u201c\u2018]?$/i;
const APOSTROPHE = new Set([39, 0x2019, 0x2018, 0x2bc]);
/** Quotes and brackets that may stand between a name and its cue. */
const QUOTE_AFTER = new Set([34, 39, 0x201d, 0x2019, 41]);
const QUOTE_BEFORE = new Set([34, 39, 0x201c, 0x2018, 40]);
const isLetter = (c: number) => ((CLS[c] || classify(c)) & C_LETTER) !== 0;
/** Space on the same line (JavaScript \s minus line breaks). */
const isInlineSpace = (c: number) => c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029 && ((CLS[c] || classify(c)) & C_SPACE) !== 0;

/**
 * A cue word directly next to the span [start, end) of `text`, on the same line; an apostrophe-s, quotes, a
 * bracket or one hyphen may sit between ("ZINC's group", "“Cobalt” group", "Cobalt-linked" is not a cue: only
 * listed words count). Before the name only the words of the "before" list count ("APT Lazarus", "malware Silence").
 */
export function cueNear(text: string, start: number, end: number): Cue | undefined {
  const n = text.length;
  let limit = Math.min(n, end + 24);
  let j = end;
  if (j + 1 < n && APOSTROPHE.has(text.charCodeAt(j)) && (text.charCodeAt(j + 1) | 32) === 115 && !(j + 2 < n && isLetter(text.charCodeAt(j + 2)))) j += 2;
  while (j < limit && (isInlineSpace(text.charCodeAt(j)) || QUOTE_AFTER.has(text.charCodeAt(j)))) j++;
  // "Cobalt Strike 4.9 beacon", "LockBit v3.0 builder": a release number sits between the software and its noun
  if (j > end && j < n && (text.charCodeAt(j) === 118 || ((CLS[text.charCodeAt(j)] || classify(text.charCodeAt(j))) & C_DIGIT) !== 0)) {
    VERSION_AT.lastIndex = j;
    if (VERSION_AT.test(text)) {
      j = VERSION_AT.lastIndex;
      limit = Math.min(n, j + 16);
    }
  }
  if (j < limit && text.charCodeAt(j) === 45) {
    j++;
    while (j < limit && isInlineSpace(text.charCodeAt(j))) j++;
    // "Sandworm-linked wiper", "a Lazarus-attributed intrusion": the name of who is behind a threat the noun names
    const linkedAt = LINKED_AT();
    linkedAt.lastIndex = j;
    if (linkedAt.test(text)) return { word: 'linked', kind: 'actor', side: 'after' };
  }
  if (j < limit && text.charCodeAt(j) >= CJK_FROM) {
    const cjk = cjkCueAfter(text, j);
    if (cjk) return { ...cjk, side: 'after' };
  }
  let k = j;
  while (k < limit && isLetter(text.charCodeAt(k))) k++;
  if (k > j && k - j <= 12) {
    const w = text.slice(j, k).toLowerCase();
    // "X RaaS", "X Ransomware-as-a-Service": the criminal operation that rents the ransomware out, i.e. its crew
    if (w === 'raas' || (w === 'ransomware' && RAAS_TAIL.test(text.slice(k, k + 16)))) return { word: 'raas', kind: 'actor', side: 'after' };
    if (ACTOR_SET.has(w)) return { word: w, kind: 'actor', side: 'after' };
    if (SOFTWARE_SET.has(w)) return { word: w, kind: 'software', side: 'after' };
    if (NEUTRAL_SET.has(w)) return { word: w, kind: 'neutral', side: 'after' };
  }
  let b = start - 1;
  const floor = Math.max(0, start - 24);
  if (b < floor || !(isInlineSpace(text.charCodeAt(b)) || QUOTE_BEFORE.has(text.charCodeAt(b)))) return undefined;
  while (b >= floor && (isInlineSpace(text.charCodeAt(b)) || QUOTE_BEFORE.has(text.charCodeAt(b)))) b--;
  let a = b;
  while (a >= floor && isLetter(text.charCodeAt(a))) a--;
  if (a < b && b - a <= 12) {
    const w = text.slice(a + 1, b + 1).toLowerCase();
    // "the threat actor X", "threat group X": the field's own phrase, as strong as "hackers"
    if ((w === 'actor' || w === 'group') && THREAT_BEFORE.test(text.slice(Math.max(0, a - 8), a + 1))) return { word: 'threat actor', kind: 'actor', side: 'before' };
    if (BEFORE_SET.has(w)) return { word: w, kind: ACTOR_SET.has(w) ? 'actor' : 'software', side: 'before' };
    const foreign = FOREIGN_BEFORE.get(w);
    if (foreign) return { word: w, kind: foreign, side: 'before' };
    // "the operators of the X", "affiliates of X", "the Vietnamese hackers of X": the people behind the name
    const m = w === 'the' || w === 'of' ? OF_CREW_RE.exec(text.slice(Math.max(0, start - 32), start)) : null;
    if (m) return { word: (m[1] as string).toLowerCase(), kind: 'actor', side: 'before' };
  }
  return undefined;
}

/**
 * An appositive right after the name, in the same clause: ", the North Korean state-sponsored group", ", a
 * Russian-speaking gang", ", the notorious banking trojan" — an article, at most four modifiers (words and
 * hyphenated words, any case, but no article, preposition, conjunction or relative word: ", the town where the group
 * met" is no appositive of a group) and a crew or software noun; or an alias introduction, "(a.k.a. …", "(aka …",
 * ", also known as …", ", also tracked as …". This is how security news opens a lede on an actor or a family
 * ("Lazarus, the North Korean group also known as Hidden Cobra, stole…"), where the name stands at the sentence start
 * and no cue word is next to it (audit F, finding 2). The appositive may also stand between dashes or in brackets
 * ("Sandworm — the GRU's sabotage group —", "Kimsuky (a North Korean APT)"), or be the name's predicate ("Silence is a
 * financially motivated group"). The noun says the kind (audit F, finding 5: "OilRig, the Iranian group" is the
 * actor, not malpedia's family of that name); an alias introduction says only that a threat is named (neutral). Like
 * any ordinary-noun cue it counts only on a security page (ambiguityVerdict), so "Silence, the Swedish group" on a
 * music page stays a word; "rat" and "worm" are left out (", the rat"), and "APT" counts only in capitals (", an
 * apt name").
 */
const APPOSITIVE_NOUN_RE = once(() => /^(?:(?:,[ \u00a0]+|[ \u00a0]*[\u2014\u2013][ \u00a0]*|[ \u00a0]+--?[ \u00a0]+|[ \u00a0]*\([ \u00a0]*|[ \u00a0]+(?:is|was|remains)[ \u00a0]+)(?:the|a|an)(?:(?:[ \u00a0]+(?!(?:the|a|an|of|and|or|but|where|which|who|whom|whose|that|this|its|their|in|on|at|to|for|with|by|from|is|was|are|were|has|had)(?![\p{L}-]))[\p{L}][\p{L}-]*){0,4}?)[ \u00a0]+(group|gang|crew|actor|hackers|adversary|cartel|syndicate|apt|malware|ransomware|trojan|backdoor|loader|stealer|infostealer|botnet|wiper|spyware|downloader|dropper|keylogger|rootkit)(?![\p{L}\p{N}_-])|[ \u00a0]*(?:\([ \u00a0]*(?:a\.k\.a\.?|aka)|,[ \u00a0]+(?:also[ \u00a0]+(?:known|tracked)[ \u00a0]+as|a\.k\.a\.?|aka))(?![\p{L}\p{N}_]))/iu);
const APPOSITIVE_CHARS = 80;
/** Cheap first test: what may follow a name where an appositive starts (a comma, a space, a dash or a bracket). */
const APPOSITIVE_START = new Set([44, 40, 32, 0xa0, 0x2013, 0x2014]);

export function appositiveCueAfter(text: string, end: number): Cue | undefined {
  if (!APPOSITIVE_START.has(text.charCodeAt(end))) return undefined;
  const m = APPOSITIVE_NOUN_RE().exec(text.slice(end, end + APPOSITIVE_CHARS));
  if (!m) return undefined;
  const written = m[1];
  if (!written) return { word: 'aka', kind: 'neutral', side: 'after' };
  if (written.toLowerCase() === 'apt' && written !== 'APT') return undefined;
  const noun = written.toLowerCase();
  return { word: noun, kind: ACTOR_SET.has(noun) ? 'actor' : 'software', side: 'after' };
}

/** "groups such as", "ransomware families like", "actors including": the head noun says which kind a list names. */
const LIST_INTRO_RE = /\b(groups|actors|gangs|crews|apts|adversaries|operators|families|malware|ransomware|trojans|backdoors|loaders|stealers|botnets|strains|variants)(?:,)?[ \u00a0]+(?:such[ \u00a0]+as|like|including)[ \u00a0]+["'\u201c\u2018]?$/i;
const LIST_ACTOR_HEADS = new Set(['groups', 'actors', 'gangs', 'crews', 'apts', 'adversaries', 'operators']);

/**
 * A list introduced by a plural kind noun right before the span ("state-sponsored groups such as X",
 * "ransomware families like X"): the noun is a cue for the first item (match.ts carries it over to the next items,
 * "such as X, Y and Z"). Decided on the AnnoCTR dev split ("groups such as APT33 and Gorgon").
 */
export function listCueBefore(text: string, start: number): Cue | undefined {
  // cheap test first: the word before must be "as", "like" or "including"
  let b = start - 1;
  while (b >= 0 && start - b < 4 && (isInlineSpace(text.charCodeAt(b)) || QUOTE_BEFORE.has(text.charCodeAt(b)))) b--;
  let a = b;
  while (a >= 0 && b - a < 10 && isLetter(text.charCodeAt(a))) a--;
  const len = b - a;
  const word = len === 2 ? 'as' : len === 4 ? 'like' : len === 9 ? 'including' : '';
  if (!word) return undefined;
  for (let k = 0; k < len; k++) if ((text.charCodeAt(a + 1 + k) | 32) !== word.charCodeAt(k)) return undefined;
  // The intro is looked for on the same line, at most 48 characters back (not lastIndexOf: on a text without line
  // breaks it walked back to the start for every candidate).
  let from = start;
  while (from > 0 && start - from < 48 && text.charCodeAt(from - 1) !== 10) from--;
  const m = LIST_INTRO_RE.exec(text.slice(from, start));
  if (!m) return undefined;
  const w = (m[1] as string).toLowerCase();
  return { word: w, kind: LIST_ACTOR_HEADS.has(w) ? 'actor' : 'software', side: 'before' };
}

/**
 * "the financially motivated group also tracked as X", "a ransomware family known as X", "the hackers, also referred
 * to as X", "the group, which Microsoft also tracks as X" (audit S): an alias introduced in a clause whose head is a
 * crew or software noun names a thing of that kind, and the noun is the cue for the name that follows (audit H, finding 6: "FIN7, the financially motivated group also tracked
 * as Carbanak" is the actor alias, not the malware of that name). The last such noun before "known/tracked/tracks/referred
 * to as" counts ("the ransomware gang known as X": a gang), in the same clause (no sentence end, colon or semicolon
 * between) and at most ALIAS_INTRO_GAP characters before it.
 */
const ALIAS_INTRO_RE = once(() => /^.*\b(group|gang|crew|actor|hackers|adversary|cartel|syndicate|malware|ransomware|trojan|backdoor|loader|stealer|infostealer|botnet|family|wiper)(?![\p{L}\p{N}_-])[^.;:!?\n]{0,48}?\b(?:also[ \u00a0]+)?(?:known|tracked|tracks?|referred[ \u00a0]+to)[ \u00a0]+as[ \u00a0]+["'\u201c\u2018]?$/iu);
const ALIAS_INTRO_CHARS = 96;

export function aliasIntroCueBefore(text: string, start: number): Cue | undefined {
  // cheap test first: the word before must be "as"
  let b = start - 1;
  while (b >= 0 && start - b < 4 && (isInlineSpace(text.charCodeAt(b)) || QUOTE_BEFORE.has(text.charCodeAt(b)))) b--;
  if (b < 1 || (text.charCodeAt(b) | 32) !== 115 || (text.charCodeAt(b - 1) | 32) !== 97 || (b >= 2 && isLetter(text.charCodeAt(b - 2)))) return undefined;
  let from = start;
  while (from > 0 && start - from < ALIAS_INTRO_CHARS && text.charCodeAt(from - 1) !== 10) from--;
  const m = ALIAS_INTRO_RE().exec(text.slice(from, start));
  if (!m) return undefined;
  const w = (m[1] as string).toLowerCase();
  return { word: w, kind: ACTOR_SET.has(w) ? 'actor' : 'software', side: 'before' };
}

/** Is the name the first word of a quotation (an opening quote mark right before it)? */
export function opensQuote(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && isInlineSpace(text.charCodeAt(i))) i--;
  return i >= 0 && QUOTE_BEFORE.has(text.charCodeAt(i)) && text.charCodeAt(i) !== 40;
}

/**
 * Is the span inside a running sentence: preceded on the same line by a lower-case word, a digit, or a comma/
 * semicolon/colon/parenthesis/quote after such text? False at a line or sentence start and inside Title Case runs.
 */
export function isMidSentence(text: string, start: number): boolean {
  let i = start - 1;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (!(isInlineSpace(c) || QUOTE_BEFORE.has(c))) break;
  }
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (c >= CJK_FROM) return cjkBeforeInSentence(c);
  // . ! ? # * > | ]
  if (c === 46 || c === 33 || c === 63 || c === 35 || c === 42 || c === 62 || c === 124 || c === 93) return false;
  // , ; : / &
  if (c === 44 || c === 59 || c === 58 || c === 47 || c === 38) return true;
  const j = wordRunBefore(text, i);
  if (j === i) return false;
  const first = text.charCodeAt(j + 1);
  if (((CLS[first] || classify(first)) & C_UPPER) === 0) return true;
  // "Russian Sandworm", "North Korean Lazarus": after a nationality the name's capital is its own, wherever the
  // adjective stands in a sentence (not in a Title Case heading, where every word has one); so after a security
  // vendor inside a sentence ("the latest Mandiant Sandworm findings"). A word longer than any vendor's is not
  // copied for that test (lower-casing never shortens a string): a hyphenated chain before every name of it
  // ("Cobalt-Cobalt-…") was copied whole for each.
  if (i - j <= PUBLISHER_CHARS) {
    const before = text.slice(j + 1, i + 1).toLowerCase();
    // At a sentence start too ("The FBI Lazarus advisory describes…", "Kaspersky Turla research shows…"): the name is
    // not the sentence's first word, so its capital is its own, where the line reads as prose (not a Title Case heading).
    if (SECURITY_PUBLISHERS.has(before)) return isMidSentence(text, j + 1) || (PUBLISHER_TAILS.has(before) ? isMidSentence(text, wordBeforeName(text, j + 1)?.[0] ?? j + 1) : proseAround(text, j + 1, start));
    // "So Lazarus, right, they…": a capitalised opener starts the sentence the name is in (audit Z)
    if (sentenceOpener(text, j + 1, before, start)) return true;
  }
  return titleWord(text, j + 1, i + 1) && nationalityWord(text.slice(j + 1, i + 1).toLowerCase()) && (isMidSentence(text, j + 1) || proseAround(text, j + 1, start));
}

/**
 * The last long word run wordRunBefore walked back over: its text and its first and last index. A run of words joined
 * by hyphens or apostrophes ("Cobalt-Cobalt-…", thousands of names in one token) holds a name at each of its word
 * starts, and each walked back to the run's start: quadratic (100 K characters of such a chain on a page with
 * security context: 3.2 s, 800 K: minutes). Remembered, each run is walked once.
 */
let runText: string | undefined;
let runFirst = 0;
let runLast = -1;
/** Runs at least this long are remembered (a short walk costs less than the look-up). */
const RUN_MEMO = 64;

/** Index right before the run of letters, digits, apostrophes and hyphens that ends at `i` (i itself if none ends there, -1 at the text start). */
function wordRunBefore(text: string, i: number): number {
  if (i <= runLast && i >= runFirst && text === runText) return runFirst - 1;
  let j = i;
  for (; j >= 0; j--) {
    if (j === runLast && text === runText) {
      // the rest of the run was walked before: all of it is run characters, and the one before it is not
      j = runFirst - 1;
      break;
    }
    const d = text.charCodeAt(j);
    const k = CLS[d] || classify(d);
    if (!((k & (C_LETTER | C_DIGIT)) || d === 39 || d === 0x2019 || d === 45)) break;
  }
  if (i - j >= RUN_MEMO) {
    runText = text;
    runFirst = j + 1;
    runLast = i;
  }
  return j;
}

export interface AmbiguityInput {
  level: AmbiguityLevel;
  /** Did the written form match the alias in its exact case (or all caps for level 1)? */
  caseOk: boolean;
  cue: Cue | undefined;
  /** Kind of the candidate entity: a frequent-word name needs a cue of its own kind. */
  entityIsActor?: boolean;
  /** A ransomware name: the field names its operators after it, so an actor cue fits it too ("DarkSide operators"). */
  entityIsRansomware?: boolean;
  /** The same entity was already spotted earlier in the text under a name that stood on its own. */
  entitySeen?: boolean;
  /** A name that needed no context (TrickBot) stands shortly before, in the same sentence. */
  afterDistinct?: () => boolean;
  pageContext: () => boolean;
  /**
   * The name opens a quotation: a quoted label or title ("Unknown family", "Silent night") capitalises its first
   * word, and an ordinary noun after it is part of the label, not a cue.
   */
  opensQuote?: () => boolean;
  /** Security vocabulary near the name (nearSecurityWords), beyond the page's. */
  nearContext?: () => boolean;
  /** The name's own sentence vouches for it (clause-terms.ts sentenceVouches); `flagged`: as strictly as a flagged name needs. */
  clauseContext?: (flagged: boolean) => boolean;
  midSentence: () => boolean;
  /**
   * The name is written with an inner capital and is no English word ("AnyDesk", "ScreenConnect"): flagged as a
   * product's name, not as a word, so a capital at a sentence start is its own, not the sentence's.
   */
  camelCoined?: boolean;
}

/** Does a cue next to the name agree with the candidate's kind ("Phoenix team" is no cue for a malware Phoenix)? */
function cueFits(c: Cue, a: AmbiguityInput): boolean {
  if (c.kind === 'neutral' || a.entityIsActor === undefined) return true;
  // "team" names a ransomware's operators only in a crew's own name ("… Team"): after an ordinary-word ransomware name
  // it is a company's or a club's team ("the new Storm team"), as the field calls operators a gang, group or crew
  if (c.word === 'team' && !a.entityIsActor) return false;
  return c.kind === 'actor' ? !!a.entityIsActor || !!a.entityIsRansomware : !a.entityIsActor;
}

/** The rule itself. Returns whether the match stands, and whether it needed context to stand. */
export function ambiguityVerdict(a: AmbiguityInput): { ok: boolean; contextUsed: boolean } {
  if (a.level === AMBIGUITY.distinct) return { ok: true, contextUsed: false };
  if (!a.caseOk) return { ok: false, contextUsed: false };
  const c = a.cue;
  if (a.level === AMBIGUITY.common) {
    // Only a cue written after the name and naming the entity's kind: "Cuba ransomware", "Net tool" — not
    // "malware payload" (a compound noun) nor "One actor" for a ransomware named One; and an ordinary noun as cue
    // ("the nitrogen sample") only on a security page.
    const ok = !!c && c.side === 'after' && (c.kind === 'software' ? !a.entityIsActor && !WEAK_SOFTWARE_CUES.has(c.word) : c.kind === 'actor' && !!a.entityIsActor);
    if (!ok) return { ok: false, contextUsed: true };
    if (STRONG_CUES.has((c as Cue).word)) return { ok: true, contextUsed: true };
    // An ordinary noun after the first word of a quotation is part of a quoted label ("Unknown family").
    return { ok: a.pageContext() && !a.opensQuote?.(), contextUsed: true };
  }
  // The text already named this entity unambiguously ("the Lazarus Group … Lazarus", "Diamond Sleet, formerly
  // ZINC"): its shorter, ordinary-word name means the same here.
  if (a.entitySeen) return { ok: true, contextUsed: true };
  // Not where the name opens a quotation and an ordinary noun follows it: that is a quoted label ("Unknown family").
  if (c && !strongCue(c) && c.side === 'after' && a.opensQuote?.()) return { ok: false, contextUsed: true };
  // An ordinary-noun cue counts on a security page, or right after a distinctive name ("Wizard Spider returns with
  // Conti affiliates": two weak signals together). Not "family" after a flagged name opening a sentence: the one
  // software cue that names people too, and an ordinary word capitalised there with it is a family of people ("The
  // Royal family visited…"); inside a sentence ("linked the Quiet family to…") rule (b) reads it as before.
  const kinship = c?.word === 'family' && a.level === AMBIGUITY.flagged && !a.midSentence();
  // An ordinary noun says security only where the page's security words reach the name's section ("Machete attacks no
  // longer clip through walls" under a patch's "Bug fixes", its "Account security" section aside; sections.ts).
  if (c && !kinship && cueFits(c, a) && (strongCue(c) || (a.pageContext() && (a.nearContext?.() ?? true)) || !!a.afterDistinct?.())) return { ok: true, contextUsed: true };
  // A word-like name right after a distinctive one in the same sentence is read in its company ("TrickBot and Dridex",
  // "Wizard Spider returns with Conti affiliates"): threat names are listed together. Not a flagged name, which is an
  // ordinary word ("TrickBot and Silence" proves little).
  // A word of attack in its own sentence is a short text's context ("Turla used a new backdoor", clause-terms.ts).
  if (a.level === AMBIGUITY.wordlike) return { ok: (a.pageContext() && (a.nearContext?.() ?? true)) || !!a.afterDistinct?.() || !!a.clauseContext?.(false), contextUsed: true };
  // A flagged name in a post: a security agency or vendor reports its attack ("Sandworm hit the grid again, says CERT-UA").
  // Only on a page without security context, which a post is: on a report's page (b) decides as before, and a sentence
  // naming a vendor and an attack there would also lend the name to each entity that shares it.
  if (a.pageContext()) return { ok: (a.midSentence() || !!a.camelCoined) && (a.nearContext?.() ?? true), contextUsed: true };
  return { ok: !!a.clauseContext?.(true), contextUsed: true };
}

/*
 * Tables and short lists. A tracker or a round-up names its threats in the cells of a table ("| Play | 118 |") or
 * the items of a list ("Top groups:" then one name per item), and a content script delivers an HTML table or list
 * with each cell or item on its own line (src/content/extract.ts, scripts/lib/html-to-text.ts). A name a curator
 * flagged as an ordinary word (Play, Royal, Medusa, Lazarus) stands there with no cue next to it and not inside a
 * sentence, so rule (b) of ambiguityVerdict never holds for it (audits F and H). What makes it a name is the column
 * it stands in, read the way a reader reads a table:
 *  - the name fills its cell alone (only spaces, emphasis marks, quotes or a list marker around it): a cell holding
 *    "Royal Antwerp" or "Play-offs" is another name;
 *  - and the column says what it holds: its header, or the line heading the list, is a kind noun ("Group",
 *    "Ransomware", "Threat actor", "Top groups", "Ransomware gangs seen this week:"), or other cells of the column hold
 *    threat names that need no context (LockBit3, 8Base, TA577 — what a sports table, a line-up or a list of
 *    elements never holds).
 * Either signal alone is an ordinary one ("Group A" heads a league table, and any page lists short words one per
 * line), so the cell is spotted when (i) the header is a kind noun and the column holds one such name, or the page
 * has security context and the table is a separated one (cellVerdict), or (ii) the column holds two such names and
 * the page has security context — which a text naming two threats by names that need no context has anyway
 * (match.ts CONTEXT_BY_NAMES). The column is bounded: a markdown or tab-separated table is the run of lines holding
 * its separator (at most CELL_ROWS rows either side); a column of lines is the lines around the cell up to
 * CELL_LINES lines or CELL_WINDOW characters, ending at a line too long for a cell (CELL_CHARS: a paragraph of prose
 * ends the table or the list). A plain-text document keeps its table rows and list items on their own lines for this
 * (page-text.ts unwrapLines). Applied after the pass to the names refused for want of context (match.ts
 * cellConfirmed), which are few. Checked on the AnnoCTR dev split (unchanged) and on the audit probes: trackers and
 * round-ups gain their flagged names; league tables, line-ups, element tables and film lists stay unmarked.
 */
/** A line longer than this is prose, not a cell of a column of lines: it ends the column. */
const CELL_CHARS = 120;
/** Rows of a separated table read either side of a cell. */
const CELL_ROWS = 40;
/** Lines and characters of a column of lines read either side of a cell (an HTML table of four columns and a dozen rows). */
const CELL_LINES = 48;
const CELL_WINDOW = 3000;
/** A heading line ending in a colon that names a kind ("Ransomware gangs seen on our honeypots in June:"). */
export const HEAD_LINE_CHARS = 100;

/** Kind nouns that head a column or a list of threats, and the kind each says. */
const KIND_HEADS = new Map<string, Cue['kind']>([
  ...['group', 'groups', 'gang', 'gangs', 'actor', 'actors', 'apt', 'apts', 'adversary', 'adversaries', 'crew', 'crews', 'cartel', 'cartels'].map((w) => [w, 'actor'] as const),
  ...['ransomware', 'malware', 'family', 'families', 'strain', 'strains', 'loader', 'loaders', 'stealer', 'stealers', 'botnet', 'botnets', 'trojan', 'trojans', 'backdoor', 'backdoors'].map((w) => [w, 'software'] as const),
]);

/** A row of a table is at most this long: a longer line is prose. */
const ROW_CHARS = 2000;
/** Last characters of a list marker ("-", "+", "•", "·", "–", "▪", "●", "1.", "2)"). */
const LIST_MARK_END = new Set([45, 43, 0x2022, 0xb7, 0x2013, 0x25aa, 0x25cf, 46, 41]);

/** Spaces, emphasis marks and quotes that may frame a name in its cell ("| **Play** |", "“Royal”"). */
function isFrame(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 13 || c === 42 || c === 95 || c === 96 || c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

/** A cell: its line [lineStart, lineEnd), the separator of its table ("|", a tab, or 0 for a column of lines) and its column. */
export interface Cell {
  lineStart: number;
  lineEnd: number;
  sep: number;
  col: number;
}

/**
 * Line starts and ends found by a walk longer than LINE_MEMO characters, by the index asked about, for one text
 * (lineText). Each refused cell reads up to CELL_ROWS rows either side of it and the rows above it up to the header,
 * so the cells of a table of long rows walked the same rows again and again: 800 K characters of a table whose rows
 * hold a paragraph of notes, on a security page: 204 → 47 ms (rows of ordinary length never reach the memo).
 */
let lineText: string | undefined;
const startsMemo = new Map<number, number>();
const endsMemo = new Map<number, number>();
const LINE_MEMO = 128;
function lineMemo(text: string): void {
  if (text === lineText) return;
  lineText = text;
  startsMemo.clear();
  endsMemo.clear();
}

/** Start of the line holding i, or -1 when it starts more than ROW_CHARS before i (a line that long is no row). */
function lineStartOf(text: string, i: number): number {
  const floor = Math.max(0, i - ROW_CHARS);
  const near = Math.max(floor, i - LINE_MEMO);
  for (let k = i - 1; k >= near; k--) if (text.charCodeAt(k) === 10) return k + 1;
  if (near === floor) return floor === 0 ? 0 : -1;
  lineMemo(text);
  let r = startsMemo.get(i);
  if (r !== undefined) return r;
  r = floor === 0 ? 0 : -1;
  for (let k = near - 1; k >= floor; k--) {
    if (text.charCodeAt(k) === 10) {
      r = k + 1;
      break;
    }
  }
  startsMemo.set(i, r);
  return r;
}
/** End of the line holding i, or -1 when it ends more than ROW_CHARS after i. */
function lineEndOf(text: string, i: number): number {
  const ceil = Math.min(text.length, i + ROW_CHARS);
  const near = Math.min(ceil, i + LINE_MEMO);
  for (let k = i; k < near; k++) if (text.charCodeAt(k) === 10) return k;
  if (near === ceil) return ceil === text.length ? ceil : -1;
  lineMemo(text);
  let r = endsMemo.get(i);
  if (r !== undefined) return r;
  r = ceil === text.length ? ceil : -1;
  for (let k = near; k < ceil; k++) {
    if (text.charCodeAt(k) === 10) {
      r = k;
      break;
    }
  }
  endsMemo.set(i, r);
  return r;
}
function separatorOf(text: string, a: number, b: number): number {
  let tab = false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 124) return 124;
    if (c === 9) tab = true;
  }
  // comma-separated values as a plain-text document keeps them on their own lines (page-text.ts)
  return tab ? 9 : csvRow(text, a, b) ? 44 : 0;
}

/** Does [lineStart, at] hold only a list marker ("-", "+", "•", "1.", "2)") before `at`, spaces around it? */
function onlyListMarker(text: string, lineStart: number, at: number): boolean {
  let k = at;
  const c = text.charCodeAt(k);
  if (c === 45 || c === 43 || c === 0x2022 || c === 0xb7 || c === 0x2013 || c === 0x25aa || c === 0x25cf) k--;
  else if (c === 46 || c === 41) {
    k--;
    const d = k;
    while (k >= lineStart && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k--;
    if (k === d) return false;
  } else return false;
  while (k >= lineStart && isFrame(text.charCodeAt(k))) k--;
  return k < lineStart;
}

/**
 * The cell that the span [s, e) fills alone, or undefined: a cell of a markdown or tab-separated table ("| Play |"),
 * or a whole line (an HTML cell or list item as delivered, a list item "- Play"), with only spaces, emphasis marks,
 * quotes or a list marker around the name.
 */
export function cellAt(text: string, s: number, e: number): Cell | undefined {
  // what stands right of and left of the name first: most names in prose fail here, before any line is looked at
  let r = e;
  while (r < text.length && isFrame(text.charCodeAt(r))) r++;
  const rc = r < text.length ? text.charCodeAt(r) : 10;
  // a comma only as a CSV row has it: right against the cell, with no space between ("…,Royal,2023-01-04")
  if (rc !== 10 && rc !== 124 && rc !== 9 && !(rc === 44 && !hasSpace(text, e, r))) return undefined;
  let l = s - 1;
  while (l >= 0 && isFrame(text.charCodeAt(l))) l--;
  const lc = l >= 0 ? text.charCodeAt(l) : 10;
  if (lc !== 10 && lc !== 124 && lc !== 9 && !LIST_MARK_END.has(lc) && !(lc === 44 && !hasSpace(text, l + 1, s))) return undefined;
  const lineStart = lineStartOf(text, s);
  const lineEnd = lineStart < 0 ? -1 : lineEndOf(text, e);
  if (lineEnd < 0 || lineEnd - lineStart > ROW_CHARS) return undefined;
  const sep = separatorOf(text, lineStart, lineEnd);
  if (rc !== 10 && rc !== sep) return undefined;
  if (lc !== 10 && (sep === 0 ? !onlyListMarker(text, lineStart, l) : lc !== sep)) return undefined;
  let col = 0;
  if (sep) for (let k = lineStart; k < s; k++) if (text.charCodeAt(k) === sep) col++;
  return { lineStart, lineEnd, sep, col };
}

/** Does [a, b) hold a space? */
function hasSpace(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isInlineSpace(text.charCodeAt(k))) return true;
  return false;
}

/** The span of column `col` of the line [a, b) (the whole line without its list marker for a column of lines), framing trimmed. */
function cellRange(text: string, a: number, b: number, sep: number, col: number): [number, number] {
  let from = a;
  let to = b;
  if (sep) {
    const ch = String.fromCharCode(sep);
    for (let k = 0; k < col; k++) {
      const at = text.indexOf(ch, from);
      if (at < 0 || at >= b) return [b, b];
      from = at + 1;
    }
    const at = text.indexOf(ch, from);
    if (at >= 0 && at < b) to = at;
  }
  while (from < to && isFrame(text.charCodeAt(from))) from++;
  while (to > from && isFrame(text.charCodeAt(to - 1))) to--;
  if (!sep) {
    const m = LIST_MARKER.exec(text.slice(from, to));
    if (m) from += m[0].length;
  }
  return [from, to];
}
const LIST_MARKER = /^(?:[-+\u2022\u00b7\u2013\u25aa\u25cf]|\d+[.)])[ \u00a0*_]+/;

/** A header cell or heading line that names a kind: at most three words ending in a kind noun; for a heading line, also a line ending in a colon with a kind noun in it. */
function kindHeader(line: string, headingLine: boolean): Cue | undefined {
  // cheap test first: the line ends in a colon (a heading line), or its last word is a kind noun
  let z = line.length;
  while (z > 0 && isFrame(line.charCodeAt(z - 1))) z--;
  if (!(headingLine && line.charCodeAt(z - 1) === 58)) {
    let y = z;
    while (y > 0 && isLetter(line.charCodeAt(y - 1))) y--;
    if (!KIND_HEADS.has(line.slice(y, z).toLowerCase())) return undefined;
  }
  let t = line.replace(/^[#>\s*_`"'\u201c\u2018]+|[\s*_`"'\u201d\u2019]+$/g, '');
  if (headingLine && t.endsWith(':') && t.length <= HEAD_LINE_CHARS) {
    t = t.slice(0, -1);
    let best: Cue | undefined;
    for (const w of t.toLowerCase().split(/[^\p{L}]+/u)) {
      const kind = KIND_HEADS.get(w);
      if (kind) best = { word: w, kind, side: 'before' };
    }
    return best;
  }
  // a CSV header joins its words with underscores ("malware_family", "threat_actor")
  if (!/^[\p{L}][\p{L} \u00a0/_-]{0,40}$/u.test(t)) return undefined;
  const words = t.toLowerCase().split(/[ \u00a0/_-]+/).filter(Boolean);
  if (words.length > 3) return undefined;
  const w = words[words.length - 1] as string;
  const kind = KIND_HEADS.get(w);
  return kind ? { word: w, kind, side: 'before' } : undefined;
}

/** Is the line [a, b) a separator row of a markdown table ("|---|:--:|")? */
function separatorRow(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 124 || c === 45 || c === 58 || c === 43 || c === 32 || c === 9 || c === 61)) return false;
  }
  return b > a;
}

const BOTH_WAYS = [-1, 1];
const UPWARDS = [-1];

/**
 * Visit the other cells of the cell's column, nearest first upwards then downwards, within the bounds above; `visit`
 * gets each cell's line and returns true to stop. For a separated table: the rows of the run of lines holding its
 * separator (separator rows skipped); for a column of lines: the lines around it, up to a line too long for a cell.
 */
function eachColumnLine(text: string, cell: Cell, visit: (a: number, b: number) => boolean, dirs: readonly number[] = BOTH_WAYS): void {
  for (const dir of dirs) {
    let a = cell.lineStart;
    let b = cell.lineEnd;
    for (let rows = 0; rows < (cell.sep ? CELL_ROWS : CELL_LINES); rows++) {
      if (dir < 0) {
        if (a === 0) break;
        b = a - 1;
        a = lineStartOf(text, b);
      } else {
        if (b >= text.length) break;
        a = b + 1;
        b = lineEndOf(text, a);
      }
      if (a < 0 || b < 0) break;
      if (b - a > (cell.sep ? ROW_CHARS : CELL_CHARS) || (!cell.sep && Math.abs(a - cell.lineStart) > CELL_WINDOW)) break;
      if (a === b) continue;
      const sep = separatorOf(text, a, b);
      if (cell.sep ? sep !== cell.sep : sep !== 0) break;
      if (cell.sep && separatorRow(text, a, b)) continue;
      if (visit(a, b)) return;
    }
  }
}

/**
 * The kind noun heading the cell's column: a separated table's header row (the first row of its run of lines, the
 * cell not in it), or for a column of lines the nearest line above that is a kind noun ("Group") or a heading
 * ending in a colon that names a kind ("Top groups:").
 */
export function columnHeaderCue(text: string, cell: Cell): Cue | undefined {
  if (cell.sep) {
    let a = cell.lineStart;
    let rows = 0;
    for (; rows < CELL_ROWS && a > 0; rows++) {
      const pa = lineStartOf(text, a - 1);
      if (pa < 0 || a - 1 === pa || separatorOf(text, pa, a - 1) !== cell.sep) break;
      a = pa;
    }
    // no header row above the cell, or none within reach
    if (a === cell.lineStart || rows === CELL_ROWS) return undefined;
    const [from, to] = cellRange(text, a, lineEndOf(text, a), cell.sep, cell.col);
    return kindHeader(text.slice(from, to), false);
  }
  // A heading ending in a colon is at most HEAD_LINE_CHARS long, shorter than a line that ends the column.
  let head: Cue | undefined;
  eachColumnLine(text, cell, (a, b) => !!(head = kindHeader(text.slice(a, b), true)), UPWARDS);
  return head;
}

/**
 * How many other cells of the cell's column (at most `need`) `isName` accepts — the caller's test for "holds a threat
 * name that needs no context, alone".
 */
export function columnNames(text: string, cell: Cell, need: number, isName: (a: number, b: number) => boolean): number {
  let count = 0;
  eachColumnLine(text, cell, (a, b) => {
    const [from, to] = cellRange(text, a, b, cell.sep, cell.col);
    if (to > from && isName(from, to)) count++;
    return count >= need;
  });
  return count;
}

/**
 * Rule of the cells (see above): does the column of the cell make the name in it a threat name? A column of lines
 * is a weaker table than a separated one (a page's menu may hold a "Ransomware" entry and a video its "Play" button,
 * each on a line of its own), so there a kind-noun heading counts only with a threat name in the column.
 */
export function cellVerdict(cell: Cell, header: Cue | undefined, names: () => number, pageContext: () => boolean): boolean {
  if (header && names() >= 1) return true;
  if (header && cell.sep && pageContext()) return true;
  return pageContext() && names() >= 2;
}

/*
 * Headings and item heads. A report or a round-up gives each threat its own section or list item: a markdown heading
 * ("## Lazarus"), a heading line of its own in plain text or as a page's <h2> arrives ("Lazarus" alone on its line,
 * after a blank line or the end of a paragraph), or a bold item head ("- **Patchwork**: BADNEWS…", "**Kimsuky** — …"). A name a curator flagged as an
 * ordinary word stands there at a line start with no cue next to it, so rule (b) of ambiguityVerdict never holds for
 * it (audit F, probe r11/s09; audit H, finding 4). What makes it a name is what a reader sees: the heading names the
 * subject of the text under it. So the heading is spotted where
 *  - the name fills the heading or the bold head alone (only emphasis marks, quotes and a colon around it): "## Cobalt
 *    Strike Town" or "**Silence is golden**" is another phrase;
 *  - text follows it (the paragraph under it, or the rest of the item's line), at most BODY_CHARS of it: under a
 *    heading, prose (a first line of PROSE_WORDS words or more), not one more short line (a list of names, a menu)
 *    nor another heading;
 *  - that text is about a threat: it holds security vocabulary, or a threat name the pass spotted (the item
 *    "Patchwork: BADNEWS"), or it names the heading's name again ("## Lazarus" then "Lazarus remains the most
 *    active…");
 *  - and the page has security context. This is the whole guard on ordinary pages: a recipe's "## Cobalt" over a text
 *    about the glaze, a film review's "## Sandworm" over a paragraph about the film, repeat their name too, but the
 *    page has no security vocabulary (and no two threats named by names that need no context), so they stay words.
 * The section's own mentions of the same entity that were refused for want of context ("Lazarus remains…" under
 * "## Lazarus", at a sentence start) are then read as it too: one sense per section. Applied after the pass to the
 * names refused for want of context (match.ts headingConfirmed), which are few.
 */
/** Text after a heading or an item head read as its body. */
const BODY_CHARS = 600;
/** Words (at least) of the first line under a plain heading, or a markdown heading, for it to be prose. */
const PROSE_WORDS = 4;

/** A heading or item head: where the text about it lies. */
export interface Heading {
  form: 'heading' | 'item';
  bodyStart: number;
  bodyEnd: number;
}

const MD_HEADING_BEFORE = /^[ \t]{0,3}#{1,6}[ \t]+[*_"'\u201c\u2018`]*$/;
const HEADING_AFTER = /^[*_"'\u201d\u2019`]*:?[ \t]*#*[ \t\r]*$/;
const PLAIN_BEFORE = /^[ \t]*$/;
const PLAIN_AFTER = /^[ \t\r]*$/;
/** An item head opens its line: a list marker or nothing, then the bold mark. */
const ITEM_BEFORE = /^[ \t]*(?:(?:[-+*\u2022\u00b7\u2013\u25aa\u25cf]|\d+[.)])[ \t]+)?(\*\*|__)$/;
/** …then the closing mark (a colon inside or outside it) and a separator (":", "—", "–", "-" or a space), then text. */
const ITEM_AFTER = /^:?(\*\*|__)(?:[ \t]*[:\u2014\u2013-])?[ \t]*(?=[^\s])/;

/** Is the line [a, b) empty or only spaces? */
function blankLine(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isInlineSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 13) return false;
  return true;
}

/** Does the line [a, b) end a sentence (".", "!", "?" or ":", closing quotes and spaces after it)? */
export function endsParagraph(text: string, a: number, b: number): boolean {
  let k = b - 1;
  while (k >= a && (isInlineSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 13 || QUOTE_AFTER.has(text.charCodeAt(k)))) k--;
  if (k < a) return false;
  const c = text.charCodeAt(k);
  return c === 46 || c === 33 || c === 63 || c === 58;
}

/** Words on the line [a, b) (runs of non-spaces). */
function wordsOn(text: string, a: number, b: number): number {
  let words = 0;
  let inWord = false;
  for (let k = a; k < b; k++) {
    const sp = isInlineSpace(text.charCodeAt(k));
    if (!sp && !inWord) words++;
    inWord = !sp;
  }
  return words;
}

/**
 * The heading or item head that the span [s, e) fills alone, and the text under it, or undefined (see above). The body
 * of a heading is the paragraph under it: from its first non-blank line to a blank line or the next markdown heading,
 * at most BODY_CHARS characters.
 */
export function headingAt(text: string, s: number, e: number): Heading | undefined {
  // cheap test first: a line start, "#", a space or a bold mark stands right before the name
  const p = s > 0 ? text.charCodeAt(s - 1) : 10;
  if (!(p === 10 || p === 35 || p === 42 || p === 95 || isInlineSpace(p) || QUOTE_BEFORE.has(p))) return undefined;
  const ls = lineStartOf(text, s);
  const le = ls < 0 ? -1 : lineEndOf(text, e);
  if (le < 0 || s - ls > HEAD_LINE_CHARS) return undefined;
  const before = text.slice(ls, s);
  const after = text.slice(e, le);
  const item = ITEM_BEFORE.exec(before);
  if (item) {
    const m = ITEM_AFTER.exec(after);
    if (!m || m[1] !== item[1]) return undefined;
    // the body: the rest of the item's line
    const from = e + m[0].length;
    const to = lineEndOf(text, from);
    return { form: 'item', bodyStart: from, bodyEnd: Math.min(to < 0 ? from + BODY_CHARS : to, from + BODY_CHARS) };
  }
  if (le - ls > HEAD_LINE_CHARS) return undefined;
  const markdown = MD_HEADING_BEFORE.test(before) && HEADING_AFTER.test(after);
  if (!markdown) {
    if (!PLAIN_BEFORE.test(before) || !PLAIN_AFTER.test(after)) return undefined;
    // a plain heading stands apart: the text starts with it, or above it is a blank line or the end of a paragraph
    // (an HTML heading arrives on its own line with no blank line around it), not one more short line of a list
    if (ls > 0) {
      const pa = lineStartOf(text, ls - 1);
      if (pa < 0 || !(blankLine(text, pa, ls - 1) || endsParagraph(text, pa, ls - 1))) return undefined;
    }
  }
  // the first non-blank line under it: prose, not another heading
  let a = le + 1;
  while (a < text.length) {
    const b = lineEndOf(text, a);
    if (b < 0) break;
    if (!blankLine(text, a, b)) {
      const c = text.charCodeAt(a);
      if (c === 35 || wordsOn(text, a, b) < PROSE_WORDS) return undefined;
      // the body: this paragraph, up to a blank line or the next markdown heading
      const cap = Math.min(text.length, a + BODY_CHARS);
      let end = b;
      while (end < cap) {
        const nb = lineEndOf(text, end + 1);
        if (nb < 0 || text.charCodeAt(end + 1) === 35 || blankLine(text, end + 1, nb)) break;
        end = nb;
      }
      return { form: 'heading', bodyStart: a, bodyEnd: Math.min(end, cap) };
    }
    a = b + 1;
  }
  return undefined;
}

/** Does [a, b) of the text hold a security term? */
export function securityWordsIn(text: string, a: number, b: number): boolean {
  const window = text.slice(a, b);
  for (let m = nextSecurityTerm(window, 0); m; m = nextSecurityTerm(window, m.index + m[0].length)) {
    const s = m.index;
    const e = s + m[0].length;
    if (window.charCodeAt(s) < CJK_FROM && ((s > 0 && isWordAt(window, s - 1)) || (e < window.length && isWordAt(window, e)))) continue;
    return true;
  }
  return false;
}

/**
 * "Operation Flame", "Operation Cronos", "Operation Blockbuster": a capitalised "Operation" right before a name makes
 * the two words a campaign's (or a police action's) proper name, which is not the malware or actor whose name is its
 * second word (audit H, finding 7: "Operation Flame", a campaign on an ATT&CK group page, was shown as the Flame
 * malware). Where the dictionary lists the campaign itself ("Operation Troy", "Operation Wocao", 51 such aliases in the
 * feeds), it is matched from "Operation" as the longer name and this never comes into play; otherwise the name after
 * it is not spotted there. Only the capitalised word: "a joint operation Flame-style" or "the operation" before a name
 * is an ordinary noun. Any level: a campaign named after its malware or actor ("Operation ShadowHammer") is listed
 * under its own name when the feeds know it.
 */
export function campaignWordBefore(text: string, s: number): boolean {
  // cheap test first: a space, then the "n" of "Operation", right before the name
  if (s < 10 || !isInlineSpace(text.charCodeAt(s - 1)) || text.charCodeAt(s - 2) !== 110) return false;
  return text.startsWith('Operation', s - 10) && !(s > 10 && isWordAt(text, s - 11));
}

/*
 * Names inside other names. A name that is an ordinary word or looks like one ("Play", "Royal", "Equation", "Hive")
 * is also a word of other proper names and of compound nouns: "Google Play", "the Play Store", "Microsoft Equation
 * Editor", "Royal Mail", "Apache Hive", "the company's Equation editor". On a security page such a word passed the
 * ambiguity rule (a mid-sentence word on a page with context), and one such mention then vouched for the others of
 * the text ("downloaded from Google Play before it was removed from the Play Store": the second confirmed the first).
 * What makes it a word of another name is a word next to it that belongs to that name, as a reader reads it:
 *  - a capitalised word right before it inside a sentence ("from Google Play", "the Apache Hive tables") that is not
 *    a function word or an adverb, a verb form, a nationality or region ("North Korean Lazarus", "Russian Sandworm"),
 *    a month or a day, a cue ("the APT Lazarus") or a threat's name itself ("Sandworm Industroyer"), and not the end
 *    of a name spotted just before. A capital opening a sentence says nothing ("Yesterday Lazarus…"): not there;
 *  - for a flagged name (an ordinary word, level 2), a capitalised word right after it ("Play Store", "Equation
 *    Editor", "Royal Mail") that is not a cue ("Lazarus Group", "Play Ransomware"), a platform or language ("Lazarus
 *    Mac malware", "Royal Linux encryptor"), a month, a day or a threat's name. Not after a word-like one: a coined
 *    name is followed by its own parts and versions ("Cobalt Strike Malleable C2", "Emotet Epoch 5");
 *  - for a flagged name, an ordinary lower-case noun right after it that makes a compound with it ("Equation editor",
 *    "Play button"): a word that is no cue, no function word and no verb form (-ed, -s, -ing or an irregular past:
 *    "Equation exploited", "Sandworm targets", "Lazarus stole"), where no word of the compound it opens (up to four
 *    lower-case words) says security ("Lazarus infrastructure", "Play leak site", "Lazarus fake job lures").
 * Where the words around are Title Case (a heading: "How Play Ransomware Works", "Attack on Google Play Users") a
 * capital says nothing, so the capitalised words count only in prose: a lower-case word of four letters or more (not
 * a function word) on the same line near the name. Only English is read so (englishAround). Only levels 1 and 2: a
 * distinct name (TrickBot) is a name wherever it stands, and a frequent word (level 3) needs a cue after it anyway.
 * Applied before the ambiguity verdict (match.ts evaluate), so no cue, earlier mention or later confirmation brings
 * such a mention back. Written for audit T; the AnnoCTR dev split has no such mention and its figures did not move.
 */
/** Words that open or join clauses, and adverbs of time and degree: never the first word of another proper name. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'some', 'any', 'all', 'each', 'every', 'both',
  'no', 'another', 'other', 'such', 'either', 'neither', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'them', 'itself', 'themselves', 'one', 'which',
  'who', 'whom', 'whose', 'what', 'where', 'when', 'why', 'how', 'whether',
  'in', 'on', 'at', 'by', 'for', 'from', 'to', 'of', 'with', 'without', 'against', 'via', 'since', 'during', 'after', 'before', 'over', 'under',
  'through', 'into', 'onto', 'across', 'behind', 'beyond', 'between', 'among', 'amongst', 'around', 'toward', 'towards', 'about', 'like', 'unlike',
  'as', 'than', 'per', 'amid', 'until', 'till', 'despite', 'within', 'upon', 'off', 'out', 'up', 'down', 'near', 'along', 'alongside', 'throughout',
  'inside', 'outside', 'versus', 'vs', 'including', 'following', 'except', 'besides', 'regarding', 'above', 'below', 'past', 'whereby',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'because', 'while', 'whereas', 'although', 'though', 'if', 'unless', 'once', 'whilst', 'then', 'thus',
  'hence', 'therefore', 'however', 'moreover', 'furthermore', 'meanwhile', 'also', 'too', 'not', 'indeed', 'overall', 'otherwise',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'may', 'might', 'must', 'shall', 'should',
  'now', 'still', 'again', 'already', 'often', 'never', 'ever', 'even', 'just', 'only', 'first', 'soon', 'later', 'earlier', 'today', 'yesterday',
  'tomorrow', 'tonight', 'ago', 'back', 'here', 'there', 'together', 'instead', 'rather', 'almost', 'quite', 'very', 'much', 'more', 'most', 'less',
  'least', 'further', 'next', 'last', 'due', 'alone', 'alike', 'else', 'well', 'far', 'twice', 'afterwards',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'many', 'multiple', 'few', 'various', 'new',
  // predicates said of a crew or a program right after its name ("found Lazarus responsible", "kept Royal active")
  'responsible', 'active', 'capable', 'accountable', 'aware', 'able', 'unable', 'ready', 'dormant', 'inactive',
]);
/**
 * Verbs right after a name as its subject (plural subjects and after "saw", "let", "helped": "Royal and Play use",
 * "saw Lazarus deploy") and irregular past forms ("Lazarus stole"); with -ed, -s and -ing forms, what follows a name
 * that is a subject, not a modifier.
 */
const VERB_FORMS = new Set([
  'use', 'target', 'deploy', 'rely', 'share', 'exploit', 'leverage', 'employ', 'operate', 'continue', 'remain', 'appear', 'seem', 'make', 'take',
  'send', 'run', 'steal', 'encrypt', 'drop', 'deliver', 'install', 'abuse', 'gain', 'maintain', 'attack', 'hit', 'breach', 'demand', 'publish',
  'post', 'leak', 'claim', 'sell', 'buy', 'evade', 'move', 'spread', 'infect', 'compromise', 'conduct', 'carry', 'collect', 'harvest', 'exfiltrate',
  'access', 'obtain', 'launch', 'return', 'emerge', 'reuse', 'adopt', 'develop', 'build', 'write', 'create', 'update', 'rebrand', 'pivot', 'shift',
  'focus', 'prefer', 'tend', 'avoid', 'hide', 'mimic', 'impersonate', 'pose', 'seek', 'try', 'attempt', 'begin', 'start', 'stop', 'cease', 'need',
  'get', 'go', 'come', 'keep', 'hold', 'join', 'work', 'act', 'differ', 'overlap', 'resemble', 'follow', 'affect', 'scan', 'phish', 'recruit',
  'pay', 'offer', 'provide', 'threaten', 'extort', 'negotiate', 'release', 'dump', 'say', 'said', 'respond',
  'stole', 'ran', 'sent', 'began', 'took', 'made', 'built', 'wrote', 'left', 'got', 'found', 'became', 'came', 'went', 'knew', 'saw', 'gave', 'drew',
  'chose', 'threw', 'held', 'struck', 'broke', 'hid', 'led', 'kept', 'paid', 'put', 'set', 'shut', 'spent', 'sold', 'bought', 'sought', 'told',
  'brought', 'caught', 'thought', 'fought', 'won', 'lost', 'met', 'read', 'split', 'let', 'cut', 'quit', 'rose', 'fell', 'grew', 'flew', 'drove',
  'stood', 'meant', 'stuck', 'swept', 'dug', 'fled', 'hung', 'lay', 'slid', 'spun', 'forgot', 'shook', 'wore', 'tore', 'bit',
  'dealt', 'did', 'fed', 'felt', 'spoke', 'froze', 'undertook', 'overtook', 'withdrew', 'crept',
]);
/**
 * Nouns for what a crew or a program has or leaves ("Lazarus infrastructure", "Royal negotiators", "Play leak site"),
 * or what is written about it ("the Lazarus report", "a Sandworm advisory"): with the cue words and the security
 * vocabulary, what heads a compound about the threat itself.
 */
const THREAT_NOUNS = new Set([
  'infrastructure', 'tooling', 'toolset', 'arsenal', 'capability', 'capabilities', 'codebase', 'victim', 'victims', 'leak', 'leaks', 'ransom',
  'extortion', 'encryption', 'negotiator', 'negotiators', 'tactics', 'techniques', 'tradecraft', 'playbook', 'lure', 'lures', 'attribution', 'nexus',
  // "the wider Lazarus umbrella", the crews reports file under one name (probe set 4)
  'umbrella', 'subgroup', 'heist', 'heists', 'theft', 'espionage', 'sabotage', 'compromise', 'breach', 'breaches', 'indicator', 'indicators', 'hash', 'hashes',
  'artifact', 'artifacts', 'artefacts', 'exploit', 'exploits', 'exploitation', 'vulnerability', 'vulnerabilities', 'negotiation', 'negotiations',
  'wallet', 'wallets', 'persona', 'personas', 'spies', 'operatives', 'staff', 'staffers', 'alumni', 'affiliation', 'overlap', 'overlaps', 'copycat', 'copycats', 'strain', 'strains',
  'encryptors', 'decryptor', 'decryptors', 'locker', 'lockers', 'scam', 'scams', 'fraud', 'laundering', 'source', 'hack', 'raid', 'spree',
  // what is written about a threat: "the Sandworm report", "a Lazarus advisory", "the Equation dossier"
  'report', 'research', 'advisory', 'analysis', 'brief', 'briefing', 'writeup', 'dossier', 'finding', 'profile', 'indictment', 'sanctions', 'takedown',
]);
/** Platforms and languages that stand between a name and its kind ("Lazarus Mac malware", "Royal Linux encryptor"). */
const TECH_WORDS = new Set(['windows', 'linux', 'mac', 'macos', 'android', 'unix', 'solaris', 'freebsd', 'vmware', 'python', 'rust', 'go', 'golang', 'java', 'delphi', 'nim', 'perl', 'ruby', 'lua', 'powershell']);
const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
/** Nationality and region words that do not end in -ian, -ean, -ese, -ish, -ern or -an (nationalityWord). */
const NATIONALITY_WORDS = new Set([
  'dutch', 'french', 'greek', 'swiss', 'czech', 'welsh', 'arab', 'arabic', 'lao', 'thai', 'cuban', 'kazakh', 'uzbek', 'tajik', 'kyrgyz', 'turkmen',
  'serb', 'croat', 'slovak', 'slovene', 'filipino', 'philippine', 'basque', 'israeli', 'pakistani', 'iraqi', 'saudi', 'emirati', 'kuwaiti',
  'qatari', 'bangladeshi', 'azerbaijani', 'yemeni', 'somali', 'omani', 'bahraini', 'nepali', 'baltic', 'nordic', 'slavic', 'hispanic', 'atlantic',
  'pacific', 'arctic', 'north', 'south', 'east', 'west', 'central', 'gulf', 'latin', 'soviet',
]);
/** "Russian", "Korean", "Chinese", "Turkish", "Western", "German" (six letters or more for -an: not "Titan", "Human"). */
const NATIONALITY_END = /(?:ian|ean|ese|ish|ern)$|^.{4,}an$/;
/** All cue words, and their plurals ("tools", "backdoors"): a cue next to a name is the threat's, not another name's. */
const CUE_WORDS = new Set([...ACTOR_CUES, ...SOFTWARE_CUES, ...NEUTRAL_CUES, ...BEFORE_SET, ...FOREIGN_BEFORE.keys(), 'threat', 'raas']);

const isLowerAt = (t: string, i: number) => i < t.length && ((CLS[t.charCodeAt(i)] || classify(t.charCodeAt(i))) & C_LOWER) !== 0;
const isUpperAt = (t: string, i: number) => i < t.length && ((CLS[t.charCodeAt(i)] || classify(t.charCodeAt(i))) & C_UPPER) !== 0;

/** Is the lower-cased word a cue word (or a cue word's plural)? */
function cueWord(w: string): boolean {
  return CUE_WORDS.has(w) || (w.length > 3 && w.endsWith('s') && CUE_WORDS.has(w.slice(0, -1)));
}

/** Is the lower-cased word a nationality's or a region's ("russian", "brazilian", "dutch", "baltic")? */
export function nationalityWord(w: string): boolean {
  return NATIONALITY_WORDS.has(w) || (w.length >= 4 && NATIONALITY_END.test(w));
}

/** A word of letters only starting at a: its end. */
function lettersFrom(t: string, a: number): number {
  let k = a;
  while (k < t.length && isLetter(t.charCodeAt(k))) k++;
  return k;
}

/** Is [a, b) a Title Case word: a capital, then at least one lower-case letter and nothing else? */
function titleWord(t: string, a: number, b: number): boolean {
  if (b - a < 2 || !isUpperAt(t, a)) return false;
  for (let k = a + 1; k < b; k++) if (!isLowerAt(t, k)) return false;
  return true;
}

/** Characters either side of a name read for the words around it (proseAround, englishAround). */
const AROUND_CHARS = 80;

/** Does `test` accept a word [a, z) on the name's line, within AROUND_CHARS of [s, e) and outside it? */
function someWordAround(t: string, s: number, e: number, test: (a: number, z: number) => boolean): boolean {
  let a = s;
  while (a > 0 && s - a < AROUND_CHARS && t.charCodeAt(a - 1) !== 10) a--;
  let b = e;
  while (b < t.length && b - e < AROUND_CHARS && t.charCodeAt(b) !== 10) b++;
  // not the end of a word the window cuts
  while (a < s && a > 0 && isLetter(t.charCodeAt(a - 1)) && isLetter(t.charCodeAt(a))) a++;
  for (let k = a; k < b; ) {
    if (!isLetter(t.charCodeAt(k))) {
      k++;
      continue;
    }
    const z = lettersFrom(t, k);
    if ((z <= s || k >= e) && test(k, z)) return true;
    k = z;
  }
  return false;
}

/** Does the line around [s, e) read as prose: a lower-case word of four letters or more, not a function word, near it? */
function proseAround(t: string, s: number, e: number): boolean {
  return someWordAround(t, s, e, (a, z) => z - a >= 4 && isLowerAt(t, a) && !FUNCTION_WORDS.has(t.slice(a, z)));
}

/** The word before the name, one or more spaces apart on its line, standing on its own (not "Kremlin-backed", "Microsoft's"). */
function wordBeforeName(t: string, s: number): [number, number] | undefined {
  const w = wordBefore(t, s, SPACED_WORD);
  if (!w || w[0] === 0) return w;
  const c = t.charCodeAt(w[0] - 1);
  return isInlineSpace(c) || c === 10 || c === 13 || QUOTE_BEFORE.has(c) ? w : undefined;
}
/** Spaces on the name's line, at least one, then a word of any script. */
const SPACED_WORD = wordOptions({ gap: W_INLINE_SPACE, gapLeast: 1, letter: W_MATCHER_LETTER });

/**
 * Security vendors and agencies whose name, written before a threat name, says whose research it is ("the Kaspersky
 * Turla report", "Mandiant Sandworm findings"), not that the two words are one name; and the name after one inside a
 * sentence is inside the sentence (isMidSentence), as after a lower-case word. The last words of two-word
 * vendors ("Recorded Future", "Trend Micro", "Check Point") too. Not the platform owners (Google, Microsoft, Apple),
 * whose products do carry such names ("Google Play", "Microsoft Equation Editor").
 */
const SECURITY_PUBLISHERS = new Set([
  'mandiant', 'kaspersky', 'crowdstrike', 'proofpoint', 'symantec', 'talos', 'secureworks', 'sentinelone', 'sophos', 'trellix',
  'mcafee', 'volexity', 'zscaler', 'fortinet', 'fortiguard', 'fireeye', 'dragos', 'cybereason', 'bitdefender', 'avast', 'malwarebytes',
  'huntress', 'intezer', 'eset', 'future', 'micro', 'point',
  // agencies, written in capitals ("the joint FBI and CISA Lazarus advisory")
  'fbi', 'cisa', 'nsa', 'ncsc', 'gchq', 'anssi', 'bsi', 'acsc', 'cccs',
]);
/** Is the lower-case word a security vendor's or agency's name (a clause's subject after a crew noun: "the gang Sophos calls X")? */
export const securityPublisher = (word: string): boolean => SECURITY_PUBLISHERS.has(word) && !PUBLISHER_TAILS.has(word);
/** The second words of two-word vendors: the sentence goes on before the first ("the Recorded Future Lazarus brief"). */
const PUBLISHER_TAILS = new Set(['future', 'micro', 'point']);
/** Longest of SECURITY_PUBLISHERS. */
const PUBLISHER_CHARS = Math.max(...[...SECURITY_PUBLISHERS].map((w) => w.length));

/** Agencies among SECURITY_PUBLISHERS: they publish advisories, not products. */
const AGENCIES = new Set(['fbi', 'cisa', 'nsa', 'ncsc', 'gchq', 'anssi', 'bsi', 'acsc', 'cccs']);
/** The first words of the two-word vendors of PUBLISHER_TAILS ("Check Point", "Trend Micro", "Recorded Future"). */
const PUBLISHER_HEADS = new Set(['check', 'trend', 'recorded']);

/**
 * Is the word before the name [s, …) a security vendor's name, with its capital ("SentinelOne Singularity", "Check
 * Point Harmony")? Agencies are not vendors; a two-word vendor's last word counts only after its first ("at this
 * Point Phoenix…" is no vendor).
 */
export function vendorBefore(t: string, s: number): boolean {
  const w = wordBeforeName(t, s);
  if (!w || w[1] - w[0] > PUBLISHER_CHARS || !isUpperAt(t, w[0])) return false;
  const word = t.slice(w[0], w[1]).toLowerCase();
  if (!SECURITY_PUBLISHERS.has(word) || AGENCIES.has(word)) return false;
  if (!PUBLISHER_TAILS.has(word)) return true;
  const head = wordBeforeName(t, w[0]);
  return !!head && PUBLISHER_HEADS.has(t.slice(head[0], head[1]).toLowerCase());
}

/** Is the word right before the name [s, …) the first word of another proper name ("Google Play")? */
function properNameBefore(t: string, s: number, matchedTo: number, isName: (a: number, b: number) => boolean): boolean {
  const w = wordBeforeName(t, s);
  // a capital opening a sentence says nothing ("Cooperation Emberfly style", "Yesterday Lazarus…")
  if (!w || w[1] <= matchedTo || !titleWord(t, w[0], w[1]) || !isMidSentence(t, w[0])) return false;
  const word = t.slice(w[0], w[1]).toLowerCase();
  if (FUNCTION_WORDS.has(word) || VERB_FORMS.has(word) || CALENDAR_WORDS.has(word) || cueWord(word) || nationalityWord(word) || SECURITY_PUBLISHERS.has(word) || isName(w[0], w[1])) return false;
  // an adverb or a verb form opening the sentence ("Recently Lazarus", "Tracking Sandworm", "Detected Royal samples")
  return !/(?:ly|ing|ed)$/.test(word);
}

/**
 * The word after the name on its line, one space apart, with the words a hyphen glues on ("spear-phishing") and an
 * elided or possessive ending ("isn't", "editor's"): its span, else undefined.
 */
function wordAfterName(t: string, e: number): [number, number] | undefined {
  if (!isInlineSpace(t.charCodeAt(e))) return undefined;
  const a = e + 1;
  let b = lettersFrom(t, a);
  if (b === a) return undefined;
  while (t.charCodeAt(b) === 45 && isLetter(t.charCodeAt(b + 1))) b = lettersFrom(t, b + 1);
  if (APOSTROPHE.has(t.charCodeAt(b)) && isLetter(t.charCodeAt(b + 1))) b = lettersFrom(t, b + 1);
  if (b < t.length && ((CLS[t.charCodeAt(b)] || classify(t.charCodeAt(b))) & C_WORD) !== 0) return undefined;
  return [a, b];
}

/** Is the word right after the name the next word of another proper name ("Play Store", "Royal Mail")? */
function properNameAfter(t: string, e: number, isName: (a: number, b: number) => boolean): boolean {
  const w = wordAfterName(t, e);
  // its first letters only: "Store's", "Ransomware-as-a-Service"
  const z = w ? lettersFrom(t, w[0]) : 0;
  if (!w || !titleWord(t, w[0], z)) return false;
  const word = t.slice(w[0], z).toLowerCase();
  // "Family" is the one cue that also names people ("the Royal Family")
  return !((cueWord(word) && word !== 'family') || TECH_WORDS.has(word) || CALENDAR_WORDS.has(word) || FUNCTION_WORDS.has(word) || isName(w[0], w[1]));
}

/**
 * Does the lower-case word read as a verb, an adverb or a function word (the name is a subject or an object)? Of a
 * hyphenated word, its last part ("state-sponsored").
 */
function notModifiedNoun(word: string): boolean {
  // "isn't", "doesn't", "won't": a negated auxiliary
  if (/n['\u2019]t$/.test(word)) return true;
  const last = word.slice(word.lastIndexOf('-') + 1).replace(/['\u2019]s$/, '');
  return FUNCTION_WORDS.has(last) || VERB_FORMS.has(last) || /(?:ed|ly|s|ing)$/.test(last);
}

/** Does a lower-case word, or a part of a hyphenated one, say that the compound it stands in is about the threat? */
function threatWord(word: string): boolean {
  const m = nextSecurityTerm(word, 0);
  if (m && m.index === 0 && m[0].length === word.length) return true;
  return word.replace(/['\u2019]s$/, '').split('-').some((part) => cueWord(part) || THREAT_NOUNS.has(part) || (part.endsWith('s') && THREAT_NOUNS.has(part.slice(0, -1))));
}

/** Lower-case words of the compound a name opens that are read ("Equation hard drive firmware implants"). */
const COMPOUND_WORDS = 4;

/**
 * Is the name the modifier of an ordinary lower-case noun ("the company's Equation editor", "the Play button")? The
 * compound it opens is read up to COMPOUND_WORDS words, to a function word, a verb form or anything but a lower-case
 * word.
 */
function ordinaryCompoundAfter(t: string, e: number): boolean {
  let w = wordAfterName(t, e);
  if (!w || !isLowerAt(t, w[0])) return false;
  let word = t.slice(w[0], w[1]);
  if (cueWord(word) || notModifiedNoun(word)) return false;
  for (let n = 0; n < COMPOUND_WORDS; n++) {
    if (threatWord(word)) return false;
    w = wordAfterName(t, w[1]);
    if (!w || !isLowerAt(t, w[0])) break;
    word = t.slice(w[0], w[1]);
    if (FUNCTION_WORDS.has(word) || /(?:ed|ly)$/.test(word)) break;
  }
  return true;
}

/**
 * The rule (see above): is the name at [s, e) of `text`, of ambiguity `level`, a word of another proper name or of a
 * compound noun? `matchedTo` is the end of the last name spotted before it (its last word is no other name's);
 * `isName` says whether a neighbouring word is itself a threat's name that looks like one ("Sandworm Industroyer",
 * "Turla Kazuar": two names side by side, not one).
 */
export function insideOtherName(text: string, s: number, e: number, level: AmbiguityLevel, matchedTo: number, isName: (a: number, b: number) => boolean): boolean {
  if (level !== AMBIGUITY.wordlike && level !== AMBIGUITY.flagged) return false;
  // cheap tests first: the name written as a word of prose ("Play", not "PLAY": capitals are a label's)
  if (!isUpperAt(text, s) || !isLowerAt(text, s + 1)) return false;
  const flagged = level === AMBIGUITY.flagged;
  if (flagged && ordinaryCompoundAfter(text, e) && englishAround(text, s, e)) return true;
  const before = properNameBefore(text, s, matchedTo, isName);
  // French, Italian, Portuguese and Spanish capitalise proper names as English does, not nouns ("il direttore Marco
  // Conti", "l'ippodromo di Royal Ascot"); nor do they write a coined name's parts after it in Title Case as English
  // does ("Emotet Epoch 5"), so there a capitalised word after a word-like name is another name's too ("a fintech
  // Phoenix Pagamentos") (audit B2). Their modifiers follow the noun: no compound rule.
  if (!before && !((flagged || isUpperAt(text, e + 1)) && properNameAfter(text, e, isName))) return false;
  if (!proseAround(text, s, e)) return false;
  // A line with no function word at all (an agenda's "Venue: Hotel Royal", a byline) is no German either: the word
  // before is another name's there too. Not the word after, which short English lines write as a headline does
  // ("Medusa Blog lists victims": the leak site).
  if (before && !germanAround(text, s, e)) return true;
  if (before || flagged) return englishAround(text, s, e) || romanceAround(text, s, e);
  return romanceAround(text, s, e) && !englishAround(text, s, e);
}

/**
 * English function words: the words around the name are read as English only where one stands near it. German writes
 * every noun with a capital ("die Hackergruppe Kestrel"), and a verb after a name in French or German ("Kestrel hat
 * erneut…") is no English verb form.
 */
const ENGLISH_MARKERS = new Set([
  'the', 'of', 'and', 'to', 'is', 'was', 'are', 'were', 'with', 'for', 'that', 'by', 'from', 'has', 'have', 'its', 'their', 'this', 'which', 'after', 'before', 'been',
  // none of them a German word either ("see you at Cobalt Con in Prague": audit B2)
  'at', 'you', 'your', 'our', 'we', 'they', 'it', 'or', 'not', 'but',
]);

/** Does an English function word stand on the line near [s, e)? */
function englishAround(t: string, s: number, e: number): boolean {
  return someWordAround(t, s, e, (a, z) => z - a <= 6 && ENGLISH_MARKERS.has(t.slice(a, z).toLowerCase()));
}

/** Does a German function word stand on the line near [s, e)? */
function germanAround(t: string, s: number, e: number): boolean {
  return someWordAround(t, s, e, (a, z) => z - a <= 5 && GERMAN_MARKERS.has(t.slice(a, z).toLowerCase()));
}

/** Does a French, Italian, Portuguese or Spanish function word stand on the line near [s, e)? */
function romanceAround(t: string, s: number, e: number): boolean {
  return someWordAround(t, s, e, (a, z) => z - a <= 5 && ROMANCE_MARKERS.has(t.slice(a, z).toLowerCase()));
}

/**
 * The other name a name is listed with: "Kafka and Spark", "Spark or Flink", "Spark, Flink and Kafka", "Hadoop, Spark,
 * …" — a word in Title Case, letters only, joined to the name by "and", "or", "&" (not ", and": clauses are joined so too) or
 * by a comma where the list goes on after it. A word before the name counts only inside a sentence (at a sentence start any
 * word is capitalised: "Attacks and Spark"); a word after "and" is inside one. Returns its span, or undefined. Whether
 * it is a threat name is for the caller to say (match.ts otherProductNames): a word-like name listed with a proper
 * name that is no threat is that other thing's kind ("Kafka and Spark" in a data pipeline, not Molerats' backdoor).
 */
export function listedWithName(text: string, s: number, e: number): [number, number] | undefined {
  return listedAfter(text, e) ?? listedBefore(text, s, e);
}

/** A Title Case word of letters only starting at `a`: its end, or -1. */
function titleWordAt(text: string, a: number): number {
  if (a >= text.length || !((CLS[text.charCodeAt(a)] || classify(text.charCodeAt(a))) & C_UPPER)) return -1;
  let k = a + 1;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    const cl = CLS[c] || classify(c);
    if (!(cl & C_LETTER)) break;
    if (cl & C_UPPER) return -1;
    k++;
  }
  if (k - a < 3 || (k < text.length && (CLS[text.charCodeAt(k)] || classify(text.charCodeAt(k))) & C_WORD)) return -1;
  // a hyphen glues on another word ("Kafka-based")
  if (text.charCodeAt(k) === 45 && isLetter(text.charCodeAt(k + 1))) return -1;
  // nor a nationality, which names no product but qualifies the next name ("Sandworm and Iranian OilRig")
  const w = text.slice(a, k).toLowerCase();
  return LIST_STOP_WORDS.has(w) || nationalityWord(w) ? -1 : k;
}
/** Capitalised words that start a clause or name a kind, not another product: "Spark and Group", "X, Then". */
const LIST_STOP_WORDS = new Set([...ACTOR_CUES, ...SOFTWARE_CUES, ...NEUTRAL_CUES, 'the', 'and', 'but', 'then', 'also', 'however', 'this', 'that', 'these', 'those', 'its', 'their', 'our']);

/** A conjunction ("and", "or", "&") with spaces after it, starting at `k`: its end, or -1. */
function conjunctionAt(text: string, k: number): number {
  let w = -1;
  if (text.startsWith('and', k)) w = k + 3;
  else if (text.startsWith('or', k)) w = k + 2;
  else if (text.charCodeAt(k) === 38) w = k + 1;
  if (w < 0 || !isInlineSpace(text.charCodeAt(w))) return -1;
  while (w < text.length && isInlineSpace(text.charCodeAt(w))) w++;
  return w;
}

/** Does a list go on at `k`: a comma, or spaces then a conjunction? */
function listGoesOn(text: string, k: number): boolean {
  if (text.charCodeAt(k) === 44) return true;
  let j = k;
  while (j < text.length && isInlineSpace(text.charCodeAt(j))) j++;
  return j > k && conjunctionAt(text, j) > 0;
}

function listedAfter(text: string, e: number): [number, number] | undefined {
  let k = e;
  const comma = text.charCodeAt(k) === 44;
  if (comma) k++;
  const sp = k;
  while (k < text.length && isInlineSpace(text.charCodeAt(k))) k++;
  if (k === sp) return undefined;
  const c = conjunctionAt(text, k);
  // "Spark, and Hamas said" joins clauses as often as list items: a comma then a conjunction is not read as a list
  if (c < 0 ? !comma : comma) return undefined;
  const a = c < 0 ? k : c;
  const b = titleWordAt(text, a);
  if (b < 0 || (c < 0 && !listGoesOn(text, b))) return undefined;
  return [a, b];
}

function listedBefore(text: string, s: number, e: number): [number, number] | undefined {
  let k = s;
  while (k > 0 && isInlineSpace(text.charCodeAt(k - 1))) k--;
  if (k === s) return undefined;
  let conj = false;
  // "W and Spark", "W or Spark", "W & Spark"
  for (const w of ['and', 'or', '&']) {
    if (k >= w.length && text.startsWith(w, k - w.length) && (k === w.length || !isLetter(text.charCodeAt(k - w.length - 1)))) {
      k -= w.length;
      conj = true;
      break;
    }
  }
  if (conj) {
    const c = k;
    while (k > 0 && isInlineSpace(text.charCodeAt(k - 1))) k--;
    // ", and Spark" joins clauses as often as list items ("in Gaza, and Spark was…"): not read as a list
    if (k === c || text.charCodeAt(k - 1) === 44) return undefined;
  } else {
    // "W, Spark" is a list only where it goes on after the name ("W, Spark and X", "W, Spark, X")
    if (text.charCodeAt(k - 1) !== 44 || !listGoesOn(text, e)) return undefined;
    k--;
  }
  const b = k;
  let a = b;
  while (a > 0 && isLetter(text.charCodeAt(a - 1))) a--;
  return a < b && titleWordAt(text, a) === b && isMidSentence(text, a) ? [a, b] : undefined;
}

/** Words before a name that make it the modifier of the noun phrase they open ("the", "our"…; determinerCompound). */
const DETERMINERS = new Set(['the', 'our', 'its', 'their', 'your', 'my', 'his', 'her', 'this']);

/**
 * Audit Z: a flagged name after a determiner that opens a compound of lower-case nouns none of which is about a threat
 * ("the Equation pricing engine", "the Hive analytics add-on" in a company's investor update with a ransomware-risk
 * paragraph). The audit-T rule (ordinaryCompoundAfter) stops at a first word ending in -s or -ing, which may be a verb
 * ("Lazarus targets banks"); after "the" such a word is no verb, so the compound is read on: up to COMPOUND_WORDS
 * words, none a cue or threat word ("the Lazarus watering hole campaign" stays), the second not a verb form.
 */
export function determinerCompound(t: string, s: number, e: number): boolean {
  // the name may be quoted, as release notes write a label ('the "Medusa" connector settings page': audit B2)
  const quoted = s > 2 && QUOTE_BEFORE.has(t.charCodeAt(s - 1)) && t.charCodeAt(s - 1) !== 40 && QUOTE_AFTER.has(t.charCodeAt(e)) && t.charCodeAt(e) !== 41;
  const q = quoted ? 1 : 0;
  if (s < 2 + q || !isInlineSpace(t.charCodeAt(s - 1 - q)) || !isUpperAt(t, s) || !isLowerAt(t, s + 1)) return false;
  let a = s - 1 - q;
  while (a > 0 && isLetter(t.charCodeAt(a - 1))) a--;
  if (!DETERMINERS.has(t.slice(a, s - 1 - q).toLowerCase())) return false;
  let w = wordAfterName(t, e + q);
  let words = 0;
  for (; w && isLowerAt(t, w[0]) && words < COMPOUND_WORDS; w = wordAfterName(t, w[1])) {
    const word = t.slice(w[0], w[1]);
    if (cueWord(word) || threatWord(word)) return false;
    if (FUNCTION_WORDS.has(word) || VERB_FORMS.has(word) || /n['\u2019]t$/.test(word) || /(?:ed|ly)$/.test(word) || (words > 0 && /ing$/.test(word))) break;
    words++;
  }
  return words >= 2 && englishAround(t, s, e);
}

/** Nouns of a tool's own parts after its name ("the Empire agent", "the Empire stager"), beside the cue words. */
const TOOL_PART_NOUNS = new Set([
  'agent', 'agents', 'module', 'modules', 'stager', 'stagers', 'listener', 'listeners', 'launcher', 'launchers', 'server', 'servers', 'client',
  'clients', 'script', 'scripts', 'console', 'plugin', 'plugins', 'profile', 'profiles', 'config', 'configuration', 'traffic', 'session', 'sessions',
  'command', 'commands', 'operator', 'operators', 'affiliate', 'affiliates', 'site', 'note', 'notes', 'build', 'builds', 'code', 'port', 'project',
]);

/**
 * Session 25: "the Empire" as the ordinary noun on a page that also names PowerShell Empire ("The Empire strikes back,
 * the researchers joked", "the fall of the Empire", "he built the Empire from nothing"). A flagged software name that
 * is an English word, right after "the", where no noun of the software follows it (a verb, a function word, the
 * sentence's end): reports write such a tool bare ("ran Empire") or before a noun of its own ("the Empire agent",
 * "the Empire post-exploitation framework", "the Hive operators"); every "the X" software label of the AnnoCTR dev
 * split has one. The text having named the entity by another name (entitySeen) does not make the noun the tool.
 */
export function definiteOrdinaryNoun(t: string, s: number, e: number): boolean {
  if (s < 4 || !isInlineSpace(t.charCodeAt(s - 1)) || !isUpperAt(t, s) || !isLowerAt(t, s + 1)) return false;
  if (t.slice(s - 4, s - 1).toLowerCase() !== 'the' || (s > 4 && isLetter(t.charCodeAt(s - 5)))) return false;
  // glued on: a hyphen, a digit, a dotted name ("Empire-based", "Empire.ps1"): the tool's own writing or another name
  if (e < t.length && !isInlineSpace(t.charCodeAt(e)) && !CLAUSE_END_AFTER.test(t.slice(e, e + 2))) return false;
  const first = wordAfterName(t, e);
  // a number or a symbol after the space ("the Empire 3.0 release", "the Empire (PowerShell) agent")
  if (!first && isInlineSpace(t.charCodeAt(e))) return false;
  for (let w = first, n = 0; w && n < COMPOUND_WORDS; n++, w = wordAfterName(t, w[1])) {
    // a capitalised word right after it makes a longer name ("the Empire C2", "the Empire State Building")
    if (!isLowerAt(t, w[0])) return n > 0;
    const word = t.slice(w[0], w[1]);
    if (cueWord(word) || threatWord(word) || TOOL_PART_NOUNS.has(word)) return false;
    if (FUNCTION_WORDS.has(word) || VERB_FORMS.has(word) || /(?:ed|ly)$/.test(word)) return true;
  }
  return true;
}
/** Punctuation that ends the noun phrase after a name (a dot only where no letter follows: "Empire.ps1" is a file). */
const CLAUSE_END_AFTER = /^(?:[,;:!?)\]"'\u2019\u201d\r\n]|\.(?!\p{L}))/u;

/** Conjunctions and discourse words that open a spoken or written sentence ("So Lazarus, right, they…"). */
const SENTENCE_OPENERS = new Set([
  'so', 'and', 'but', 'yet', 'then', 'now', 'well', 'still', 'also', 'meanwhile', 'yeah', 'yes', 'okay', 'ok', 'oh', 'plus',
  'because', 'since', 'while', 'when', 'if', 'although', 'though', 'once', 'unless', 'whereas',
  // a sentence-case headline's question word ("How Akira encrypts ESXi hosts in under ten minutes", a blog's list of
  // posts): the rest of the line is prose, so the name's capital is its own (session 23)
  'how', 'why', 'where', 'what',
]);

/**
 * Audit Z: after a word that opens the sentence and is capitalised only for that ("So", "And", "But", "Yeah", "When"),
 * a capitalised name is inside the sentence, as after a lower-case word: a podcast transcript's "So Lazarus, right,
 * they are back at it" named Lazarus once, after "So", and was left unmarked. Not in a Title Case line (no prose
 * around: "And Then There Were None"), nor where the opener itself stands inside a
 * sentence.
 */
function sentenceOpener(text: string, a: number, word: string, start: number): boolean {
  if (!SENTENCE_OPENERS.has(word)) return false;
  // the opener starts its sentence: a line start, or after . ! ? or a speaker's colon ("GUEST: So…")
  let i = a - 1;
  while (i >= 0 && (isInlineSpace(text.charCodeAt(i)) || QUOTE_BEFORE.has(text.charCodeAt(i)))) i--;
  const c = i < 0 ? 10 : text.charCodeAt(i);
  return (c === 10 || c === 46 || c === 33 || c === 63 || c === 58) && proseAround(text, a, start);
}

/**
 * Audit Z: a Chinese, Japanese or Korean security term needs no word boundary (those scripts glue words together, and
 * a Latin name to them: "マルウェアEmotet", "ランサムウェアLockBit", "APT攻撃グループ"). The Latin letter next to it made
 * such a hit count for nothing, and a JPCERT-style alert on Emotet had no security context.
 */
const CJK_FROM = 0x3000;

/**
 * Audit Z: a name right after Chinese, Japanese or Korean text or punctuation stands inside the sentence unless a
 * full stop, exclamation or question mark, or a heading's lenticular bracket ends what comes before: "…の事例や、Lazarusが
 * 偽の求人で…" names Lazarus mid-sentence (those scripts have no capitals to mislead), where before only a Latin
 * lower-case word or comma did.
 */
function cjkBeforeInSentence(c: number): boolean {
  const cjk = (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xff00 && c <= 0xffef);
  return cjk && c !== 0x3002 && c !== 0xff01 && c !== 0xff1f && c !== 0xff0e && c !== 0x3010 && c !== 0x3011;
}
