/** Small display helpers shared by the popup's components; every word comes from the locale files. */
import { nameKey } from '../../core/db/keys';
import { bandOf } from '../../core/model/confidence';
import type { Alias, Entity } from '../../core/model/entity';
import type { Relation, Reliability } from '../../core/model/link';
import { t, type MessageKey } from '../../platform/i18n';

/** "KP" → "North Korea" in the reader's language (shared with the options page). */
export { countryName } from '../../ui/country';

const snake = (relation: Relation) => relation.replace(/-/g, '_');

/** The relation as read from the viewed entity: "obtains access from" (out) or "provides access to" (in). */
export function relationPhrase(relation: Relation, direction: 'out' | 'in'): string {
  return direction === 'out' ? t(`relation_${snake(relation)}` as MessageKey) : t(`relationInverse_${snake(relation)}` as MessageKey);
}

export function relationLabel(relation: Relation): string {
  return t(`relation_${snake(relation)}` as MessageKey);
}

export function confidenceWord(key: string): string {
  return t(`confidence_${key}` as MessageKey);
}

/** "likely" for 70; "unspecified" when absent (never 0). */
export function confidenceText(value: number | undefined): string {
  const band = bandOf(value);
  return band ? confidenceWord(band.key) : confidenceWord('unspecified');
}

export function reliabilityText(r: Reliability): string {
  return t(`reliability_${r}` as MessageKey);
}

function locale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

/** ISO "2020", "2020-07" or "2020-07-14" shown at the precision it was given; anything else as is. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  try {
    const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
    const opts: Intl.DateTimeFormatOptions = d ? { dateStyle: 'medium', timeZone: 'UTC' } : mo ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(locale(), opts).format(date);
  } catch {
    return iso;
  }
}

/** Message for a count, with a separate singular message (chrome.i18n has no plural rules). */
export function counted(n: number, one: MessageKey, many: MessageKey): string {
  return n === 1 ? t(one) : t(many, String(n));
}

/**
 * The names the popup lists: one per name as lookups fold it, none repeating the canonical name. The knowledge base
 * keeps every writing its sources give ("SideWinder" and "Sidewinder", "PHOSPHORUS" and "Phosphorus") because the
 * matcher's case rules tell them apart; to a reader they are one name. The first writing stays (the curators' before
 * a feed's), with the first "used by" any of its writings has.
 */
export function shownAliases(entity: Pick<Entity, 'name' | 'aliases'>): Alias[] {
  const own = nameKey(entity.name);
  const byKey = new Map<string, Alias>();
  for (const alias of entity.aliases) {
    const key = nameKey(alias.name);
    if (key === own) continue;
    const first = byKey.get(key);
    if (!first) byKey.set(key, alias);
    else if (!first.usedBy && alias.usedBy) byKey.set(key, { ...first, usedBy: alias.usedBy });
  }
  return [...byKey.values()];
}

/**
 * The start of a long text (a feed's description, a quoted passage), cut at a word near `shown` characters, or
 * undefined when cutting would hide too little to be worth a button. Cut in the text rather than by a CSS line clamp,
 * so no hidden lines lie under what follows and a screen reader reads what is shown.
 */
export function textStart(text: string, shown: number): string | undefined {
  if (text.length <= shown + 80) return undefined;
  const space = text.lastIndexOf(' ', shown);
  return `${text.slice(0, space > shown / 2 ? space : shown).replace(/[\s,;:.]+$/u, '')}…`;
}

/**
 * The direction a text reads in, by its first strong letter (as dir="auto" decides): Hebrew, Arabic, Syriac, Thaana,
 * N'Ko and their presentation forms read right to left. Set as the element's dir, it also lets CSS style such text
 * (the build rewrites :dir() into a list of :lang() tests, which a passage in a page of another language never passes).
 */
export function writingDirection(text: string): 'rtl' | 'ltr' {
  const strong = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\p{L}/u.exec(text);
  return strong && /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(strong[0]) ? 'rtl' : 'ltr';
}
