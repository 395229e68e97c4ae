/** Typed helpers over runtime/tabs messaging, checked against src/core/protocol.ts. */
import type { BackgroundCalls, ContentCalls, Message, Reply } from '../core/protocol';
import { browser, type Runtime } from './browser';

export function callBackground<K extends keyof BackgroundCalls>(message: Message<BackgroundCalls, K>): Promise<Reply<BackgroundCalls, K>> {
  return browser.runtime.sendMessage(message) as Promise<Reply<BackgroundCalls, K>>;
}

export function callTab<K extends keyof ContentCalls>(tabId: number, message: Message<ContentCalls, K>, frameId = 0): Promise<Reply<ContentCalls, K>> {
  return browser.tabs.sendMessage(tabId, message, { frameId }) as Promise<Reply<ContentCalls, K>>;
}

export type Handlers<Map> = {
  [K in keyof Map]: (message: Message<Map, K>, sender: Runtime.MessageSender) => Promise<Reply<Map, K>> | Reply<Map, K>;
};

/**
 * Registers one listener that dispatches by `type`. Unknown types are ignored (returning undefined lets other
 * listeners answer), so several contexts can share the runtime channel.
 */
export function handleMessages<Map>(handlers: Handlers<Map>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (!raw || typeof raw !== 'object') return undefined;
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as keyof Map] as (m: unknown, s: typeof sender) => unknown;
    return Promise.resolve(handler(raw, sender));
  });
}

/** For a page's Repository: once its change has committed, the background publishes the new dictionary to tabs. */
export function publishAfterChange(): void {
  void callBackground({ type: 'actorlens:publishDictionary' }).catch(() => undefined);
}

/**
 * For a page's Repository: once claims were added or removed, the background writes again the list of origins whose
 * pages ask for their claims' passages (background/claim-origins.ts).
 */
export function claimsChangedAfterChange(): void {
  void callBackground({ type: 'actorlens:claimsChanged' }).catch(() => undefined);
}
