/**
 * The storage.local keys the content scripts read, in a module that imports nothing: content-early.js (every page and
 * frame, at document_start) needs only these names, and importing them from the modules that read the values pulled
 * the matcher's modules and the settings' rules into it (78 KB unminified, 1.9–2.2 ms of main-thread time to evaluate
 * in traces, before the page's body is parsed).
 */
export const SETTINGS_KEY = 'settings';
export const DICTIONARY_KEY = 'dictionary';
export const PREFILTER_KEY = 'prefilter';
/** The origins of the pages the reader's claims were recorded on (background/claim-origins.ts). */
export const CLAIM_ORIGINS_KEY = 'claimOrigins';
