/**
 * Session 18, helper A: a threat's word-like name as the value of an app's setting ("You can pick Cobalt as the accent
 * colour", "choose Cobalt, Silence or Phoenix as the colour scheme", "the Cobalt colour"). A security product's
 * release notes or help page lists its themes and colours next to the threats it detects, so the page's security words
 * would confirm the colour as the threat. What the name is chosen as says it: a colour, a theme, a palette, a font.
 * "Theme" right after a name is left out ("job-offer lures are a classic Lazarus theme" is the threat's).
 */

import { once } from './once';

/** The nouns a setting's value is chosen as. */
const SETTING_NOUN = '(?:colou?rs?|themes?|palettes?|scheme|accent|font|typeface|wallpaper)';
/**
 * "as the accent colour", after the name and the other values listed with it (", Silence or Phoenix"): a list of
 * capitalised words, then "as" and a determiner, up to two modifiers, and the setting's noun ending the phrase.
 */
const CHOSEN_AS = once(
  () =>
    new RegExp(
      `^(?:(?:,[ \\u00a0]*|[ \\u00a0]+(?:or|and)[ \\u00a0]+)\\p{Lu}[\\p{L}-]*){0,4},?[ \\u00a0]+as[ \\u00a0]+(?:the|your|an?|its|their|my|our)[ \\u00a0]+(?:[\\p{Ll}-]+[ \\u00a0]+){0,2}?${SETTING_NOUN}(?![\\p{L}\\p{N}_-])`,
      'u',
    ),
);
/** A colour's noun right after the name ("Cobalt colour", "the Phoenix palette"). */
const COLOUR_AFTER = once(() => /^[ \u00a0](?:colou?rs?|palettes?|accent|wallpaper)(?![\p{L}\p{N}_-])/u);

/** Is the name ending at e an app setting's value ("pick Cobalt as the accent colour", "the Cobalt colour")? */
export function settingValue(text: string, e: number): boolean {
  // a space or a comma after the name, then "as", a list or a colour's noun: most names stop at the first test
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 0xa0 && c !== 44) return false;
  // after a space: "as", "or", "and", or a colour's noun (colour, palette, accent, wallpaper)
  const d = text.charCodeAt(e + 1);
  if (c !== 44 && d !== 97 && d !== 111 && d !== 99 && d !== 112 && d !== 119) return false;
  const after = text.slice(e, e + 120);
  return COLOUR_AFTER().test(after) || CHOSEN_AS().test(after);
}
