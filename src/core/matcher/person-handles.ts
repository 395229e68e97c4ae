/**
 * A threat's word-like name given as a person's online handle (audit B2): an indictment or a sanctions notice writes
 * 'using the online moniker "Royal"', 'known by the nickname Medusa', 'PETRENKO, a/k/a "Royal,"'. The document is
 * about cybercrime, so its vocabulary would confirm the handle as the ransomware of that name. A handle is a
 * person's, whatever the threat's name it copies; "a/k/a" is how court papers introduce a defendant's other names
 * (security prose writes "a.k.a." or "aka"), and there the name must be quoted as they quote a handle; so after
 * "handle" and "nick", which are verbs too ("how analysts handle Akira intrusions").
 */
/** Words after which a name is a handle, quoted or not. */
const HANDLE_WORDS = new Set(['moniker', 'nickname', 'username', 'screenname', 'pseudonym']);
/** Words after which only a quoted name is a handle. */
const QUOTED_HANDLE_WORDS = new Set(['handle', 'nick', 'a/k/a']);
/** Opening quotes that may stand between the word and the name. */
const QUOTES = new Set([34, 39, 0x201c, 0x2018]);
/** Last letters of the words above (moniker, nickname, pseudonym, handle, nick, a/k/a), lower case. */
const LAST_LETTERS = new Set([114, 101, 107, 109, 97]);
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47;

/** The word (ASCII letters, and "/" for "a/k/a") ending at k, lower case. */
function wordEndingAt(text: string, k: number): [string, number] {
  let a = k + 1;
  while (a > 0 && k + 1 - a < 12 && isWordChar(text.charCodeAt(a - 1))) a--;
  return [text.slice(a, k + 1).toLowerCase(), a];
}

/** Is the name starting at s a person's handle ("the online moniker \"Royal\"")? */
export function personHandle(text: string, s: number): boolean {
  // every form ends in a space or a quote right before the name, after one of a few letters: most names stop here
  let k = s - 1;
  let c = text.charCodeAt(k);
  if (c !== 32 && c !== 0xa0 && !QUOTES.has(c)) return false;
  let quoted = false;
  while (k > 0 && (c === 32 || c === 0xa0 || c === 44 || c === 58 || QUOTES.has(c))) {
    if (QUOTES.has(c)) quoted = true;
    c = text.charCodeAt(--k);
  }
  if (!LAST_LETTERS.has(c | 32)) return false;
  const [w, a] = wordEndingAt(text, k);
  if (HANDLE_WORDS.has(w)) return true;
  if (QUOTED_HANDLE_WORDS.has(w)) return quoted;
  // "user name", "screen name"
  if (w !== 'name' || text.charCodeAt(a - 1) !== 32) return false;
  const before = wordEndingAt(text, a - 2)[0];
  return before === 'user' || before === 'screen';
}
