/**
 * Storage reads begun at document_start: the content script gets the values read then, each once, and reads
 * storage itself when a value changed in between, when early.js did not run, or when the value was already taken.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
const reads: string[][] = [];
const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
const storage = {
  local: {
    get: async (key: string | string[]) => {
      const keys = Array.isArray(key) ? key : [key];
      reads.push(keys);
      return Object.fromEntries(keys.filter((k) => store.has(k)).map((k) => [k, structuredClone(store.get(k))]));
    },
  },
  onChanged: {
    addListener: (l: (typeof listeners)[number]) => listeners.push(l),
    removeListener: (l: (typeof listeners)[number]) => listeners.splice(listeners.indexOf(l), 1),
  },
};
// content-early.js reads through the browser's own API, the content script through the polyfill: one storage.
vi.mock('../../../src/platform/browser', () => ({ browser: { storage } }));
vi.mock('../../../src/platform/native-storage', () => ({ nativeStorage: () => storage }));

const { beginEarlyReads, earlyOr, dropEarly } = await import('../../../src/content/early-reads');
const { PREFILTER_FORMAT } = await import('../../../src/core/matcher/index');
const { CLAIM_ORIGINS_KEY } = await import('../../../src/platform/storage-keys');
const { SETTINGS_KEY, loadSettings, settingsFrom } = await import('../../../src/platform/settings');
const { DICTIONARY_KEY, PREFILTER_KEY, dictionaryTextFrom, prefilterFrom, readDictionaryText, readPrefilter } = await import('../../../src/platform/dictionary-store');

const change = (key: string, value: unknown) => {
  store.set(key, value);
  for (const l of listeners) l({ [key]: { newValue: value } }, 'local');
};
const settings = () => earlyOr(SETTINGS_KEY, settingsFrom, loadSettings);
const prefilter = () => earlyOr(PREFILTER_KEY, prefilterFrom, readPrefilter);
const dictionary = () => earlyOr(DICTIONARY_KEY, dictionaryTextFrom, readDictionaryText);

describe('early reads', () => {
  beforeEach(() => {
    store.clear();
    reads.length = 0;
    listeners.length = 0;
    delete (globalThis as Record<string, unknown>).__actorlensEarlyReads;
    store.set(SETTINGS_KEY, { paused: true });
    store.set(PREFILTER_KEY, { version: 'v1', format: PREFILTER_FORMAT, sigs: 'lazarus' });
    store.set(DICTIONARY_KEY, '{"version":"v1"}');
  });

  it('hands the content script what was read at document_start, in two reads, each value once', async () => {
    beginEarlyReads(true);
    expect(reads).toEqual([[SETTINGS_KEY, CLAIM_ORIGINS_KEY, PREFILTER_KEY], [DICTIONARY_KEY]]);
    expect((await settings()).paused).toBe(true);
    expect((await prefilter())?.version).toBe('v1');
    expect(await dictionary()).toBe('{"version":"v1"}');
    expect(reads).toHaveLength(2);
    // A second ask (after a new dictionary was published, say) reads storage again.
    expect(await dictionary()).toBe('{"version":"v1"}');
    expect(reads).toHaveLength(3);
  });

  it('does not hand over a value that changed after the early read', async () => {
    beginEarlyReads(true);
    change(SETTINGS_KEY, { paused: false });
    change(PREFILTER_KEY, { version: 'v2', format: PREFILTER_FORMAT, sigs: 'lazarus' });
    expect((await settings()).paused).toBe(false);
    expect((await prefilter())?.version).toBe('v2');
  });

  it('reads storage itself when early.js did not run, and leaves the prefilter and the dictionary to other frames', async () => {
    expect((await settings()).paused).toBe(true);
    beginEarlyReads(false);
    expect(reads.at(-1)).toEqual([SETTINGS_KEY, CLAIM_ORIGINS_KEY]);
    expect((await settings()).paused).toBe(true);
    expect(reads).toHaveLength(2);
    // A child frame that has text asks for the prefilter then, from storage.
    expect((await prefilter())?.version).toBe('v1');
    expect(reads.at(-1)).toEqual([PREFILTER_KEY]);
    expect(await dictionary()).toBe('{"version":"v1"}');
    expect(reads.at(-1)).toEqual([DICTIONARY_KEY]);
  });

  it('says which values the content script took from the early reads: none when those failed', async () => {
    const fresh = async () => {
      vi.resetModules();
      delete (globalThis as Record<string, unknown>).__actorlensEarlyReads;
      return import('../../../src/content/early-reads');
    };
    let early = await fresh();
    early.beginEarlyReads(true);
    change(PREFILTER_KEY, { version: 'v2', format: PREFILTER_FORMAT, sigs: 'lazarus' });
    await early.earlyOr(SETTINGS_KEY, settingsFrom, loadSettings);
    await early.earlyOr(PREFILTER_KEY, prefilterFrom, readPrefilter);
    expect(early.keysTakenEarly()).toEqual([SETTINGS_KEY]);

    early = await fresh();
    const get = storage.local.get;
    storage.local.get = () => Promise.reject(new Error('storage is not there yet'));
    try {
      early.beginEarlyReads(true);
    } finally {
      storage.local.get = get;
    }
    expect((await early.earlyOr(SETTINGS_KEY, settingsFrom, loadSettings)).paused).toBe(true);
    expect(early.keysTakenEarly()).toEqual([]);
  });

  it('reads a prefilter stored by an earlier version as none, so the background publishes a new one', async () => {
    store.set(PREFILTER_KEY, { version: 'v0', sigs: 'lazarus\u0000gru' });
    expect(await prefilter()).toBeUndefined();
    expect(prefilterFrom(store.get(PREFILTER_KEY))).toBeUndefined();
  });

  it('lets go of the dictionary text and its storage listener when the first scan is over', async () => {
    beginEarlyReads(true);
    expect(listeners).toHaveLength(1);
    dropEarly();
    expect(listeners).toHaveLength(0);
    store.set(DICTIONARY_KEY, '{"version":"v3"}');
    expect(await dictionary()).toBe('{"version":"v3"}');
  });
});

describe('claim origins', () => {
  beforeEach(() => {
    store.clear();
    reads.length = 0;
    listeners.length = 0;
    delete (globalThis as Record<string, unknown>).__actorlensEarlyReads;
  });

  it('let a page ask for its passages only where its origin has claims, or when no list is stored yet', async () => {
    const fresh = async () => {
      vi.resetModules();
      const early = await import('../../../src/content/early-reads');
      const gate = await import('../../../src/content/claim-origins');
      delete (globalThis as Record<string, unknown>).__actorlensEarlyReads;
      early.beginEarlyReads(false);
      gate.takeClaimOrigins();
      return gate.mayHaveClaims;
    };
    expect(await (await fresh())(['https://news.example'])).toBe(true); // nothing stored: ask, as before
    store.set(CLAIM_ORIGINS_KEY, ['https://news.example', 'null']);
    let may = await fresh();
    const before = reads.length;
    expect(await may(['https://shop.example', 'https://shop.example'])).toBe(false);
    expect(reads.length).toBe(before); // the early read's answer, no read of its own
    may = await fresh();
    expect(await may(['null', 'https://news.example'])).toBe(true); // a srcdoc frame of a page with claims
    // later answers read storage again: a claim recorded meanwhile counts
    store.set(CLAIM_ORIGINS_KEY, ['https://shop.example']);
    expect(await may(['https://shop.example', 'https://shop.example'])).toBe(true);
  });
});
