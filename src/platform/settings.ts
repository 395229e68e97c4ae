/** Reader preferences in storage.local under one key; changes reach every open tab through onChanged. */
import { withDefaults, type Settings } from '../core/settings';
import { browser } from './browser';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return withDefaults(stored);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** Calls back with the new settings whenever they change; stops when the signal aborts. */
export function onSettingsChanged(callback: (s: Settings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback(withDefaults(changes[KEY]?.newValue as Partial<Settings> | undefined));
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
