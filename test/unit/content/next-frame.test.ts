// @vitest-environment happy-dom
/**
 * Waiting for a frame before the highlights are shown must never hold the scan up: a hidden page renders no frames,
 * and a frame that does not come within 100 ms is not waited for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextFrame } from '../../../src/content/yield';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('nextFrame', () => {
  it('goes on at once in a hidden page, asking for no frame', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    await nextFrame(document);
    expect(raf).not.toHaveBeenCalled();
  });

  it('waits for the frame, then a task', async () => {
    vi.useFakeTimers();
    let frame: FrameRequestCallback | undefined;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => ((frame = cb), 1));
    let done = false;
    void nextFrame(document).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(false);
    frame!(performance.now());
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('gives up on a frame that does not come within 100 ms', async () => {
    vi.useFakeTimers();
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    let done = false;
    void nextFrame(document).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(done).toBe(true);
  });
});
