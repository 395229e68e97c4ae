/** Toolbar badge: how many distinct entities the tab's page names. */
import { browser } from '../platform/browser';

export async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#7a1f1f' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  } catch {
    // The tab closed between the scan and the report: nothing to badge.
  }
}
