/**
 * The scan yields with scheduler.yield(), whose continuations run before the tasks the page has queued. Alone, that
 * kept the page's own tasks (its load event, timers, network callbacks) waiting until the whole scan was over: the
 * page must get its turn at least every 100 ms of scanning.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('yieldToPage', () => {
  it('lets the page run its queued tasks at least every 100 ms of scanning', async () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const priority = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: priority });
    const { yieldToPage } = await import('../../../src/content/yield');
    /** For each yield of a scan whose slices take 12 ms: did the page get its turn? */
    const turns: boolean[] = [];
    for (let i = 0; i < 30; i++) {
      const before = priority.mock.calls.length;
      await yieldToPage();
      turns.push(priority.mock.calls.length === before);
      now += 12;
    }
    // the page never waits more than 100 ms and the slice under way
    const gaps = `${turns.join('')}true`.split('true').slice(0, -1).map((run) => run.split('false').length - 1);
    expect(gaps.length).toBeGreaterThan(2);
    expect(Math.max(...gaps) * 12).toBeLessThanOrEqual(100 + 12);
    // and the scan keeps the priority it has between turns
    expect(turns.filter(Boolean).length).toBeLessThan(10);
  });
});
