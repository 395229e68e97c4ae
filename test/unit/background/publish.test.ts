/**
 * The background publishes the compiled dictionary to storage.local for content scripts: once per data version,
 * again after any change, and what it publishes is what a content script can read back and match with.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { store, writes } from './storage-stub';

vi.mock('../../../src/platform/browser', async () => (await import('./storage-stub')).browserModule);

const { publishDictionary, repo } = await import('../../../src/background/knowledge');
const { readDictionary, readPrefilter } = await import('../../../src/platform/dictionary-store');
const { COMPILE_REVISION, createMatcher, createPrefilter } = await import('../../../src/core/matcher/index');
const { BUNDLED_VERSION } = await import('../../../src/core/data/index');

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('publishDictionary', () => {
  beforeEach(() => {
    writes.length = 0;
  });

  it('seeds, compiles once per data version, and publishes a dictionary content scripts can match with', async () => {
    const version = await publishDictionary();
    await settle();
    expect(version).toMatch(new RegExp(`^${BUNDLED_VERSION}/r${COMPILE_REVISION}/\\d+$`));
    expect((await readPrefilter())?.version).toBe(version);
    const dict = await readDictionary();
    expect(dict?.version).toBe(version);
    const text = 'Analysts tied the intrusion and its phishing malware to the Lazarus Group and its TrickBot access.';
    expect(createMatcher(dict!).match(text).map((m) => m.name)).toEqual(['Lazarus Group', 'TrickBot']);
    expect(createPrefilter((await readPrefilter())!).mayMatch(text)).toBe(true);
    const published = writes.length;
    expect(published).toBeGreaterThan(0);
    // Nothing moved: nothing is compiled or written again.
    expect(await publishDictionary()).toBe(version);
    expect(writes.length).toBe(published);
  });

  it('compiles again when the rules changed (an update) though the data did not', async () => {
    const version = await publishDictionary();
    await settle();
    // What an earlier release published for the same data: the version without this compiler's revision.
    const older = version.replace(`/r${COMPILE_REVISION}/`, '/');
    store.set('dictionaryVersion', older);
    store.set('prefilter', { ...(store.get('prefilter') as object), version: older });
    writes.length = 0;
    expect(await publishDictionary()).toBe(version);
    expect(writes.length).toBe(1);
    expect((await readPrefilter())?.version).toBe(version);
  });

  it('publishes again after a change, and calls made meanwhile end with the newest data', async () => {
    const before = await publishDictionary();
    await repo.addEntity({ name: 'Quiet Heron', kind: 'actor' }); // the repository's hook publishes after commit
    await Promise.all([publishDictionary(), publishDictionary(), publishDictionary()]);
    await settle();
    const after = (await readPrefilter())?.version;
    expect(after).not.toBe(before);
    const dict = await readDictionary();
    expect(dict?.version).toBe(after);
    expect(createMatcher(dict!).match('a report on the threat actor Quiet Heron').map((m) => m.name)).toEqual(['Quiet Heron']);
    expect(writes.every((keys) => keys.join() === 'dictionary,dictionaryVersion,prefilter')).toBe(true); // in one write, always
  });

  it('publishes the dictionary text in ASCII, which reads back as compiled, names in other scripts included', async () => {
    await repo.addEntity({ name: 'Тихая Цапля', kind: 'actor' });
    await publishDictionary();
    await settle();
    const text = store.get('dictionary') as string;
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    const dict = await readDictionary();
    expect(dict?.aliases).toContain('Тихая Цапля');
    // the trie's child counts are characters above U+00FF: they come back whole
    expect(dict?.fanout.length).toBe((dict?.edges.length ?? 0) + 1);
    expect(createMatcher(dict!).match('The threat actor Тихая Цапля sent phishing mail with malware.').map((m) => m.name)).toEqual(['Тихая Цапля']);
  });

  it('publishes again over a text an earlier release stored in its own form', async () => {
    const version = await publishDictionary();
    await settle();
    store.set('dictionaryVersion', (store.get('dictionaryVersion') as string).replace(/#[^#]*$/, ''));
    writes.length = 0;
    expect(await publishDictionary()).toBe(version);
    expect(writes.length).toBe(1);
    expect(store.get('dictionary') as string).toMatch(/^[\x20-\x7e]*$/);
  });

  it('checks a wake against the small version key, and a content script’s request against the prefilter itself', async () => {
    const version = await publishDictionary();
    await settle();
    const reads: string[] = [];
    const { browser } = await import('../../../src/platform/browser');
    const get = browser.storage.local.get;
    browser.storage.local.get = (async (key: string | string[]) => {
      reads.push(...(Array.isArray(key) ? key : [key]));
      return get(key);
    }) as typeof get;
    try {
      expect(await publishDictionary()).toBe(version);
      expect(reads).toEqual(['dictionaryVersion']);
      // The prefilter went (storage cleared in part): a wake does not notice, the content script's request does.
      store.delete('prefilter');
      writes.length = 0;
      await publishDictionary();
      expect(writes.length).toBe(0);
      expect(await publishDictionary(true)).toBe(version);
      expect(writes.length).toBe(1);
      expect((await readPrefilter())?.version).toBe(version);
    } finally {
      browser.storage.local.get = get;
    }
  });
});
