/**
 * The badge after a navigation in the tab: documents still shown keep their tallies, those gone lose them; tallies
 * from a browser without document ids (Firefox) go when the tab starts loading, and stay when it completes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpottedEntity } from '../../../src/core/protocol';

const session = new Map<string, unknown>();
const badges = new Map<number, string>();
/** Documents that answer the background's "still there?", and those too busy to answer at all. */
const shown = new Set<string>();
const busy = new Set<string>();
vi.mock('../../../src/platform/browser', async () => ({
  browser: {
    storage: { session: (await import('./session-area')).sessionArea(session) },
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
    },
    tabs: {
      sendMessage: async (_tabId: number, _message: unknown, options: { documentId?: string }) => {
        if (options.documentId && shown.has(options.documentId)) return true;
        if (options.documentId && busy.has(options.documentId)) return new Promise(() => undefined);
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
  },
}));

const entity = (entityId: string): SpottedEntity => ({ entityId, name: entityId, text: entityId, count: 1 });

beforeEach(() => {
  session.clear();
  badges.clear();
  shown.clear();
  busy.clear();
  vi.resetModules();
});

describe('checkTab', () => {
  it('keeps the documents still shown, drops those gone, and badges what is left', async () => {
    const frames = await import('../../../src/background/frames');
    const { checkTab } = await import('../../../src/background/badge');
    await frames.recordFrame(1, 0, [entity('lazarus-group')], 'top');
    await frames.recordFrame(1, 7, [entity('trickbot'), entity('dridex')], 'side');
    await frames.recordFrame(1, 8, [entity('wizard-spider')], 'removed');
    shown.add('top').add('side');
    await checkTab(1, true);
    expect(badges.get(1)).toBe('3');
    expect((await frames.otherFrames(1, 0)).map((e) => e.entityId)).toEqual(['trickbot', 'dridex']);
  });

  it('tallies without a document id (Firefox) survive the page completing and go when the tab loads anew', async () => {
    const frames = await import('../../../src/background/frames');
    const { checkTab } = await import('../../../src/background/badge');
    await frames.recordFrame(2, 0, [entity('lazarus-group'), entity('ta505')]);
    await checkTab(2, false); // "complete", after the page reported
    expect(badges.get(2)).toBe('2');
    await checkTab(2, true); // "loading": a navigation
    expect(badges.get(2)).toBe('');
  });

  it('a document too busy to answer (a long script on the page) keeps its tally', async () => {
    vi.useFakeTimers();
    try {
      const frames = await import('../../../src/background/frames');
      const { checkTab } = await import('../../../src/background/badge');
      await frames.recordFrame(3, 0, [entity('turla')], 'busy-top');
      await frames.recordFrame(3, 4, [entity('apt28')], 'gone-frame');
      busy.add('busy-top');
      const checking = checkTab(3, true);
      await vi.advanceTimersByTimeAsync(5_000);
      await checking;
      expect(badges.get(3)).toBe('1');
      expect(await frames.otherFrames(3, 4)).toEqual([entity('turla')]);
    } finally {
      vi.useRealTimers();
    }
  });
});
