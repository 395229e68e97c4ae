/** Looking again for the reader's passages as the page changes (quote-follow.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuoteFollower } from '../../../src/content/quote-follow';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function follower(marked: () => number) {
  const paint = vi.fn(async () => 1);
  return { paint, f: new QuoteFollower<string>(paint, marked, [500, 1000, 2000]) };
}

describe('a page whose passages are not all marked', () => {
  it('is read again once after a change (a burst of changes is one look), later and later, then no more', async () => {
    const { paint, f } = follower(() => 0);
    f.follow(['a passage']);
    f.changed();
    f.changed();
    await vi.advanceTimersByTimeAsync(499);
    expect(paint).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(paint).toHaveBeenCalledTimes(1);
    f.changed();
    await vi.advanceTimersByTimeAsync(999);
    expect(paint).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(paint).toHaveBeenCalledTimes(2);
    f.changed();
    await vi.advanceTimersByTimeAsync(2000);
    expect(paint).toHaveBeenCalledTimes(3);
    // the delays are spent: a page changing all the time is not read again at every change
    f.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(paint).toHaveBeenCalledTimes(3);
    // a new view (rescan) starts again
    f.follow(['a passage']);
    f.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(paint).toHaveBeenCalledTimes(4);
  });

  it('without a change, is not read again', async () => {
    const { paint, f } = follower(() => 0);
    f.follow(['a passage']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(paint).not.toHaveBeenCalled();
  });
});

describe('nothing to look for', () => {
  it('every passage marked, no passages, or stopped', async () => {
    let marked = 1;
    const { paint, f } = follower(() => marked);
    f.follow(['a passage']);
    f.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(paint).not.toHaveBeenCalled();
    // marked when the change came, gone before the look: the look finds it marked again and does nothing
    marked = 0;
    f.changed();
    marked = 1;
    await vi.advanceTimersByTimeAsync(5000);
    expect(paint).not.toHaveBeenCalled();
    marked = 0;
    f.follow([]);
    f.changed();
    f.follow(['a passage']);
    f.changed();
    f.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(paint).not.toHaveBeenCalled();
  });
});
