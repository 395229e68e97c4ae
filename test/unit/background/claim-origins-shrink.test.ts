/**
 * The list of origins with claims must lose an origin as soon as its last claim goes, whichever page removed it: a page
 * of an origin left on the list keeps asking the background (a database read) for passages it no longer has. The popup
 * and the options page run their own Repository and tell the background by message; here their messages reach the
 * background's handlers as the browser would deliver them, over one fake-indexeddb database.
 */
import { describe, expect, it, vi } from 'vitest';
import { store } from './storage-stub';

vi.mock('../../../src/platform/browser', async () => {
  const { browserModule } = await import('./storage-stub');
  const sender = { url: 'chrome-extension://actorlens/popup.html' };
  return {
    browser: {
      ...browserModule.browser,
      runtime: {
        sendMessage: async (message: { type: string }) => {
          const { handlers } = await import('../../../src/background/handlers');
          return (handlers as unknown as Record<string, (m: unknown, s: unknown) => unknown>)[message.type]!(message, sender);
        },
      },
    },
  };
});

const { publishDictionary } = await import('../../../src/background/knowledge');
const { realBackend: popupBackend } = await import('../../../src/popup/real-backend');
const { realBackend: optionsBackend } = await import('../../../src/options/real-backend');
const { exportBackup, restoreBackup } = await import('../../../src/core/db/import-export');
const { restoreDeleted } = await import('../../../src/core/db/deleted-claims');
const { CLAIM_ORIGINS_KEY } = await import('../../../src/platform/storage-keys');

const popup = popupBackend();
const options = optionsBackend();
const listed = () => store.get(CLAIM_ORIGINS_KEY) as string[] | undefined;
const claimOn = (pageUrl: string) =>
  popup.addClaim({ from: 'emotet', relation: 'uses', to: 'kimsuky', stance: 'supports', source: { title: 'desk note' }, pageUrl, quote: { type: 'TextQuoteSelector', exact: 'a passage' } });

describe('the list of origins with claims', () => {
  it('loses an origin when the popup deletes its last claim, though the link stays, and gets it back on undo', async () => {
    await publishDictionary();
    await options.ready;
    const kept = await claimOn('https://kept.example/a');
    const gone = await claimOn('https://gone.example/b');
    await vi.waitFor(() => expect(listed()).toEqual(['https://gone.example', 'https://kept.example']));

    const deleted = await popup.deleteClaim(gone.id);
    // the link keeps its other claim: the data version does not move, the list must still follow
    expect(deleted.link).toBeUndefined();
    await vi.waitFor(() => expect(listed()).toEqual(['https://kept.example']));

    await popup.restoreClaim(deleted);
    await vi.waitFor(() => expect(listed()).toEqual(['https://gone.example', 'https://kept.example']));

    await popup.deleteClaim(gone.id);
    await popup.deleteClaim(kept.id);
    await vi.waitFor(() => expect(listed()).toEqual([]));
  });

  it('follows a claim brought back from Recently deleted and a backup restored on the options page', async () => {
    const before = await exportBackup(options.repo);
    const claim = await claimOn('https://restored.example/post');
    await vi.waitFor(() => expect(listed()).toContain('https://restored.example'));
    await popup.deleteClaim(claim.id);
    await vi.waitFor(() => expect(listed()).not.toContain('https://restored.example'));

    await restoreDeleted(options.repo, [claim.id]);
    await vi.waitFor(() => expect(listed()).toContain('https://restored.example'));

    // the backup was made before the claim: restoring it removes the claim (kept in Recently deleted), and its origin
    await restoreBackup(options.repo, JSON.stringify(before));
    expect(await options.repo.db.claims.get(claim.id)).toBeUndefined();
    await vi.waitFor(() => expect(listed()).not.toContain('https://restored.example'));
  });
});
