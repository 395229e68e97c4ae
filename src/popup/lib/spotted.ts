/** Turns the content script's report into what the popup lists: one row per entity, grouped by kind. */
import type { EntityKind } from '../../core/model/entity';
import type { SpottedReport } from '../../core/protocol';

/** Threat actors first (who), then what they run. Possible actors and possible malware (not in the knowledge base) come last. */
export const KIND_ORDER: readonly EntityKind[] = ['actor', 'ransomware', 'malware', 'tool'];

/** A row's kind: an entity's, or a name not in the knowledge base that the page calls an actor or malware. */
export type SpottedKind = EntityKind | 'possible' | 'possible-malware';

export interface SpottedItem {
  /** Null for a "possible actor" or "possible malware": a name that is not in the knowledge base. */
  entityId: string | null;
  name: string;
  kind: SpottedKind;
  /** Mentions on the page, all surfaces together. */
  count: number;
  /** Other names the page used for it ("HIDDEN COBRA"), in page order. */
  surfaces: string[];
}

export interface SpottedGroup {
  kind: SpottedKind;
  items: SpottedItem[];
}

/**
 * The page's writing as a reader sees it. Pages put no-break spaces, zero-width spaces and soft hyphens inside
 * names for layout; the report keeps them (they are what the page has), but shown in the list "Lazarus\u00a0Group"
 * looks exactly like "Lazarus Group" and would read as a different writing of the same name.
 */
export function visibleText(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

/** One item per entity, most mentioned first (prominence), ties by name. */
export function spottedItems(report: SpottedReport): SpottedItem[] {
  const byEntity = new Map<string, SpottedItem>();
  for (const m of report.matches) {
    // A possible actor's name is the page's own text, so it carries the page's invisible characters too.
    const name = m.entityId ? m.name : visibleText(m.name);
    const text = visibleText(m.text);
    const possibleKind = !m.kind || m.kind === 'actor' ? 'possible' : 'possible-malware';
    const key = m.entityId ?? `${possibleKind}?${name}`;
    const item = byEntity.get(key) ?? { entityId: m.entityId, name, kind: m.entityId ? (m.kind ?? 'actor') : possibleKind, count: 0, surfaces: [] };
    item.count += m.count;
    if (text !== name && !item.surfaces.includes(text)) item.surfaces.push(text);
    byEntity.set(key, item);
  }
  return [...byEntity.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function groupSpotted(report: SpottedReport): SpottedGroup[] {
  const items = spottedItems(report);
  return [...KIND_ORDER, 'possible' as const, 'possible-malware' as const]
    .map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }))
    .filter((g) => g.items.length > 0);
}

/**
 * The entities the selected passage names, in the order it names them: "Lazarus buys access from TrickBot operators"
 * selected gives Lazarus Group, then TrickBot, whatever the page names most. A name counts where the passage holds
 * one of its page surfaces as a whole word; each comes with where it first stands in the passage (as `visibleText` reads it).
 */
export function namedInQuote<T extends SpottedItem>(items: readonly T[], exact: string | undefined): { item: T; start: number; end: number }[] {
  if (!exact) return [];
  const quote = visibleText(exact);
  const at = (surface: string): number => {
    for (let k = quote.indexOf(surface); k >= 0; k = quote.indexOf(surface, k + 1)) {
      if (!WORD_CHAR.test(quote.charAt(k - 1)) && !WORD_CHAR.test(quote.charAt(k + surface.length))) return k;
    }
    return -1;
  };
  const found: { item: T; start: number; end: number }[] = [];
  for (const item of items) {
    let best: { start: number; end: number } | undefined;
    for (const s of [item.name, ...item.surfaces]) {
      const k = at(s);
      if (k >= 0 && (!best || k < best.start)) best = { start: k, end: k + s.length };
    }
    if (best) found.push({ item, ...best });
  }
  return found.sort((a, b) => a.start - b.start);
}
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Known entities on the page, most prominent first: the choices offered first when recording a claim. */
export function knownOnPage(report: SpottedReport | null | undefined): (SpottedItem & { entityId: string })[] {
  if (!report) return [];
  return spottedItems(report).filter((i): i is SpottedItem & { entityId: string } => i.entityId !== null);
}
