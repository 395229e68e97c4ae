/** The popup's backend in the extension: active tab (or ?tab=<id> for tests), content script, database. */
import { bundledDataset, BUNDLED_VERSION } from '../core/data/index';
import { openDb } from '../core/db/database';
import { Repository } from '../core/db/repository';
import { toggleSite } from '../core/settings';
import { browser } from '../platform/browser';
import { callTab } from '../platform/messaging';
import { loadSettings, updateSettings } from '../platform/settings';
import type { PopupBackend } from './backend';

export function realBackend(): PopupBackend {
  const repo = new Repository(openDb());
  // The background seeds on install; seeding here too covers a popup opened before it finished.
  const ready = repo.seed(bundledDataset(), BUNDLED_VERSION).catch(() => false);
  return {
    async tab() {
      // ?tab=<id> lets tests open the popup as a page for a given tab.
      const param = new URLSearchParams(location.search).get('tab');
      const tab = param ? await browser.tabs.get(Number(param)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (tab?.id === undefined) return {};
      // The content script knows its page's address and metadata; the extension holds no "tabs" permission.
      const info = await callTab(tab.id, { type: 'actorlens:pageInfo' }).catch(() => undefined);
      return { id: tab.id, ...(info ? { url: info.url, title: info.title, page: info } : {}) };
    },
    async spotted(tabId) {
      try {
        return await callTab(tabId, { type: 'actorlens:spotted' });
      } catch {
        return null;
      }
    },
    entity: async (id) => (await ready, repo.entity(id)),
    links: async (id) => (await ready, repo.linksOf(id)),
    pivots: async (id) => (await ready, repo.pivots(id)),
    search: async (q) => (await ready, repo.search(q)),
    settings: loadSettings,
    toggleSite: (url) => updateSettings((s) => toggleSite(s, url)),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
