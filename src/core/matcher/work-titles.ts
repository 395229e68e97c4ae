/**
 * A threat's word-like name as the title of a work, right after the noun for its kind ("the album 'Phoenix'", "the
 * film Silence"; "a film called Silence" is ordinary-namings.ts namedOrdinaryThing's), in English or glued to a
 * Chinese, Japanese or Korean noun ("새 앨범 'Phoenix'", "专辑《Phoenix》", "映画「Silence」"): a security news site's
 * other news, a podcast's music credits (audit B2). The page's security words would otherwise confirm the title as
 * the threat. Nouns that are also verbs or adjectives before a name in security prose are left out ("analysts track
 * Lazarus", "reports show Royal", "a novel Lazarus backdoor", "a single Conti affiliate").
 */
import { W_ASCII, W_CJK_OPEN, W_NBSP, W_QUOTE, W_SPACE, gapBefore, wordBefore, wordEndingAt, wordOptions } from './word-before';
import { once } from './once';

/** English nouns for a work, after which a name is its title. */
const WORK_WORDS = new Set(['album', 'song', 'film', 'movie', 'documentary', 'book', 'game', 'sitcom', 'opera', 'musical', 'ballet', 'sculpture', 'poem', 'episode']);
const CJK_WORK_BEFORE = /(?:앨범|노래|영화|드라마|소설|게임|专辑|歌曲|电影|電影|小说|小說|游戏|遊戲|アルバム|映画|小説|ゲーム|曲)[ \u00a0]*["'\u201c\u2018\u300a\u300c\u300e]?$/;
/** Last letters of the English nouns above, lower case (album, song, movie, documentary, musical, ballet…). */
const LAST_LETTERS = new Set([109, 103, 101, 121, 107, 97, 108, 116]);
/** Spaces, quotes and brackets that may stand right before the title. */
const OPENERS = new Set([32, 0xa0, 34, 39, 0x201c, 0x2018, 0x300a, 0x300c, 0x300e]);

/** The noun before a title: spaces, quotes and brackets between; longer than any noun above. */
const WORK_WORD = wordOptions({ gap: W_SPACE | W_NBSP | W_QUOTE | W_CJK_OPEN, lastLetters: LAST_LETTERS, letter: W_ASCII, most: 13 });

/** Is the name starting at s the title of a work named by the noun before it? */
export function workTitle(text: string, s: number): boolean {
  const c = text.charCodeAt(s - 1);
  if (!OPENERS.has(c) && c < 0x3000) return false;
  const b = gapBefore(text, s, WORK_WORD);
  if (text.charCodeAt(b - 1) >= 0x3000) return CJK_WORK_BEFORE.test(text.slice(Math.max(0, s - 8), s));
  // an English noun above ends in one of a few letters: most names stop here
  const w = wordEndingAt(text, b, WORK_WORD);
  return !!w && WORK_WORDS.has(text.slice(w[0], w[1]).toLowerCase());
}

/** Closing quotes after a title. */
const CLOSERS = new Set([34, 0x201d, 39, 0x2019]);
/** Words before a quoted name that make it a threat's name given by someone ('dubbed "Royal" by Microsoft'). */
const NAMING_WORDS = new Set(['as', 'named', 'called', 'dubbed', 'nicknamed', 'codenamed', 'labelled', 'labeled', 'tracked', 'known', 'name', 'alias']);
const BY_AUTHOR = once(() => /^[ \u00a0]by[ \u00a0]+\p{Lu}/u);
/** The word before the quote opening the title; longer than any naming word. */
const NAMING_WORD = wordOptions({ gap: W_SPACE | W_NBSP, letter: W_ASCII, most: 12 });

/**
 * Is the quoted name at [s, e) a work's title followed by its author ('Music: "Phoenix" by The Quiet Rooms', '"Lazarus"
 * by David Bowie')? Not where the text says who gave a threat the name ('dubbed "Royal" by Microsoft', 'tracked as
 * "Cobalt" by Group-IB').
 */
export function quotedTitleByAuthor(text: string, s: number, e: number): boolean {
  if (!CLOSERS.has(text.charCodeAt(e)) || text.charCodeAt(e + 1) !== 32 || !OPENERS.has(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 32) return false;
  if (!BY_AUTHOR().test(text.slice(e + 1, e + 6))) return false;
  const w = wordBefore(text, s - 1, NAMING_WORD);
  return !w || !NAMING_WORDS.has(text.slice(w[0], w[1]).toLowerCase());
}
