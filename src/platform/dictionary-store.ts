/**
 * The compiled dictionary and its prefilter in storage.local. The background writes them once per data version;
 * content scripts read them directly, so loading a page never wakes the background (a woken service worker must
 * open IndexedDB and compile ≈10,000 names first) and the page's text never leaves its content script.
 *
 * The dictionary is stored as one JSON string: storage hands a string over as one copy, where an object of
 * 10,000-element arrays is rebuilt value by value. Readers key on the prefilter's version (all are written in
 * one `set`; content scripts read the prefilter first and the dictionary only when some text gets past it).
 */
import { PREFILTER_FORMAT, parseDictionary, storedForm, type CompiledDictionary, type CompiledPrefilter } from '../core/matcher/index';
import { browser } from './browser';
import { DICTIONARY_KEY, PREFILTER_KEY } from './storage-keys';

export { DICTIONARY_KEY, PREFILTER_KEY };
/**
 * The published version with the prefilter's format, written with the two: the background checks it on every wake,
 * and the prefilter (≈ 0.2 MB with its packed tables) is not worth reading for that.
 */
export const VERSION_KEY = 'dictionaryVersion';
/** How the dictionary's text is written (asciiJson, with `trie`): a stamp without it makes the background publish it again so. */
const TEXT_FORM = 'ascii+trie';
const stamp = (version: string) => `${version}#${PREFILTER_FORMAT}#${TEXT_FORM}`;

/** A prefilter in this version's layout; one stored by an earlier version reads as none, so it is published again. */
function isPrefilter(value: unknown): value is CompiledPrefilter {
  const p = value as CompiledPrefilter | undefined;
  return !!p && typeof p.version === 'string' && (typeof p.sigs === 'string' || typeof p.packed === 'string') && p.format === PREFILTER_FORMAT;
}

/** The stored prefilter value, if it is one. */
export const prefilterFrom = (value: unknown): CompiledPrefilter | undefined => (isPrefilter(value) ? value : undefined);
/** The stored dictionary value, if it is dictionary text. */
export const dictionaryTextFrom = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export async function readPrefilter(): Promise<CompiledPrefilter | undefined> {
  return prefilterFrom((await browser.storage.local.get(PREFILTER_KEY))[PREFILTER_KEY]);
}

/** The stored dictionary as text: cheap to fetch, parsed only when some text needs it (`parseDictionary`). */
export async function readDictionaryText(): Promise<string | undefined> {
  return dictionaryTextFrom((await browser.storage.local.get(DICTIONARY_KEY))[DICTIONARY_KEY]);
}

export async function readDictionary(): Promise<CompiledDictionary | undefined> {
  const text = await readDictionaryText();
  return text === undefined ? undefined : parseDictionary(text);
}

/**
 * The version of the published dictionary, in this version's prefilter format. `whole`: from the prefilter itself,
 * for when a content script found storage without a usable one (the small key alone could outlive it).
 */
export async function storedVersion(whole = false): Promise<string | undefined> {
  if (whole) return (await readPrefilter())?.version;
  const value = (await browser.storage.local.get(VERSION_KEY))[VERSION_KEY];
  const suffix = stamp('');
  return typeof value === 'string' && value.endsWith(suffix) ? value.slice(0, -suffix.length) : undefined;
}

/**
 * JSON text of `value` in ASCII only: every other character written as a \u escape, which JSON.parse reads back the
 * same. The dictionary's text crosses from storage into every top frame's content script; held in ASCII the browser
 * hands it over as a one-byte string (its `fanout` alone is 60,000 characters above U+00FF, which made the whole text
 * two-byte: twice the memory, and the slow path of the browser's UTF-8 decoding).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const NOT_ASCII = /[\u0080-\uffff]/g;

/** With the trie's tables packed where content scripts can decode them instead of building them (trie-tables.ts). */
export async function writeCompiled(dict: CompiledDictionary, prefilter: CompiledPrefilter): Promise<void> {
  await browser.storage.local.set({ [DICTIONARY_KEY]: asciiJson(storedForm(dict)), [PREFILTER_KEY]: prefilter, [VERSION_KEY]: stamp(dict.version) });
}

/** Calls back with the new version whenever the background publishes another dictionary. */
export function onDictionaryChanged(callback: (version: string) => void): void {
  browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[PREFILTER_KEY]?.newValue;
    if (area === 'local' && isPrefilter(next)) callback(next.version);
  });
}
