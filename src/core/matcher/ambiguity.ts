/**
 * The ambiguity rule: when may a name that is also an ordinary word be highlighted?
 *
 * Levels (decided per alias at compile time, see `ambiguityLevel`):
 *  - 0 `distinct`: mixed-case, digit-bearing or otherwise unusual spellings (TrickBot, APT29, Storm-0558). Spotted on
 *    any page.
 *  - 1 `wordlike`: one word spelled like a common word or a name (Emotet, Milan, Athena: one capital then lower case,
 *    or all lower case) that is not in the stop list. Spotted only in its written case (or all caps) and only with
 *    supporting context: security vocabulary on the page, or a cue next to the name.
 *  - 2 `flagged`: flagged `ambiguous` by a curator in the data (Lazarus, ZINC), or made only of ordinary words of
 *    the stop list (stoplist.ts tier 2: Cobalt, Silence, Equation, Sea Turtle, Raccoon). Spotted only in its exact
 *    written case, and only when
 *      (a) a cue stands next to it ("the ZINC group", "Lazarus hackers"), or
 *      (b) the page has security context AND the name sits inside a sentence after a lower-case word or a comma
 *          (not at a sentence or line start, not in a Title Case heading, where ordinary words are capitalised).
 *  - 3 `common`: made only of *frequent* words (stoplist.ts tier 1: One, August, Russian, Defender, Net, Global),
 *    or a feed name written all in lower case (payload, schtasks, route): such words fill security prose too, so page
 *    context proves nothing — spotted only in exact case AND with a cue next to it ("Cuba ransomware", "Net tool").
 *
 * "Supporting context" for the page is `hasSecurityContext`: at least two distinct security terms and at least three
 * occurrences in all. The caller may pass it in (e.g. known from earlier chunks of the same page).
 */

export const AMBIGUITY = { distinct: 0, wordlike: 1, flagged: 2, common: 3 } as const;
export type AmbiguityLevel = (typeof AMBIGUITY)[keyof typeof AMBIGUITY];

