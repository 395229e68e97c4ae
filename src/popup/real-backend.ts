/** The popup's backend in the extension: active tab (or ?tab=<id> for tests), content script, database. */
import { openDb } from '../core/db/database';
import { Repository } from '../core/db/repository';
import { toggleSite } from '../core/settings';
import { browser } from '../platform/browser';
import { callTab, claimsChangedAfterChange, publishAfterChange } from '../platform/messaging';
import { loadSettings, updateSettings } from '../platform/settings';
import { storageItem } from '../platform/storage-item';
import type { PopupBackend, StoredDraft } from './backend';
import { repositoryBackend } from './repo-backend';

/**
 * The background seeds the bundled dataset on install and update. Only when the popup wins that race on a
 * fresh profile does it seed itself; the dataset is imported lazily so it is not parsed on every opening.
 */
async function seedIfEmpty(repo: Repository): Promise<void> {
  if (await repo.db.meta.get('bundledVersion')) return;
  const { bundledDataset, BUNDLED_VERSION } = await import('../core/data/index');
  await repo.seed(bundledDataset(), BUNDLED_VERSION);
}

export function realBackend(): PopupBackend {
  // A page of an origin with no claims does not ask for passages (background/claim-origins.ts): the repository says
  // when claims came or went.
  const repo = new Repository(openDb(), publishAfterChange, claimsChangedAfterChange);
  const ready = seedIfEmpty(repo).catch(() => undefined);
  return {
    ...repositoryBackend(repo, ready),
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
    async rescan(tabId) {
      await callTab(tabId, { type: 'actorlens:rescan' }).catch(() => undefined);
    },
    settings: loadSettings,
    toggleSite: (url) => updateSettings((s) => toggleSite(s, url)),
    resume: () => updateSettings((s) => ({ ...s, paused: false })),
    openOptions: () => void browser.runtime.openOptionsPage(),
    // storage.local, like every other piece of ActorLens data: it stays on this device, and is removed once the claim
    // is saved or the reader cancels it.
    draft: storageItem<StoredDraft>('popupClaimDraft'),
  };
}
