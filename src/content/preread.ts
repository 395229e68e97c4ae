/**
 * Reading the page while the settings are on their way: the walk needs none of them, and on a large page it is the
 * longest part of the first scan. The pre-reader walks in slices from script start; the scanner then takes over
 * the same walk (chunks read so far, then the rest). Should the page change meanwhile, or the settings say
 * ActorLens is off here, what was read is dropped: nothing was painted, nothing is left behind.
 */
import { textChunks, type TextChunk } from './extract';

const SLICE_MS = 8;

export interface Preread {
  /** Time spent reading so far (ms). */
  readonly readMs: number;
  /** Time given back to the page between its slices (ms), and the longest such wait. */
  readonly yieldedMs: number;
  readonly longestYieldMs: number;
  /** The walk so far and its continuation, or undefined when the page changed during the pre-read. */
  take(onShadowRoot: (root: ShadowRoot) => void): Generator<TextChunk> | undefined;
  drop(): void;
}

export function preread(doc: Document, chunkChars: number, yieldToPage: () => Promise<void>): Preread {
  const root = doc.body ?? doc.documentElement;
  const read: TextChunk[] = [];
  const shadows: ShadowRoot[] = [];
  let onShadow: (s: ShadowRoot) => void = (s) => shadows.push(s);
  const walk = textChunks(root, chunkChars, (s) => onShadow(s));
  let changed = false;
  let readMs = 0;
  let yieldedMs = 0;
  let longestYieldMs = 0;
  let stopped = false;
  let finished = false;
  const observer = new MutationObserver(() => {
    changed = true;
  });
  observer.observe(doc, { childList: true, characterData: true, subtree: true });

  void (async () => {
    while (!stopped) {
      const t0 = performance.now();
      while (!stopped && performance.now() - t0 < SLICE_MS) {
        const next = walk.next();
        if (next.done) finished = true;
        else read.push(next.value);
        if (finished) break;
      }
      readMs += performance.now() - t0;
      if (finished) return;
      const y0 = performance.now();
      await yieldToPage();
      const waited = performance.now() - y0;
      yieldedMs += waited;
      if (waited > longestYieldMs) longestYieldMs = waited;
    }
  })();

  function* resume(): Generator<TextChunk> {
    yield* read;
    if (!finished) yield* walk;
  }

  return {
    get readMs() {
      return readMs;
    },
    get yieldedMs() {
      return yieldedMs;
    },
    get longestYieldMs() {
      return longestYieldMs;
    },
    take(onShadowRoot) {
      if (stopped) return undefined; // one taker only
      stopped = true;
      if (observer.takeRecords().length) changed = true;
      observer.disconnect();
      if (changed) return undefined;
      onShadow = onShadowRoot;
      for (const s of shadows) onShadowRoot(s);
      return resume();
    },
    drop() {
      stopped = true;
      observer.disconnect();
      read.length = 0;
    },
  };
}
