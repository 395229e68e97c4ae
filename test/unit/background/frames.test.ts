/**
 * Per-frame tallies behind the badge outlive the service worker: a worker the browser stopped and woke again still
 * counts what the tab's other frames reported.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SpottedEntity } from '../../../src/core/protocol';

const session = new Map<string, unknown>();
vi.mock('../../../src/platform/browser', () => ({
  browser: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
      },
    },
  },
}));

const entity = (entityId: string | null, name: string): SpottedEntity => ({ entityId, name, text: name, count: 1 });
const freshWorker = async () => {
  vi.resetModules();
  return import('../../../src/background/frames');
};

describe('frame tallies', () => {
  it('count distinct entities across frames, and survive a restarted worker', async () => {
    const first = await freshWorker();
    await first.recordFrame(7, 0, [entity('lazarus-group', 'Lazarus Group'), entity('trickbot', 'TrickBot')]);
    await first.recordFrame(7, 3, [entity('trickbot', 'TrickBot'), entity(null, 'UNC9999')]);
    expect(await first.distinctEntities(7)).toBe(3);

    const woken = await freshWorker();
    expect(await woken.distinctEntities(7)).toBe(3);
    expect((await woken.otherFrames(7, 0)).map((e) => e.name)).toEqual(['TrickBot', 'UNC9999']);
    // The child frame goes away: only the top frame's entities remain.
    await woken.recordFrame(7, 3, []);
    expect(await woken.distinctEntities(7)).toBe(2);
    await woken.forgetTab(7);
    expect(await (await freshWorker()).distinctEntities(7)).toBe(0);
  });
});
