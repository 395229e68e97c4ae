/** One handler per BackgroundCalls message; `satisfies` makes a missing handler a type error. */
import type { BackgroundCalls, CardData } from '../core/protocol';
import type { Handlers } from '../platform/messaging';
import { currentDictionary, ensureSeeded, repo } from './knowledge';
import { setBadge } from './badge';

export const handlers = {
  async 'actorlens:getDictionary'(message) {
    const dict = await currentDictionary();
    // The content script keeps the dictionary it has when it is still current.
    return message.have === dict.version ? { version: dict.version } : { version: dict.version, dict };
  },

  async 'actorlens:getCard'(message): Promise<CardData | null> {
    await ensureSeeded();
    const entity = await repo.entity(message.entityId);
    if (!entity) return null;
    const links = await repo.linksOf(entity.id);
    return {
      entityId: entity.id,
      name: entity.name,
      kind: entity.kind,
      ...(entity.country ? { country: entity.country } : {}),
      ...(entity.description ? { description: entity.description } : {}),
      links: links.slice(0, 5).map((v) => ({
        otherId: v.other.id,
        otherName: v.other.name,
        relation: v.link.relation,
        direction: v.direction,
        status: v.derived.status,
        ...(v.derived.confidence !== undefined ? { confidence: v.derived.confidence } : {}),
        sources: v.claims.length,
      })),
    };
  },

  async 'actorlens:reportSpotted'(message, sender) {
    if (sender.tab?.id !== undefined && sender.frameId === 0) {
      const distinct = new Set(message.entities.map((e) => e.entityId ?? `?${e.name}`));
      await setBadge(sender.tab.id, distinct.size);
    }
    return null;
  },
} satisfies Handlers<BackgroundCalls>;
