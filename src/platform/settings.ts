/** Reader preferences in storage.local under one key; changes reach every open tab through onChanged. */
import { withDefaults, type Settings } from '../core/settings';
import { browser } from './browser';
import { SETTINGS_KEY } from './storage-keys';

export { SETTINGS_KEY };

export async function loadSettings(): Promise<Settings> {
  return settingsFrom((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Settings from the stored value (missing or partial values get their defaults). */
export function settingsFrom(stored: unknown): Settings {
  return withDefaults(stored as Partial<Settings> | undefined);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** Calls back with the new settings whenever they change; stops when the signal aborts. */
export function onSettingsChanged(callback: (s: Settings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(settingsFrom(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
