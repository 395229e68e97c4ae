// @vitest-environment happy-dom
/**
 * Audit G, finding 2: deleting a claim from the keyboard. The Delete button goes away with the claim, so focus must
 * land somewhere useful (the Undo button), and come back into the view after Undo; a delete or undo that fails says
 * so instead of doing nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { fakeBackend, USER_CLAIM } from './fixtures';
import { $, button, click, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

async function openClaim(backend: ReturnType<typeof fakeBackend>) {
  mount(<App backend={backend} initialEntity="lazarus-group" />);
  await click(await waitFor(() => $('.link-row .link-head')));
  const del = await waitFor(() => button('Delete your claim from My article'));
  del.focus();
  return del;
}

describe('popup: deleting a claim', () => {
  it('moves focus to Undo after Delete, and back to the restored claim after Undo', async () => {
    const backend = fakeBackend();
    await click(await openClaim(backend));
    await waitFor(() => $('.notice')?.textContent?.includes('Claim deleted.'));
    // where the deleted claim can still be found once the notice is gone
    expect($('.notice')!.textContent).toContain('Recently deleted');
    await waitFor(() => document.activeElement === button('Undo'));
    await click(button('Undo')!);
    await waitFor(() => $('.notice')?.textContent?.includes('Claim restored.'));
    await waitFor(() => document.activeElement?.closest(`[data-claim="${USER_CLAIM.id}"]`));
  });

  it('the page is asked to mark its passages again after Delete and after Undo (the deleted claim\'s mark goes, then comes back)', async () => {
    const backend = fakeBackend();
    await click(await openClaim(backend));
    await waitFor(() => $('.notice')?.textContent?.includes('Claim deleted.'));
    expect(backend.rescan).toHaveBeenCalledTimes(1);
    expect(backend.rescan).toHaveBeenLastCalledWith(7);
    await click(button('Undo')!);
    await waitFor(() => $('.notice')?.textContent?.includes('Claim restored.'));
    expect(backend.rescan).toHaveBeenCalledTimes(2);
  });

  it('says so when the claim could not be deleted, and keeps it', async () => {
    const backend = fakeBackend();
    backend.deleteClaim.mockRejectedValueOnce(new Error('QuotaExceededError'));
    await click(await openClaim(backend));
    const alert = await waitFor(() => document.querySelector('[role=alert]'));
    expect(alert.textContent).toContain('The claim could not be deleted');
    expect(button('Undo')).toBeUndefined();
    expect(button('Delete your claim from My article')).toBeDefined();
  });

  it('says so when Undo could not restore the claim', async () => {
    const backend = fakeBackend();
    backend.restoreClaim.mockRejectedValueOnce(new Error('DatabaseClosedError'));
    await click(await openClaim(backend));
    await click(await waitFor(() => button('Undo')));
    const alert = await waitFor(() => document.querySelector('[role=alert]'));
    expect(alert.textContent).toContain('The claim could not be restored');
    expect($('.notice')!.textContent).not.toContain('Claim restored.');
  });
});
