// @vitest-environment happy-dom
/**
 * Settings that could not be read when the page opened (storage error, extension reloaded) left the settings page on
 * "Loading…" for good. The page must say so and offer to try again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../../../src/options/App';
import { fakeBackend } from './fake-backend';
import { $, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

beforeEach(() => {
  location.hash = '#settings';
});
afterEach(cleanup);

describe('options settings that could not be loaded', () => {
  it('says so with a button to try again, which shows the settings once they load', async () => {
    const backend = fakeBackend();
    const load = vi.spyOn(backend, 'loadSettings').mockRejectedValueOnce(new Error('storage unavailable'));
    mount(<App backend={backend} />);
    const alert = await waitFor(() => $('[role=alert]'));
    expect(alert.textContent).toContain('Your settings could not be read');
    expect($('#settings-title')).toBeNull();
    const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    expect(retry).toBeTruthy();
    await act(async () => retry.click());
    await waitFor(() => $('#settings-title'));
    expect(load).toHaveBeenCalledTimes(2);
    expect($('[role=alert]')).toBeNull();
    // Focus was on the button, which went: it moves to the settings heading, not the page body.
    expect(document.activeElement?.id).toBe('settings-title');
  });

  it('a retry that fails too says so in the alert (announced again), and the Try again button keeps the focus', async () => {
    const backend = fakeBackend();
    vi.spyOn(backend, 'loadSettings').mockRejectedValue(new Error('storage unavailable'));
    mount(<App backend={backend} />);
    const alert = await waitFor(() => $('[role=alert]'));
    const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    retry.focus();
    await act(async () => retry.click());
    await waitFor(() => /still could not be read \(2 tries\)/.test($('[role=alert]')!.textContent ?? ''));
    await act(async () => retry.click());
    await waitFor(() => /\(3 tries\)/.test($('[role=alert]')!.textContent ?? ''));
    expect(document.activeElement).toBe(retry);
    expect(retry.isConnected).toBe(true);
  });
});
