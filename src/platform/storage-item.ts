/** One JSON value in storage.local under a fixed key (for page-owned state that is not a reader preference). */
import { browser } from './browser';

export interface StorageItem<T> {
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

export function storageItem<T>(key: string): StorageItem<T> {
  return {
    get: async () => (await browser.storage.local.get(key))[key] as T | undefined,
    set: (value) => browser.storage.local.set({ [key]: value }),
    remove: () => browser.storage.local.remove(key),
  };
}
