/** Giving the page its main thread back between slices of work. */
type Scheduler = { yield?: () => Promise<void> };
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/**
 * scheduler.yield() where present, else a message (not clamped like timers). A scheduler.yield() continuation runs
 * before tasks already queued (the page's input and rendering still come first).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (s?.yield) return s.yield();
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
