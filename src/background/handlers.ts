/** One handler per BackgroundCalls message; `satisfies` makes a missing handler a type error. */
import type { BackgroundCalls, CardData } from '../core/protocol';
import { callTab, type Handlers } from '../platform/messaging';
import { ensureSeeded, publishDictionary, repo } from './knowledge';
import { checkTab, setBadge } from './badge';
import { distinctEntities, forgetDocument, otherFrames, recordFrame } from './frames';
import { browser, type Runtime } from '../platform/browser';
import { loadSettings } from '../platform/settings';
import { recordSightings } from '../core/db/sightings';
import { cardData } from './card-data';
import { publishClaimOrigins } from './claim-origins';

const ADDRESSED = /^(https?|file):/i;

/**
 * Whose claims a frame marks: its own page's; a srcdoc, about:blank or blob: frame (no address of its own, written by
 * the page: a mail archive's message, an article body rendered in a frame) the tab's top page's, which its top frame
 * tells, where the frame has the top page's origin (a frame of an embedded page of another site gets none).
 */
async function quotedPageOf(sender: Runtime.MessageSender): Promise<string | undefined> {
  const own = sender.url;
  if (own && ADDRESSED.test(own)) return own;
  const tabId = sender.tab?.id;
  if (!own || !sender.frameId || tabId === undefined || !/^(about:(srcdoc|blank)|blob:)/i.test(own)) return undefined;
  const origin = (sender as { origin?: string }).origin;
  try {
    const top = await callTab(tabId, { type: 'actorlens:siteUrl' }, 0);
    return typeof top === 'string' && ADDRESSED.test(top) && origin === new URL(top).origin ? top : undefined;
  } catch {
    return undefined;
  }
}

export const handlers = {

  async 'actorlens:publishDictionary'() {
    // Asked by a content script that found no usable prefilter in storage.
    return { version: await publishDictionary(true) };
  },

  async 'actorlens:getCard'(message): Promise<CardData | null> {
    await ensureSeeded();
    const entity = await repo.entity(message.entityId);
    if (!entity) return null;
    return cardData(entity, await repo.linksOf(entity.id), message.onPage);
  },

  async 'actorlens:reportSpotted'(message, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    const entities = Array.isArray(message.entities) ? message.entities : [];
    const { documentId, documentLifecycle } = sender as { documentId?: string; documentLifecycle?: string };
    // A late report from a document the frame no longer shows (it navigated, or the page went into the
    // back/forward cache) must not stand for the document shown now.
    if (documentId !== undefined && documentLifecycle !== undefined && documentLifecycle !== 'active') {
      await forgetDocument(tabId, sender.frameId ?? 0, documentId);
    } else {
      await recordFrame(tabId, sender.frameId ?? 0, entities, documentId);
    }
    await setBadge(tabId, await distinctEntities(tabId));
    if (sender.url && (await loadSettings()).history) {
      const ids = entities.map((e) => e.entityId).filter((id): id is string => typeof id === 'string');
      await recordSightings(repo, ids, sender.url, typeof message.title === 'string' ? message.title : '').catch(() => undefined);
    }
    return null;
  },

  async 'actorlens:checkFrames'(_message, sender) {
    if (sender.tab?.id !== undefined) await checkTab(sender.tab.id);
    return null;
  },

  async 'actorlens:framesSpotted'(_message, sender) {
    const tabId = sender.tab?.id;
    return tabId === undefined ? [] : otherFrames(tabId, sender.frameId ?? 0);
  },

  async 'actorlens:topSiteUrl'(_message, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    // The tab's top frame knows its address (and, for a top-level about:blank, the origin it inherited) without
    // the "tabs" permission. sender.tab.url is only the fallback: the browser fills it in only where the extension
    // has host access to the tab.
    try {
      const url = await callTab(tabId, { type: 'actorlens:siteUrl' }, 0);
      if (typeof url === 'string' && url) return url;
    } catch {
      // The top frame's content script is not there (yet).
    }
    return sender.tab?.url || null;
  },

  async 'actorlens:claimsChanged'() {
    await ensureSeeded();
    await publishClaimOrigins(repo);
    return null;
  },

  async 'actorlens:pageQuotes'(_message, sender) {
    const page = await quotedPageOf(sender);
    if (!page) return [];
    await ensureSeeded();
    void publishClaimOrigins(repo).catch(() => undefined);
    return (await repo.pageClaims(page)).flatMap(({ claim, from, to, relation }) => {
      const q = claim.quote;
      if (!q?.exact) return [];
      const { publisher, date } = claim.source;
      return [
        {
          exact: q.exact,
          ...(q.prefix ? { prefix: q.prefix } : {}),
          ...(q.suffix ? { suffix: q.suffix } : {}),
          claimId: claim.id,
          linkId: claim.linkId,
          from: { id: from.id, name: from.name },
          to: { id: to.id, name: to.name },
          relation,
          stance: claim.stance,
          ...(publisher ? { publisher } : {}),
          ...(date ? { date } : {}),
        },
      ];
    });
  },

  async 'actorlens:openEntity'(message, sender) {
    if (typeof message.entityId !== 'string' || !message.entityId) return null;
    // The popup view of one entity, in a tab next to the page (the popup reads ?entity= and ?tab=).
    const params = new URLSearchParams({ entity: message.entityId });
    if (typeof message.linkId === 'string' && message.linkId) params.set('link', message.linkId);
    if (sender.tab?.id !== undefined) params.set('tab', String(sender.tab.id));
    await browser.tabs.create({
      url: browser.runtime.getURL(`popup/popup.html?${params}`),
      ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
    });
    return null;
  },
} satisfies Handlers<BackgroundCalls>;
