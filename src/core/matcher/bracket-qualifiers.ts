/**
 * A bracket after a one-word name that says which of its namesakes is meant, as an encyclopedia or a list writes it
 * (audit B2): the kind of a namesake ("Lazarus (musical)", "Lazarus (software), a free IDE", "Medusa (band)",
 * "Lazarus (TV series)"), or a person's dates ("Emma Lazarus (1849–1887), American poet"). A disambiguation page that
 * also lists the group ("Lazarus Group, a hacking group…") read every other namesake as the group. Anything else in
 * brackets is left to the other rules: a threat's kind ("Royal (ransomware)"), an alias ("(aka Hidden Cobra)"), a
 * platform ("(Android)"), an abbreviation ("Golden Chickens (GC)"), a purpose ("Cobalt Strike (for lateral
 * movement)"), a sector or a status in a tracker ("Akira (manufacturing)", "Conti (defunct)").
 */

import { once } from './once';

/** A person's dates: a year of birth before 2000 (an activity period, "Conti (2020–2022)", is no life). */
const DATES = /^(?:1\d{3}[ \u00a0]?[\u2013\u2014-][ \u00a0]?(?:\d{2,4})?|(?:born|b\.)[ \u00a0]+1\d{3})$/;
/** A lower-case word, after another or an abbreviation ("TV series", "video game", "given name"). */
const QUALIFIER = once(() => /^(?:(?:[\p{Ll}-]+|[A-Z]{2})[ \u00a0])?[\p{Ll}-]+$/u);
/** The kinds an encyclopedia tells namesakes apart by: works, people, organisations, places, living things. */
const NAMESAKE_KINDS = new Set([
  'band', 'album', 'song', 'single', 'film', 'movie', 'musical', 'opera', 'ballet', 'novel', 'book', 'poem', 'play', 'series', 'character',
  'comics', 'comic', 'manga', 'anime', 'magazine', 'newspaper', 'software', 'game', 'company', 'brand', 'horse', 'dog', 'ship', 'river',
  'town', 'city', 'village', 'mountain', 'island', 'genus', 'plant', 'bird', 'fish', 'mythology', 'surname', 'name', 'saint', 'beggar', 'rapper',
  'singer', 'musician', 'footballer', 'wrestler', 'painter', 'poet', 'philosopher', 'restaurant', 'hotel', 'element', 'crater', 'asteroid',
  'moon', 'yacht', 'car', 'locomotive', 'rocket', 'satellite', 'font', 'typeface',
]);

/** Is the one-word name at [s, e) followed by a bracket that says it is a namesake, not the threat? */
export function bracketQualifier(text: string, s: number, e: number): boolean {
  let k = e;
  // a closing quote of a quoted title ('"Lazarus" (song)')
  const q = text.charCodeAt(k);
  if (q === 34 || q === 0x201d || q === 39 || q === 0x2019) k++;
  if (text.charCodeAt(k) === 32) k++;
  if (text.charCodeAt(k) !== 40) return false;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 32) return false;
  const close = text.indexOf(')', k + 1);
  if (close < 0 || close - k > 40) return false;
  const inside = text.slice(k + 1, close).trim();
  if (DATES.test(inside)) return true;
  if (!QUALIFIER().test(inside)) return false;
  return NAMESAKE_KINDS.has(inside.slice(inside.search(/[\p{Ll}-]+$/u)));
}
