/**
 * Session 18, helper A: a threat's name used for a thing in a game ("New Kimsuky emote in the shop", "the Lazarus
 * skin returns", "the old Machete now deals 10% less damage"). A game's patch notes often carry a security notice in
 * the same list (a phishing warning, an exploit fixed), so the page's security words would confirm the item as the
 * threat. Two signs, each read only on the name's own line:
 *  - a cosmetic's noun right after the name: games name emotes, skins and outfits after anything, and no threat
 *    report puts these words after a threat's name;
 *  - the balance wording of patch notes after the name in its sentence: damage dealt by an amount, a cooldown, a nerf
 *    or a buff. "Damage" alone is not enough: reports say what damage an attack did ("Sandworm caused damage to the
 *    grid", "Lazarus dealt serious damage").
 */

import { once } from './once';

/**
 * Nouns for a game's cosmetics and gear, after the name ("Kimsuky emote", "Lazarus skins"). Not the ones that are
 * verbs after a subject ("Turla mounts a campaign", "Kimsuky sprays passwords") or that name a crew ("the Conti outfit").
 */
const ITEM_AFTER = once(() => /^[ \u00a0](?:emotes?|skins?|costumes?|loadouts?|cosmetics?|stickers?)(?![\p{L}\p{N}_-])/u);
/**
 * Balance wording later in the name's sentence: damage dealt by an amount ("deals 10% less damage", "does more
 * damage"; news writes "dealt serious damage to the grid"), "cooldown", "nerfed", "buffed", "fire rate", "reload
 * time", "drop rate", "hitbox".
 */
const BALANCE_AFTER =
  /^[^.!?\n]{0,60}?\b(?:(?:deals?|dealt|dealing|does)[ \u00a0]+(?:\d+%?[ \u00a0]+)?(?:more|less|extra|bonus|increased|reduced|double|triple|half|\d+%?)[ \u00a0]+(?:\w+[ \u00a0]+)?damage|cooldowns?|nerf(?:ed|s)?|buff(?:ed|s)?|fire[ \u00a0]rate|reload[ \u00a0](?:time|speed)|drop[ \u00a0]rate|hitbox(?:es)?)\b/i;

/**
 * Any balance word: BALANCE_AFTER holds one wherever it matches. Asked first of a name's window, as most windows (and
 * most texts) have none: compiled and tiered up, this expression costs ≈ 0.13 ms in a fresh process, BALANCE_AFTER
 * ≈ 0.47 (Node 20), and both read a window in ≈ 0.5 µs.
 */
const BALANCE_WORD = /damage|cooldown|nerf|buff|fire[ \u00a0]rate|reload[ \u00a0]|drop[ \u00a0]rate|hitbox/i;

/** Is the name ending at e a thing in a game: a cosmetic ("Kimsuky emote") or gear whose balance changed ("the Machete deals less damage")? */
export function gameItem(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 0xa0) return false;
  // emote, skin, sticker, costume, cosmetic, loadout: the next word's first letter settles most names
  const d = text.charCodeAt(e + 1);
  if ((d === 101 || d === 115 || d === 99 || d === 108) && ITEM_AFTER().test(text.slice(e, e + 12))) return true;
  // The name's window only: a search of the whole text for a balance word read every 32,000-character slice the
  // content script matches without one to its end (≈ 3 ns per character, 2.75 ms per MB).
  const w = text.slice(e, e + 100);
  return BALANCE_WORD.test(w) && BALANCE_AFTER.test(w);
}
