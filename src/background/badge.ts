/** Toolbar badge: how many distinct entities the tab's page names. */
import { browser } from '../platform/browser';
import type { ContentCalls, Message } from '../core/protocol';
import { distinctEntities, verifyTab } from './frames';

export async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#7a1f1f' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  } catch {
    // The tab closed between the scan and the report: nothing to badge.
  }
}

/**
 * How long a document has to answer whether it is still there. A document that is gone (navigated away, removed, kept
 * in the back/forward cache) is refused by the browser at once (under 1 ms in Chromium 156); one that is shown answers
 * between the page's tasks. One that does not answer in time is busy (a page running a long script): it stays.
 */
const ALIVE_MS = 2_000;

/** Is this document still shown in this frame? (asked of its content script, by document id) */
export async function documentAlive(tabId: number, frameId: number, documentId: string): Promise<boolean> {
  const ping: Message<ContentCalls, 'actorlens:alive'> = { type: 'actorlens:alive' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      browser.tabs.sendMessage(tabId, ping, { frameId, documentId }).then((answer) => answer === true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ALIVE_MS))),
    ]);
  } catch {
    return false; // gone: navigated away, removed, or never had our script
  } finally {
    clearTimeout(timer);
  }
}

/**
 * After a navigation in the tab (or a child frame's removal): drop the tallies of documents no longer shown and
 * badge what is left. Tallies without a document id (a browser that gives none) cannot be checked: they go when the
 * tab starts `loading` (a navigation, as before) and stay otherwise, else the tally a page reported before its own
 * "complete" would be lost.
 */
export async function checkTab(tabId: number, loading = false): Promise<void> {
  await verifyTab(tabId, async (frameId, documentId) => (documentId === undefined ? !loading : documentAlive(tabId, frameId, documentId)));
  await setBadge(tabId, await distinctEntities(tabId));
}
