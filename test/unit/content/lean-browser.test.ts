/**
 * content.js's stand-in for webextension-polyfill (src/platform/lean-browser.ts) must keep the polyfill's message
 * protocol, which the background (still on the polyfill) speaks: a card request the background fails must reject
 * in the page, a question a page's handler fails must reject in the background, a frame that does not answer must
 * read as undefined.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Respond = (reply: unknown) => void;
type RawListener = (message: unknown, sender: unknown, respond: Respond) => boolean | undefined;
const REJECT = '__mozWebExtensionPolyfillReject__';

/** A stand-in for Chromium's callback API: `answer` decides what a sent message gets back. */
function fakeChrome(answer: (message: unknown) => { reply?: unknown; error?: string }) {
  const listeners: RawListener[] = [];
  const runtime = {
    id: 'test-extension',
    lastError: undefined as { message: string } | undefined,
    sendMessage(message: unknown, callback: (reply: unknown) => void) {
      const { reply, error } = answer(message);
      queueMicrotask(() => {
        runtime.lastError = error ? { message: error } : undefined;
        callback(reply);
        runtime.lastError = undefined;
      });
    },
    onMessage: {
      addListener: (l: RawListener) => void listeners.push(l),
      removeListener: (l: RawListener) => void listeners.splice(listeners.indexOf(l), 1),
    },
  };
  return { chrome: { runtime, storage: { local: {} }, i18n: { getMessage: (key: string) => `msg:${key}` } }, listeners };
}

async function load(globals: Record<string, unknown>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(globals)) vi.stubGlobal(key, value);
  return (await import('../../../src/platform/lean-browser')).default as {
    runtime: { sendMessage(m: unknown): Promise<unknown>; onMessage: { addListener(l: (m: unknown, s: unknown) => unknown): void; removeListener(l: unknown): void } };
    storage: unknown;
    i18n: { getMessage(key: string): string };
  };
}

/** Delivers a message to the registered listeners as Chromium does; resolves with what was sent back, if anything. */
function deliver(listeners: RawListener[], message: unknown): { keptOpen: boolean; reply: Promise<unknown> } {
  let respond!: Respond;
  const reply = new Promise((resolve) => (respond = resolve));
  const keptOpen = listeners.map((l) => l(message, { id: 'sender' }, respond)).some((r) => r === true);
  return { keptOpen, reply };
}

afterEach(() => vi.unstubAllGlobals());

describe('lean-browser (Chromium)', () => {
  it('resolves a reply, resolves undefined when no listener answered, rejects a marked rejection and other errors', async () => {
    const { chrome } = fakeChrome((m) => {
      const type = (m as { type: string }).type;
      if (type === 'ok') return { reply: { cards: 2 } };
      if (type === 'silent') return { error: 'The message port closed before a response was received.' };
      if (type === 'failed') return { reply: { [REJECT]: true, message: 'no such entity' } };
      return { error: 'Could not establish connection. Receiving end does not exist.' };
    });
    const browser = await load({ browser: undefined, chrome });
    await expect(browser.runtime.sendMessage({ type: 'ok' })).resolves.toEqual({ cards: 2 });
    await expect(browser.runtime.sendMessage({ type: 'silent' })).resolves.toBeUndefined();
    await expect(browser.runtime.sendMessage({ type: 'failed' })).rejects.toThrow('no such entity');
    await expect(browser.runtime.sendMessage({ type: 'gone' })).rejects.toThrow('Receiving end does not exist');
  });

  it('answers with what a listener’s promise gives, marks its rejection, and leaves other messages to other listeners', async () => {
    const { chrome, listeners } = fakeChrome(() => ({}));
    const browser = await load({ browser: undefined, chrome });
    const handler = (m: unknown) => {
      const type = (m as { type: string }).type;
      if (type === 'spotted') return Promise.resolve({ done: true });
      if (type === 'broken') return Promise.reject(new Error('scan failed'));
      if (type === 'throws') throw new Error('bad message');
      return undefined;
    };
    browser.runtime.onMessage.addListener(handler);
    const spotted = deliver(listeners, { type: 'spotted' });
    expect(spotted.keptOpen).toBe(true);
    await expect(spotted.reply).resolves.toEqual({ done: true });
    await expect(deliver(listeners, { type: 'broken' }).reply).resolves.toEqual({ [REJECT]: true, message: 'scan failed' });
    await expect(deliver(listeners, { type: 'throws' }).reply).resolves.toEqual({ [REJECT]: true, message: 'bad message' });
    expect(deliver(listeners, { type: 'other' }).keptOpen).toBe(false);
    browser.runtime.onMessage.removeListener(handler);
    expect(listeners).toEqual([]);
  });

  it('hands storage and i18n over as they are', async () => {
    const { chrome } = fakeChrome(() => ({}));
    const browser = await load({ browser: undefined, chrome });
    expect(browser.storage).toBe(chrome.storage);
    expect(browser.i18n.getMessage('title')).toBe('msg:title');
  });
});

describe('lean-browser (Firefox)', () => {
  it('is the browser’s own `browser` object', async () => {
    const own = { runtime: { id: 'test-extension' } };
    const browser = await load({ browser: own, chrome: undefined });
    expect(browser).toBe(own);
  });
});
