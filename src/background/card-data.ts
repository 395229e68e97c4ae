/**
 * What the hover card shows of an entity: its top links, those to an entity the reader's page also names first
 * (`onPage`: the partner to look for next is often in the same article), then the strongest (repository order).
 * Pure, so it is tested in Node.
 */
import type { CardData } from '../core/protocol';
import type { Entity } from '../core/model/entity';
import type { LinkView } from '../core/db/repository';

/** Links on a card: enough to read at a glance (the card shows all it is given). */
export const CARD_LINKS = 4;
/** At most this many page entities are looked at (a message from a page's content script is bounded). */
const MAX_ON_PAGE = 2_000;

export function cardData(entity: Entity, links: readonly LinkView[], onPage: unknown): CardData {
  const here = new Set(Array.isArray(onPage) ? onPage.slice(0, MAX_ON_PAGE).filter((id): id is string => typeof id === 'string') : []);
  const ordered = here.size ? [...links.filter((v) => here.has(v.other.id)), ...links.filter((v) => !here.has(v.other.id))] : links;
  return {
    entityId: entity.id,
    name: entity.name,
    kind: entity.kind,
    ...(entity.country ? { country: entity.country } : {}),
    ...(entity.description ? { description: entity.description } : {}),
    links: ordered.slice(0, CARD_LINKS).map((v) => ({
      otherId: v.other.id,
      otherName: v.other.name,
      relation: v.link.relation,
      direction: v.direction,
      status: v.derived.status,
      ...(v.derived.confidence !== undefined ? { confidence: v.derived.confidence } : {}),
      sources: v.claims.length,
    })),
  };
}
