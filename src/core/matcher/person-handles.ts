/**
 * A threat's word-like name given as a person's online handle (audit B2): an indictment or a sanctions notice writes
 * 'using the online moniker "Royal"', 'known by the nickname Medusa', 'PETRENKO, a/k/a "Royal,"'. The document is
 * about cybercrime, so its vocabulary would confirm the handle as the ransomware of that name. A handle is a
 * person's, whatever the threat's name it copies; "a/k/a" is how court papers introduce a defendant's other names
 * (security prose writes "a.k.a." or "aka"), and there the name must be quoted as they quote a handle; so after
 * "handle" and "nick", which are verbs too ("how analysts handle Akira intrusions").
 */
const HANDLE_BEFORE = /(?:\b(?:moniker|nickname|username|user[ \u00a0]name|screen[ \u00a0]?name|pseudonym)[,:]?[ \u00a0]+["'\u201c\u2018]?|\b(?:handle|nick)[,:]?[ \u00a0]+["'\u201c\u2018]|\ba\/k\/a[ \u00a0]+["\u201c])$/i;
/** Opening quotes that may stand between the word and the name. */
const QUOTES = new Set([34, 39, 0x201c, 0x2018]);

/** Last letters of the words above (moniker, nickname, nick, handle, pseudonym, a/k/a), lower case. */
const LAST_LETTERS = new Set([114, 101, 107, 109, 97]);

/** Is the name starting at s a person's handle ("the online moniker \"Royal\"")? */
export function personHandle(text: string, s: number): boolean {
  // every form ends in a space or a quote right before the name, after one of a few letters: most names stop here
  let k = s - 1;
  let c = text.charCodeAt(k);
  if (c !== 32 && c !== 0xa0 && !QUOTES.has(c)) return false;
  while (k > 0 && (c === 32 || c === 0xa0 || c === 44 || c === 58 || QUOTES.has(c))) c = text.charCodeAt(--k);
  if (!LAST_LETTERS.has(c | 32)) return false;
  return HANDLE_BEFORE.test(text.slice(Math.max(0, s - 24), s));
}
