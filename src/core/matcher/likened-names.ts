/**
 * A name likened to, not named: "KV-botnet style router relays", "Mirai-like bots", "Lazarus-style heists" describe
 * other things by their resemblance to the threat, the name only qualifying a noun after it (session 25; the first
 * probe labels no mention in "KV-botnet style relays"). Read after any dictionary name, whatever its level: a coined
 * name is no more the threat there than a word-like one.
 *
 * Only "-like", "-esque", "-style" and " style" followed by a word in lower case: " like" written apart is the
 * preposition ("Qilin, like Akira, …", "Lazarus like other crews uses…"), and a name before "style." ending the
 * sentence is left as it was.
 */
const LIKENED = /^(?:-(?:like|esque|style)|[ \u00a0]style)[ \u00a0]+\p{Ll}/u;

/** True when the name ending at `e` is followed by a likeness suffix and a lower-case word. */
export function likenedName(t: string, e: number): boolean {
  const c = t.charCodeAt(e);
  if (c !== 45 && c !== 32 && c !== 0xa0) return false;
  return LIKENED.test(t.slice(e, e + 12));
}
