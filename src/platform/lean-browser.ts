/**
 * What content.js bundles in place of webextension-polyfill (scripts/build.mjs aliases it for that bundle alone). The
 * content script runs in every page and frame, and the polyfill's evaluation was the largest module of it (≈ 0.2 ms a
 * frame in a warm renderer, 1.1–1.2 ms in a new site's first page, 10 KB to compile). Firefox has `browser`, taken as
 * it is (as the polyfill does). In Chromium only what the content script calls is wrapped, the way the polyfill wraps
 * it, because the background still speaks the polyfill's protocol:
 * - a message answered by no listener resolves to undefined, and a reply the polyfill marks as a rejection rejects;
 * - a listener may return a promise: its value is sent back, its rejection as the polyfill's mark.
 * Storage and i18n answer with promises or synchronously in Chromium as they are.
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type Respond = (reply: unknown) => void;
interface Chrome {
  runtime: {
    id?: string;
    lastError?: { message?: string };
    sendMessage(message: unknown, callback: (reply: unknown) => void): void;
    onMessage: {
      addListener(listener: (message: unknown, sender: unknown, respond: Respond) => boolean | undefined): void;
      removeListener(listener: unknown): void;
    };
  };
  storage: unknown;
  i18n: unknown;
}

/** The polyfill's mark of a rejected reply (its wire format, both ways). */
const REJECT = '__mozWebExtensionPolyfillReject__';
/** Chromium's lastError when the listeners did not answer: the polyfill (and Firefox) resolve to undefined then. */
const NO_RESPONSE = 'The message port closed before a response was received.';

const isThenable = (value: unknown): value is PromiseLike<unknown> => !!value && typeof (value as { then?: unknown }).then === 'function';

function wrapChrome(chrome: Chrome): unknown {
  const wrapped = new WeakMap<Listener, Parameters<Chrome['runtime']['onMessage']['addListener']>[0]>();
  const runtime = {
    id: chrome.runtime.id,
    sendMessage: (message: unknown) =>
      new Promise((resolve, reject) => {
        chrome.runtime.sendMessage(message, (reply) => {
          const error = chrome.runtime.lastError;
          if (error) {
            if (error.message === NO_RESPONSE) resolve(undefined);
            else reject(new Error(error.message));
          } else if (reply && (reply as Record<string, unknown>)[REJECT]) {
            reject(new Error(String((reply as { message?: unknown }).message)));
          } else resolve(reply);
        });
      }),
    onMessage: {
      addListener(listener: Listener) {
        const onMessage = (message: unknown, sender: unknown, respond: Respond) => {
          let result: unknown;
          try {
            result = listener(message, sender);
          } catch (error) {
            result = Promise.reject(error);
          }
          if (!isThenable(result)) return false;
          result.then(respond, (error: unknown) => {
            const text = error && typeof (error as { message?: unknown }).message === 'string' ? (error as Error).message : 'An unexpected error occurred';
            respond({ [REJECT]: true, message: text });
          });
          return true;
        };
        wrapped.set(listener, onMessage);
        chrome.runtime.onMessage.addListener(onMessage);
      },
      removeListener(listener: Listener) {
        chrome.runtime.onMessage.removeListener(wrapped.get(listener));
      },
    },
  };
  return { runtime, storage: chrome.storage, i18n: chrome.i18n };
}

const g = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: Chrome };
const browser = g.browser?.runtime?.id ? g.browser : g.chrome?.runtime?.id ? wrapChrome(g.chrome) : undefined;
if (!browser) throw new Error('This script should only be loaded in a browser extension.');

export default browser;
