/** Giving the page its main thread back between slices of work. */
type Scheduler = { yield?: () => Promise<void> };
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/**
 * How long the page's own queued tasks may wait behind the scan. A scheduler.yield() continuation runs before tasks
 * already queued (only input and rendering come first), so a scan yielding that way alone kept the page's tasks
 * waiting until it ended: its load event fired 550–740 ms after DOMContentLoaded on the 1 MB page of bench:page and
 * 130–420 ms on a 100 KB page with no names (2–34 ms without ActorLens), and its timers and network callbacks with it.
 * Not at the scan's first yield: a page read within this time (most are) then pays nothing for it (a turn at once,
 * with the page's load-time work inside the scan, made the 100 KB pages' time to done 30–85 % longer).
 */
const PAGE_TURN_MS = 100;
/** When the page last had its turn (the scan's first yield starts the count). */
let pageTurn: number | undefined;

/**
 * scheduler.yield() where present, else a message (not clamped like timers); and behind the tasks already queued
 * whenever the page has waited PAGE_TURN_MS since it last had its turn.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  const now = performance.now();
  pageTurn ??= now;
  if (s?.yield && now - pageTurn < PAGE_TURN_MS) return s.yield();
  pageTurn = now;
  return yieldBehindQueue();
}

/** Continues after every task already queued (a message to ourselves), e.g. the reply to a storage read. */
export function yieldBehindQueue(): Promise<void> {
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/**
 * After the next frame is rendered (an animation frame, then a task). A hidden page renders no frames: there, and at
 * the latest after 100 ms, it goes on without.
 */
export function nextFrame(doc: Document): Promise<void> {
  if (doc.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
