/**
 * A threat's word-like name given as a person's online handle (audit B2): an indictment or a sanctions notice writes
 * 'using the online moniker "Royal"', 'known by the nickname Medusa', 'PETRENKO, a/k/a "Royal,"'. The document is
 * about cybercrime, so its vocabulary would confirm the handle as the ransomware of that name. A handle is a
 * person's, whatever the threat's name it copies; "a/k/a" is how court papers introduce a defendant's other names
 * (security prose writes "a.k.a." or "aka"), and there the name must be quoted as they quote a handle; so after
 * "handle" and "nick", which are verbs too ("how analysts handle Akira intrusions").
 */
import { W_ASCII, W_COMMA_COLON, W_NBSP, W_QUOTE, W_SLASH, W_SPACE, wordBefore, wordOptions } from './word-before';

/** Words after which a name is a handle, quoted or not. */
const HANDLE_WORDS = new Set(['moniker', 'nickname', 'username', 'screenname', 'pseudonym']);
/** Words after which only a quoted name is a handle. */
const QUOTED_HANDLE_WORDS = new Set(['handle', 'nick', 'a/k/a']);
/** Opening quotes that may stand between the word and the name. */
const QUOTES = new Set([34, 39, 0x201c, 0x2018]);
/** Last letters of the words above (moniker, nickname, pseudonym, handle, nick, a/k/a), lower case. */
const LAST_LETTERS = new Set([114, 101, 107, 109, 97]);
/** Between the word and the name: spaces, quotes, and the comma or colon of 'a/k/a, "Royal"', 'nickname: Royal'. */
// "/" for "a/k/a"; longer than any word above
const HANDLE_WORD = wordOptions({ gap: W_SPACE | W_NBSP | W_COMMA_COLON | W_QUOTE, lastLetters: LAST_LETTERS, letter: W_ASCII | W_SLASH, most: 12 });
/** "user name", "screen name": the word one space before "name". */
const NAME_QUALIFIER = wordOptions({ gap: W_SPACE, gapLeast: 1, gapMost: 1, letter: W_ASCII | W_SLASH, most: 12 });

/** Is the name starting at s a person's handle ("the online moniker \"Royal\"")? */
export function personHandle(text: string, s: number): boolean {
  // every form ends in a space or a quote right before the name: most names stop here
  const c = text.charCodeAt(s - 1);
  if (c !== 32 && c !== 0xa0 && !QUOTES.has(c)) return false;
  const span = wordBefore(text, s, HANDLE_WORD);
  if (!span) return false;
  const [a, b] = span;
  const w = text.slice(a, b).toLowerCase();
  if (HANDLE_WORDS.has(w)) return true;
  if (QUOTED_HANDLE_WORDS.has(w)) return quotedBetween(text, b, s);
  if (w !== 'name') return false;
  const before = wordBefore(text, a, NAME_QUALIFIER);
  const q = before && text.slice(before[0], before[1]).toLowerCase();
  return q === 'user' || q === 'screen';
}

function quotedBetween(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (QUOTES.has(text.charCodeAt(k))) return true;
  return false;
}

/**
 * A chat log's speaker (probe set 4, an IRC incident channel): a line of IRC, Matrix or a chat export opens with its
 * time and the writer's nickname, "21:08 <kraken> not yet", "[21:08] <@hydra> isolate it", "[21:08:14] kraken: done".
 * Analysts pick nicknames after monsters and malware ("kraken", "hydra", "emotet_fan"); there the name is a person's,
 * though the channel talks about threats on every line. The "<…>" form also at a line's start with no time before it;
 * the "nick:" form only after a time, as "Lazarus: the group behind…" opens a heading or a list item.
 */
export function chatSpeaker(text: string, s: number, e: number): boolean {
  let a = s;
  const mode = text.charCodeAt(a - 1);
  if (mode === 64 || mode === 43 || mode === 37 || mode === 126 || mode === 38) a--; // IRC's @ + % ~ & before a nick
  let z = e;
  while (z < text.length && z - e < 16 && NICK_TAIL.test(text.charAt(z))) z++;
  const angled = text.charCodeAt(a - 1) === 60 && text.charCodeAt(z) === 62;
  if (!angled && !(a === s && text.charCodeAt(z) === 58 && text.charCodeAt(z + 1) === 32)) return false;
  const before = angled ? a - 1 : a;
  if (angled && lineOpensAt(text, before)) return true;
  return timeBefore(text, before);
}

/** Characters a nickname may go on with after the name ("kraken_", "hydra2", "emotet-fan"). */
const NICK_TAIL = /[A-Za-z0-9_\-|^`]/;
/** A time of day, bracketed or not, then one space: "21:08 ", "[21:08:14] ", "(09:14) ". */
const TIME_BEFORE = /(?:^|[\s])[[(]?[0-2]?\d:[0-5]\d(?::[0-5]\d)?[\])]? $/;

function lineOpensAt(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k < 0 || text.charCodeAt(k) === 10;
}

function timeBefore(text: string, i: number): boolean {
  return TIME_BEFORE.test(text.slice(Math.max(0, i - 14), i));
}