/** Security vocabulary: each alternative is one "term". Matched case-insensitively on word boundaries. */
const SECURITY_TERMS = [
  'malware', 'ransomware', 'threat actors?', 'threat groups?', 'apts?', 'advanced persistent threats?', 'exploit(?:s|ed|ation)?',
  'vulnerabilit(?:y|ies)', 'cve-\\d{4}-\\d+', 'phishing', 'spear-?phishing', 'c2', 'c&c', 'command[- ]and[- ]control',
  'backdoors?', 'trojans?', 'botnets?', 'payloads?', 'iocs?', 'indicators of compromise', 'cyber ?attacks?',
  'cyber-?espionage', 'cybercrim(?:e|inals?)', 'cybersecurity', 'hackers?', 'hacking', 'intrusions?', 'infostealers?',
  'stealers?', 'droppers?', 'implants?', 'exfiltrat(?:e|ed|ion)', 'threat intelligence', 'att&ck', 'ttps',
  'zero-day', 'remote access trojans?', 'rats', 'keyloggers?', 'rootkits?', 'wipers?', 'spyware', 'infections?',
  'compromised', 'attackers?', 'threat hunting', 'incident response', 'sandbox', 'obfuscat(?:ed|ion)', 'shellcode',
  'persistence', 'lateral movement', 'credential(?:s| theft| dumping)?', 'ransom notes?', 'extortion', 'data leak',
  'leak site', 'affiliates', 'raas', 'apt\\d+', 'ta\\d{3,4}', 'unc\\d{3,5}',
];
const SECURITY_RE = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${SECURITY_TERMS.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

/** Does the text carry security vocabulary (≥ 2 distinct terms, ≥ 3 occurrences)? */
export function hasSecurityContext(text: string): boolean {
  const seen = new Set<string>();
  let hits = 0;
  SECURITY_RE.lastIndex = 0;
  for (let m = SECURITY_RE.exec(text); m; m = SECURITY_RE.exec(text)) {
    hits++;
    seen.add(m[0].toLowerCase().replace(/s$/, ''));
    if (seen.size >= 2 && hits >= 3) return true;
  }
  return false;
}

/** Cue words that say "this name is an actor". */
export const ACTOR_CUES = ['group', 'groups', 'gang', 'apt', 'actor', 'actors', 'hackers', 'hacker', 'operators', 'operator', 'crew', 'affiliates', 'affiliate', 'cartel', 'syndicate', 'team', 'adversary'];
/** Cue words that support a security reading without saying which kind ("the Silence campaign"). */
export const NEUTRAL_CUES = ['threat', 'campaign', 'campaigns', 'cluster', 'attack', 'attacks', 'operation', 'activity', 'intrusion', 'intrusions'];
/** Cue words that say "this name is software". */
export const SOFTWARE_CUES = ['malware', 'ransomware', 'trojan', 'loader', 'backdoor', 'rat', 'stealer', 'infostealer', 'botnet', 'dropper', 'downloader', 'implant', 'payload', 'payloads', 'sample', 'samples', 'variant', 'variants', 'family', 'worm', 'wiper', 'keylogger', 'rootkit', 'spyware', 'beacon', 'binary', 'binaries', 'infection', 'infections', 'builder', 'framework', 'tool', 'toolkit', 'executable', 'dll'];
const ACTOR_SET = new Set(ACTOR_CUES);
const SOFTWARE_SET = new Set(SOFTWARE_CUES);
const NEUTRAL_SET = new Set(NEUTRAL_CUES);
/** Cues that may stand before the name ("APT Lazarus", "the threat actor ZINC", "malware Silence"). */
const BEFORE_SET = new Set(['apt', 'actor', 'actors', 'group', 'gang', 'malware', 'ransomware', 'trojan', 'backdoor', 'loader', 'stealer', 'botnet', 'operators', 'family', 'variant', 'hackers']);

export interface Cue {
  word: string;
  kind: 'actor' | 'software' | 'neutral';
  side: 'before' | 'after';
}

const WORD_AFTER = /^(?:'s)?[\s\u00a0"'”’)]*(?:-\s*|\s)?([\p{L}]+)/u;
const WORD_BEFORE = /([\p{L}]+)[\s\u00a0"'“‘(]+$/u;

/**
 * A cue word directly next to the span [start, end) of `text` (same line; an apostrophe-s, quotes or one hyphen
 * may sit between: "ZINC's group", "“Cobalt” group", "Cobalt-linked"? no — only listed cue words count).
 */
export function cueNear(text: string, start: number, end: number): Cue | undefined {
  const after = WORD_AFTER.exec(text.slice(end, end + 24));
  if (after?.[1]) {
    const w = after[1].toLowerCase();
    if (ACTOR_SET.has(w)) return { word: w, kind: 'actor', side: 'after' };
    if (SOFTWARE_SET.has(w)) return { word: w, kind: 'software', side: 'after' };
    if (NEUTRAL_SET.has(w)) return { word: w, kind: 'neutral', side: 'after' };
  }
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (before?.[1]) {
    const w = before[1].toLowerCase();
    if (BEFORE_SET.has(w)) return { word: w, kind: ACTOR_SET.has(w) ? 'actor' : 'software', side: 'before' };
  }
  return undefined;
}

/**
 * Is the span inside a running sentence: preceded on the same line by a lower-case word, a digit, or a comma/
 * semicolon/colon/parenthesis/quote after such text? False at a line or sentence start and inside Title Case runs.
 */
export function isMidSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"'“‘(\u00a0]/.test(text[i] as string)) {
    if (text[i] === '\n') return false;
    i--;
  }
  if (i < 0) return false;
  const ch = text[i] as string;
  if (/[.!?#*>|\]]/.test(ch)) return false;
  if (/[,;:/&]/.test(ch)) return true;
  // previous word
  let j = i;
  while (j >= 0 && /[\p{L}\p{N}'’-]/u.test(text[j] as string)) j--;
  const word = text.slice(j + 1, i + 1);
  if (!word) return false;
  return !/^\p{Lu}/u.test(word);
}

export interface AmbiguityInput {
  level: AmbiguityLevel;
  /** Did the written form match the alias in its exact case (or all caps for level 1)? */
  caseOk: boolean;
  cue: Cue | undefined;
  /** Kind of the candidate entity: a frequent-word name needs a cue of its own kind. */
  entityIsActor?: boolean;
  pageContext: () => boolean;
  midSentence: () => boolean;
}

/** The rule itself. Returns whether the match stands, and whether it needed context to stand. */
export function ambiguityVerdict(a: AmbiguityInput): { ok: boolean; contextUsed: boolean } {
  if (a.level === AMBIGUITY.distinct) return { ok: true, contextUsed: false };
  if (!a.caseOk) return { ok: false, contextUsed: false };
  if (a.level === AMBIGUITY.common) {
    // Only a cue written after the name and naming the entity's kind: "Cuba ransomware", "Net tool" — not
    // "malware payload" (a compound noun) nor "One actor" for a ransomware named One.
    const c = a.cue;
    const ok = !!c && c.side === 'after' && (c.kind === 'software' ? !a.entityIsActor : c.kind === 'actor' && !!a.entityIsActor);
    return { ok, contextUsed: true };
  }
  if (a.cue) return { ok: true, contextUsed: true };
  if (a.level === AMBIGUITY.wordlike) return { ok: a.pageContext(), contextUsed: true };
  return { ok: a.pageContext() && a.midSentence(), contextUsed: true };
}
