// @vitest-environment happy-dom
/** The options page's Recently deleted: a claim deleted in the popup is listed, restored, or deleted for good. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRemovals, REMOVALS_KEY } from '../../../src/core/db/removals';
import { BackendContext } from '../../../src/options/backend';
import { DeletedPanel } from '../../../src/options/components/DeletedPanel';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';
import { VENDOR_CLAIM } from '../importers/helpers';
import { fakeBackend, NOW, type FakeBackend } from './fake-backend';
import { $, $$, button, cleanup, click, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

const show = (backend: FakeBackend) =>
  mount(
    <BackendContext.Provider value={backend}>
      <DeletedPanel onDataChanged={() => undefined} />
    </BackendContext.Provider>,
  );

async function withDeleted(titles: string[]) {
  const backend = fakeBackend();
  await backend.ready;
  const claims = [];
  for (const title of titles) {
    const claim = await backend.repo.addClaim({ ...VENDOR_CLAIM, source: { title } }, new Date('2026-01-01T00:00:00.000Z'));
    await backend.repo.deleteClaim(claim.id, new Date('2026-02-03T00:00:00.000Z'));
    claims.push(claim);
  }
  return { backend, claims };
}

describe('options: Recently deleted', () => {
  it('lists a deleted claim by its link, source, quote and date, and Restore puts it back', async () => {
    const { backend, claims } = await withDeleted(['Vendor blog']);
    show(backend);
    const item = await waitFor(() => $('[data-deleted]'));
    expect(item.textContent).toContain('Lazarus Group');
    expect(item.textContent).toContain('TrickBot');
    expect(item.textContent).toContain('Vendor blog');
    expect(item.textContent).toContain('Lazarus bought access from TrickBot');
    expect(item.textContent).toContain('2026-02-03');
    await click(button('Restore', item));
    await waitFor(() => $('[role="status"]')?.textContent?.includes('Claims restored: 1.'));
    await waitFor(() => $('.deleted-list') === null);
    expect(document.body.textContent).toContain('Nothing deleted.');
    // The Restore button went with its row: the focus is on the section's heading, not lost to the page.
    await waitFor(() => document.activeElement?.id === 'deleted-title');
    expect(await backend.repo.db.claims.get(claims[0]!.id)).toMatchObject({ source: { title: 'Vendor blog' }, updated: NOW.toISOString() });
  });

  it('Delete for good asks first, then drops the kept copy only (the removal stays for exports)', async () => {
    const { backend, claims } = await withDeleted(['First', 'Second']);
    show(backend);
    await waitFor(() => $$('[data-deleted]').length === 2);
    await click(button('Delete all for good'));
    const dialog = await waitFor(() => $<HTMLDialogElement>('dialog[open]'));
    expect(dialog.textContent).toContain('Claims to delete for good: 2.');
    await click(button('Delete for good', dialog));
    await waitFor(() => document.body.textContent?.includes('Nothing deleted.'));
    expect(await backend.repo.db.deleted.count()).toBe(0);
    expect(await backend.repo.db.claims.get(claims[0]!.id)).toBeUndefined();
    expect([...readRemovals((await backend.repo.db.meta.get(REMOVALS_KEY))?.value).claims.keys()].sort()).toEqual(claims.map((c) => c.id).sort());
  });

  it('lists a claim deleted elsewhere while it is open (the popup, through its own connection)', async () => {
    const { backend } = await withDeleted(['First']);
    show(backend);
    await waitFor(() => $$('[data-deleted]').length === 1);
    const popup = new Repository(new ActorLensDb(backend.repo.db.name));
    const claim = await popup.addClaim({ ...VENDOR_CLAIM, source: { title: 'Deleted in the popup' } });
    await popup.deleteClaim(claim.id);
    await waitFor(() => $$('[data-deleted]').length === 2);
    expect(document.body.textContent).toContain('Deleted in the popup');
  });

  it('a long list is drawn fifty at a time', async () => {
    const { backend } = await withDeleted(Array.from({ length: 60 }, (_, i) => `Note ${i}`));
    show(backend);
    await waitFor(() => $$('[data-deleted]').length === 50);
    await click(button('Next'));
    await waitFor(() => $$('[data-deleted]').length === 10);
  });

  it('shows a hostile source title as text', async () => {
    const { backend } = await withDeleted(['<img src=x onerror="alert(1)">Report']);
    show(backend);
    const item = await waitFor(() => $('[data-deleted]'));
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('<img src=x onerror="alert(1)">Report');
  });
});
