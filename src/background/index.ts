/**
 * Background (Chrome service worker / Firefox event page). Listeners are registered synchronously at top
 * level so a woken worker handles the event that woke it. State that must outlive the worker lives in
 * IndexedDB or storage; the compiled dictionary is only a cache.
 */
import { browser } from '../platform/browser';
import { handleMessages } from '../platform/messaging';
import type { BackgroundCalls } from '../core/protocol';
import { handlers } from './handlers';
import { ensureSeeded, publishDictionary } from './knowledge';
import { toggleActiveTab } from './commands';
import { forgetTab } from './frames';
import { setBadge } from './badge';

handleMessages<BackgroundCalls>(handlers);

browser.runtime.onInstalled.addListener(() => void ensureSeeded());
browser.runtime.onStartup.addListener(() => void ensureSeeded());
// Whatever woke the worker: make sure content scripts read the dictionary of the current data (a page may have
// changed it while the worker slept; cheap when nothing moved: two small reads).
void publishDictionary().catch((error: unknown) => console.warn('ActorLens: dictionary not published', error));
browser.commands.onCommand.addListener((command) => {
  if (command === 'toggle-highlights') void toggleActiveTab();
});

// A new document in the tab: its old tally and badge go (no "tabs" permission needed for status changes).
// Same-document (single-page-app) navigations may report "loading" too: the content script re-reports after them.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    void forgetTab(tabId);
    void setBadge(tabId, 0);
  }
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
