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
/** The dictionary version of the prefilter read (the matcher shared between frames is keyed on it). */
let prefilterVersion: string | undefined;

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
    prefilterVersion = stored?.version;
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
  matcher ??= sharedMatcher() ?? buildMatcher();
  return matcher;
}

/**
 * Property of the top window, in the content scripts' isolated world (the page never sees it), holding the matcher of
 * the frames of one origin. Every frame runs its own content script: a page of 200 same-origin frames each naming an
 * actor built 200 matchers, 565 MB of script heap against 73 MB without ActorLens, with 100–370 ms garbage-collection
 * tasks for ten seconds. Frames of the top document's origin (which the browser runs in its process and lets reach it)
 * now build one and share it; others, and a frame whose prefilter is of another dictionary version, build their own.
 */
const SHARED_KEY = '__actorlensMatcher';

interface SharedMatcher {
  version: string;
  matcher: Promise<Matcher | undefined>;
}

function topHolder(): Record<string, SharedMatcher | undefined> | undefined {
  try {
    const top = window.top as unknown as Record<string, SharedMatcher | undefined> | null;
    // Reading a property throws for a top window of another origin: that read is the test.
    if (top) {
      void top[SHARED_KEY];
      return top;
    }
  } catch {
    // another origin: build our own
  }
  return undefined;
}

/** The matcher another frame of this origin built for the dictionary version of our prefilter, if any. */
function sharedMatcher(): Promise<Matcher | undefined> | undefined {
  const version = prefilterVersion;
  const shared = version === undefined ? undefined : topHolder()?.[SHARED_KEY];
  return shared && shared.version === version ? shared.matcher : undefined;
}

function buildMatcher(): Promise<Matcher | undefined> {
  const built = (async () => {
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
  const holder = topHolder();
  if (holder && prefilterVersion !== undefined) holder[SHARED_KEY] = { version: prefilterVersion, matcher: built };
  return built;
}

/** Lets go of the prefetched text once the first scan is over (a page that never needed it should not keep it). */
export function releasePrefetched(): void {
  prefetched = undefined;
  dropEarly();
}

/** Drops both, so the next scan reads the newly published dictionary. */
export function forgetKnowledge(): void {
  prefilterVersion = undefined;
  prefilter = undefined;
  matcher = undefined;
  prefetched = undefined;
}
