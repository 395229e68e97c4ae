/** An OptionsBackend for unit tests: fake-indexeddb database, in-memory settings, in-page parsing. */
import { vi } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import type { ImportUndo } from '../../../src/core/db/import-export';
import { Repository } from '../../../src/core/db/repository';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings';
import type { OptionsBackend } from '../../../src/options/backend';
import { analyseInPage } from '../../../src/options/import/parse';

export const NOW = new Date('2026-11-20T12:00:00.000Z');

export type FakeBackend = OptionsBackend & { settings: () => Settings; downloads: { name: string; text: string }[] };

export function fakeBackend(options: { seed?: boolean; settings?: Partial<Settings>; repo?: Repository } = {}): FakeBackend {
  const repo = options.repo ?? new Repository(new ActorLensDb(`options-${Math.random()}`));
  const ready = options.seed === false ? Promise.resolve() : repo.seed(bundledDataset(), BUNDLED_VERSION);
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const listeners = new Set<(s: Settings) => void>();
  let undo: ImportUndo | undefined;
  const downloads: { name: string; text: string }[] = [];
  return {
    repo,
    ready,
    settings: () => settings,
    downloads,
    loadSettings: async () => settings,
    updateSettings: vi.fn(async (change: (s: Settings) => Settings) => {
      settings = change(settings);
      for (const l of listeners) l(settings);
      return settings;
    }),
    onSettingsChanged(cb, signal) {
      listeners.add(cb);
      signal.addEventListener('abort', () => listeners.delete(cb));
    },
    analyse: (text, fileName) => analyseInPage(repo, text, fileName, NOW),
    requestOrigin: vi.fn(async () => true),
    fetchText: vi.fn(async () => {
      throw new Error('offline');
    }),
    download: (name, text) => {
      downloads.push({ name, text });
    },
    lastUndo: {
      get: async () => undo,
      set: async (u) => {
        undo = u;
      },
      remove: async () => {
        undo = undefined;
      },
    },
    now: () => NOW,
  };
}
