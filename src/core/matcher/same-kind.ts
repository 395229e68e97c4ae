/**
 * A flagged name opening a sentence as a verb's subject, with a threat of its own kind as the object (session 25):
 * "Qilin overtook Akira as the most prolific brand", "Conti replaced Ryuk in the TrickBot crew's playbook". Ransomware
 * round-ups compare and succeed brands by name, and a sentence start gives the flagged name's capital no weight, so
 * rule (b) refused it however ransomware-dense the page. The object, a name of the same kind the pass spotted close
 * after it in the sentence, says which sense the subject has; match.ts laterConfirmed reads it for flagged names that
 * are no English word only ("Silence fell as Akira posted…", "Royal jelly…" stay), on a page with security context.
 */

/** How far after the subject its object may stand (a verb and a few words: "Qilin has now overtaken Akira"). */
export const SAME_KIND_CHARS = 32;

/** Words that end the verb phrase: what follows them is no object of the subject's verb ("Vidar was the god…, and then StealC"). */
const CLAUSE_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'then', 'we', 'they', 'it', 'he', 'she', 'you', 'i', 'that', 'which', 'who', 'this', 'its', 'their', 'his', 'her', 'our', 'my']);

/**
 * Is [e, p) between the subject and its object one to three lower-case words of a verb phrase ("overtook", "has now
 * overtaken", "grew out of") and nothing else?
 */
export function verbPhraseBetween(t: string, e: number, p: number): boolean {
  const m = /^[ \u00a0]((?:\p{Ll}+[ \u00a0]){1,3})$/u.exec(t.slice(e, p));
  if (!m) return false;
  return (m[1] as string).trim().split(/[ \u00a0]/).every((w) => !CLAUSE_WORDS.has(w));
}

/** Words in lower case right after a subject that are no verb of it: the name then modifies a noun ("Qilin affiliates"). */
const NOT_VERBS = new Set(['and', 'or', 'of', 'in', 'on', 'at', 'for', 'to', 'the', 'a', 'an', 'with', 'by', 'from', 'as']);

/**
 * Is the name ending at `e` followed by one space and a verb-like word in lower case: a past tense (-ed, or a few
 * irregular ones), a present in -s, or an auxiliary ("has", "is", "was")? A plural noun in -s ("Qilin affiliates")
 * is told from a present only by the object after it, which the caller requires.
 */
export function verbAfterSubject(t: string, e: number): boolean {
  const m = /^[ \u00a0](\p{Ll}+)\b/u.exec(t.slice(e, e + 24));
  if (!m) return false;
  const w = m[1] as string;
  if (NOT_VERBS.has(w)) return false;
  return /(?:ed|s)$/.test(w) || IRREGULAR.has(w);
}

const IRREGULAR = new Set(['overtook', 'overtaken', 'beat', 'took', 'became', 'outgrew', 'grew', 'replaced', 'has', 'had', 'is', 'was', 'now', 'still', 'again', 'also']);
