// @vitest-environment happy-dom
/**
 * Audit G, finding 9: the popup's per-site switch. When the change cannot be saved the switch must show the
 * setting in effect and the reader be told, not flip back (or stay) without a word.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/App';
import { fakeBackend } from './fixtures';
import { $, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const siteSwitch = () => $<HTMLInputElement>('.switch input')!;

describe('popup site switch', () => {
  it('turns highlighting off on the site', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    await waitFor(() => siteSwitch()?.checked);
    await act(async () => siteSwitch().click());
    expect(backend.toggleSite).toHaveBeenCalledWith('https://ledger.example/keys');
    await waitFor(() => siteSwitch().checked === false);
    expect($('[role=alert]')).toBeNull();
  });

  it('says so when the change could not be saved, the switch showing the setting in effect', async () => {
    const backend = fakeBackend();
    backend.toggleSite.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    mount(<App backend={backend} />);
    await waitFor(() => siteSwitch()?.checked);
    await act(async () => siteSwitch().click());
    const alert = await waitFor(() => $('[role=alert]'));
    expect(alert.textContent).toContain('Highlighting on ledger.example could not be changed: the setting was not saved. Try again.');
    expect(siteSwitch().checked).toBe(true);
  });
});

describe('popup settings that could not be loaded', () => {
  it('says the site switch is missing and why, with a button to try again that brings it', async () => {
    const backend = fakeBackend();
    backend.settings.mockRejectedValueOnce(new Error('storage unavailable'));
    mount(<App backend={backend} />);
    const alert = await waitFor(() => $('[role=alert]'));
    expect(alert.textContent).toContain('Your settings could not be read, so the switch for this site is missing. Try again.');
    expect(siteSwitch()).toBeNull();
    const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    expect(retry).toBeTruthy();
    await act(async () => retry.click());
    await waitFor(() => siteSwitch()?.checked);
    expect($('[role=alert]')).toBeNull();
    expect(document.activeElement).toBe(siteSwitch());
  });

  it('a retry that fails again changes the alert, so it is announced again', async () => {
    const backend = fakeBackend();
    backend.settings.mockRejectedValueOnce(new Error('storage unavailable')).mockRejectedValueOnce(new Error('still unavailable'));
    mount(<App backend={backend} />);
    const alert = await waitFor(() => $('[role=alert]'));
    const first = alert.textContent;
    const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    await act(async () => retry.click());
    await waitFor(() => $('[role=alert]')?.textContent !== first);
    expect($('[role=alert]')!.textContent).toContain('Tried again: still not read (2 tries).');
    expect(siteSwitch()).toBeNull();
  });
});
