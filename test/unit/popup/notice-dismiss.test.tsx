// @vitest-environment happy-dom
/**
 * Audit G, finding 5: the × of a popup notice removes itself. Dismissed from the keyboard, focus must not fall to
 * the page body (Tab would restart from the top): it goes back to the control that had it when the notice came,
 * or to the view's heading if that control has gone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/App';
import { fakeBackend, lazarusLinks, USER_CLAIM } from './fixtures';
import { $, button, click, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

async function dismissFromKeyboard() {
  const close = button('Dismiss')!;
  close.focus();
  await click(close);
  await waitFor(() => !$('.notice'));
}

describe('popup: dismissing a notice', () => {
  it('after deleting a claim (its Delete button gone), focus goes to the entity heading', async () => {
    let deleted = false;
    // The claim goes from the link once deleted, and its Delete button with it.
    const backend = fakeBackend({ links: () => lazarusLinks().map((v) => ({ ...v, claims: v.claims.filter((c) => !(deleted && c.id === USER_CLAIM.id)) })) });
    backend.deleteClaim.mockImplementation(async () => {
      deleted = true;
      return { claim: USER_CLAIM };
    });
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await click(await waitFor(() => $('.link-row .link-head')));
    const del = await waitFor(() => button('Delete your claim from My article'));
    del.focus();
    await click(del);
    await waitFor(() => document.activeElement === button('Undo'));
    await waitFor(() => !button('Delete your claim from My article'));
    await dismissFromKeyboard();
    expect(document.activeElement).toBe($('h1.entity-name'));
  });

  it('after a failed site switch, focus goes back to the switch', async () => {
    const backend = fakeBackend();
    backend.toggleSite.mockRejectedValueOnce(new Error('quota'));
    mount(<App backend={backend} />);
    const toggle = await waitFor(() => $<HTMLInputElement>('.switch input'));
    toggle.focus();
    await act(async () => toggle.click());
    await waitFor(() => $('[role=alert]'));
    await dismissFromKeyboard();
    expect(document.activeElement).toBe($('.switch input'));
  });

  it('dismissed with the mouse while focus is elsewhere, focus stays where it is', async () => {
    const backend = fakeBackend();
    backend.toggleSite.mockRejectedValueOnce(new Error('quota'));
    mount(<App backend={backend} />);
    const toggle = await waitFor(() => $<HTMLInputElement>('.switch input'));
    await act(async () => toggle.click());
    await waitFor(() => $('[role=alert]'));
    const search = $<HTMLInputElement>('input[type=search]')!;
    search.focus();
    await click(button('Dismiss'));
    await waitFor(() => !$('.notice'));
    expect(document.activeElement).toBe(search);
  });
});
