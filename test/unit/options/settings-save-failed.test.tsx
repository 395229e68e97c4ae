// @vitest-environment happy-dom
/**
 * Audit G, finding 9: a setting that could not be saved (storage quota, extension reloaded) must not look saved.
 * The page showed the change at once and never said it was lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../../../src/options/App';
import { fakeBackend } from './fake-backend';
import { $, cleanup, field, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

beforeEach(() => {
  location.hash = '#settings';
});
afterEach(cleanup);

const paused = () => field<HTMLInputElement>('Pause highlighting everywhere')!;
const toggle = (input: HTMLInputElement) =>
  act(async () => {
    input.click();
  });

describe('options settings that could not be saved', () => {
  it('says so, and shows the setting in effect again; the next saved change clears the message', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    await waitFor(() => $('#settings-title'));
    vi.mocked(backend.updateSettings).mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));

    await toggle(paused());
    const alert = await waitFor(() => $('[role=alert]'));
    expect(alert.textContent).toBe('Your last change could not be saved, so it was undone: the settings shown are the ones in effect. Try again.');
    expect(backend.settings().paused).toBe(false);
    await waitFor(() => paused().checked === false);

    await toggle(paused());
    await waitFor(() => backend.settings().paused === true);
    await waitFor(() => !$('[role=alert]'));
    expect(paused().checked).toBe(true);
  });
});
