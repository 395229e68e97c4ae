/** The options page's backend in the extension: its own database handle, storage.local, a parse worker. */
import { bundledDataset, BUNDLED_VERSION } from '../core/data/index';
import { openDb } from '../core/db/database';
import type { ImportUndo } from '../core/db/import-export';
import { Repository } from '../core/db/repository';
import { requestOriginFor } from '../platform/permissions';
import { claimsChangedAfterChange, publishAfterChange } from '../platform/messaging';
import { loadSettings, onSettingsChanged, updateSettings } from '../platform/settings';
import { storageItem } from '../platform/storage-item';
import type { OptionsBackend } from './backend';
import { analyseInPage, analyseInWorker } from './import/parse';
import { readResponseText } from './import/read-file';

export function realBackend(): OptionsBackend {
  const repo = new Repository(openDb(), publishAfterChange, claimsChangedAfterChange);
  // The background seeds on install; seeding here too covers a page opened before it finished.
  const ready = repo.seed(bundledDataset(), BUNDLED_VERSION).catch(() => false);
  return {
    repo,
    ready,
    loadSettings,
    updateSettings,
    onSettingsChanged,
    analyse: (text, fileName) => {
      const now = new Date();
      return typeof Worker === 'function' ? analyseInWorker(text, fileName, now).catch(() => analyseInPage(repo, text, fileName, now)) : analyseInPage(repo, text, fileName, now);
    },
    requestOrigin: requestOriginFor,
    async fetchText(url, onProgress, signal) {
      const response = await fetch(url, { signal, credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      return readResponseText(response, onProgress, signal);
    },
    download(fileName, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    lastUndo: storageItem<ImportUndo>('lastImportUndo'),
    now: () => new Date(),
  };
}
