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
import { checkTab } from './badge';

handleMessages<BackgroundCalls>(handlers);

browser.runtime.onInstalled.addListener(() => void ensureSeeded());
browser.runtime.onStartup.addListener(() => void ensureSeeded());
// Whatever woke the worker: make sure content scripts read the dictionary of the current data (a page may have
// changed it while the worker slept; cheap when nothing moved: two small reads).
void publishDictionary().catch((error: unknown) => console.warn('ActorLens: dictionary not published', error));
browser.commands.onCommand.addListener((command) => {
  if (command === 'toggle-highlights') void toggleActiveTab();
});

// Something navigated in the tab (no "tabs" permission needed for status changes): the top frame or a child frame,
// to a new document or within one (single-page apps report "loading" too). The tallies of documents no longer
// shown go, the others stay (frames.ts); the new documents report themselves.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' || change.status === 'complete') void checkTab(tabId, change.status === 'loading');
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
