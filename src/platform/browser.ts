/**
 * The one place that imports webextension-polyfill: tests mock this module, and if the polyfill is ever
 * dropped (Chrome now ships `browser` natively) this is a one-file change.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
