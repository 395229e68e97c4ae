/**
 * What the content script knows of the dictionary: the prefilter, read from storage at script start, and the
 * matcher, built from the stored dictionary only once some text gets past the prefilter (a page that does not
 * concern ActorLens never loads it). Nothing here opens IndexedDB or wakes the background, unless storage holds
 * no dictionary yet (first run, or storage was cleared): then the background is asked to publish one.
 */
import { createMatcher, createPrefilter, parseDictionary, type Matcher, type Prefilter } from '../core/matcher/index';
import { DICTIONARY_KEY, PREFILTER_KEY, dictionaryTextFrom, prefilterFrom, readDictionary, readDictionaryText, readPrefilter } from '../platform/dictionary-store';
import { dropEarly, earlyOr } from './early-reads';
import { callBackground } from '../platform/messaging';
import { yieldToPage } from './yield';

let prefilter: Promise<Prefilter | undefined> | undefined;
let matcher: Promise<Matcher | undefined> | undefined;
let prefetched: Promise<string | undefined> | undefined;

/**
 * Fetches the stored dictionary's text now, in parallel with the settings and the prefilter, so a page that needs it
 * does not wait for a second read; it is parsed only if some text gets past the prefilter. Worth it in the top
 * frame (where the reader is); other frames read it only when they need it.
 */
export function prefetchDictionary(): void {
  prefetched ??= earlyOr(DICTIONARY_KEY, dictionaryTextFrom, readDictionaryText).catch(() => undefined);
}

async function publish(): Promise<void> {
  await callBackground({ type: 'actorlens:publishDictionary' });
}

/** The prefilter, or undefined when there is no dictionary at all (the scan then finds nothing). */
export function loadPrefilter(): Promise<Prefilter | undefined> {
  prefilter ??= (async () => {
    let stored = await earlyOr(PREFILTER_KEY, prefilterFrom, readPrefilter);
    if (!stored) {
      await publish();
      stored = await readPrefilter();
    }
    return stored ? createPrefilter(stored) : undefined;
  })().catch(() => {
    prefilter = undefined;
    return undefined;
  });
  return prefilter;
}

/** Time spent building the matcher (ms), for the scan's statistics. */
export let buildMs = 0;

/**
 * The matcher. Should the stored dictionary be newer than the prefilter (published between the two reads), it is
 * used all the same: the change notice that follows makes the page scan again with both.
 */
export function loadMatcher(): Promise<Matcher | undefined> {
  matcher ??= (async () => {
    const text = prefetched ? await prefetched : undefined;
    prefetched = undefined;
    let dict = text === undefined ? await readDictionary() : parseDictionary(text);
    if (!dict) {
      await publish();
      dict = await readDictionary();
    }
    if (!dict) return undefined;
    await yieldToPage(); // reading and building are two tasks, each well under 50 ms
    const t0 = performance.now();
    const built = createMatcher(dict);
    buildMs = performance.now() - t0;
    return built;
  })().catch(() => {
    matcher = undefined;
    return undefined;
  });
  return matcher;
}

/** Lets go of the prefetched text once the first scan is over (a page that never needed it should not keep it). */
export function releasePrefetched(): void {
  prefetched = undefined;
  dropEarly();
}

/** Drops both, so the next scan reads the newly published dictionary. */
export function forgetKnowledge(): void {
  prefilter = undefined;
  matcher = undefined;
  prefetched = undefined;
}
