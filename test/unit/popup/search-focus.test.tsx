// @vitest-environment happy-dom
/** The popup asks its backend to prepare search as soon as the search box takes the focus, before any query. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { fakeBackend } from './fixtures';
import { $, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

describe('popup: search box focus', () => {
  it('prepares search when the box takes the focus, before anything is typed', async () => {
    const prepareSearch = vi.fn();
    mount(<App backend={{ ...fakeBackend(), prepareSearch }} />);
    const box = await waitFor(() => $<HTMLInputElement>('input[type=search]'));
    expect(prepareSearch).not.toHaveBeenCalled();
    box.focus();
    expect(prepareSearch).toHaveBeenCalledTimes(1);
  });
});
