// @vitest-environment happy-dom
/**
 * Pages ActorLens does not read: paused everywhere, turned off for the site, a PDF in the browser's viewer. The popup
 * says why instead of "No known actors or malware on this page" (false there: the names are not looked for), and
 * lists the page's names once highlighting is turned on from the popup.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/App';
import { DEMO_REPORT, fakeBackend, PAGE } from './fixtures';
import { $, $$, button, cleanup, click, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const EMPTY = { done: true, scanMs: 1, matches: [] };
const listed = () => $$('.spotted .entity-row .name').map((n) => n.textContent);

describe('popup on a page ActorLens does not read', () => {
  it('paused everywhere: says so, and Resume turns the pause off and lists the names the page is then found to have', async () => {
    const backend = fakeBackend({ settings: { paused: true }, report: EMPTY });
    mount(<App backend={backend} />);
    const resume = await waitFor(() => button('Resume highlighting'));
    expect($('.empty')!.textContent).toBe('Highlighting is paused everywhere, so ActorLens does not read pages.Resume highlighting');
    expect($('.empty')!.textContent).not.toContain('No known actors');
    backend.spotted.mockResolvedValue(DEMO_REPORT);
    await click(resume);
    expect(backend.resume).toHaveBeenCalled();
    await waitFor(() => listed().length > 0);
    expect(listed()).toContain('Lazarus Group');
    expect($<HTMLInputElement>('.switch input')!.disabled).toBe(false);
  });

  it('says so when the pause could not be turned off', async () => {
    const backend = fakeBackend({ settings: { paused: true }, report: EMPTY });
    backend.resume.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    mount(<App backend={backend} />);
    await click(await waitFor(() => button('Resume highlighting')));
    const alert = await waitFor(() => $('[role=alert]'));
    expect(alert.textContent).toContain('Highlighting could not be resumed');
    expect(button('Resume highlighting')).toBeDefined();
  });

  it('off on this site: says so and points to the switch; turning it on lists the names, not an answer from before', async () => {
    const backend = fakeBackend({ settings: { sites: ['ledger.example'] }, report: EMPTY });
    mount(<App backend={backend} />);
    await waitFor(() => $('.empty.off'));
    expect($('.empty')!.textContent).toBe('Highlighting is off on ledger.example, so ActorLens does not read this page. The switch below turns it on.');
    // The page's script answers from before the change (nothing, being off) for a moment, then reads the page.
    let calls = 0;
    backend.spotted.mockImplementation(async () => (++calls <= 2 ? EMPTY : DEMO_REPORT));
    await act(async () => $<HTMLInputElement>('.switch input')!.click());
    expect(backend.toggleSite).toHaveBeenCalledWith(PAGE.url);
    await waitFor(() => $('.on-page [role=status]'));
    expect($('.home-view')!.textContent).not.toContain('No known actors');
    await waitFor(() => listed().length > 0, 3000);
    expect(listed()).toContain('TrickBot');
  });

  it('turning the site off from the popup replaces the list with why it is empty', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    await waitFor(() => listed().length > 0);
    await act(async () => $<HTMLInputElement>('.switch input')!.click());
    await waitFor(() => $('.empty.off'));
    expect(listed()).toEqual([]);
  });

  it('a PDF: says its text cannot be read rather than that it names nobody', async () => {
    mount(<App backend={fakeBackend({ page: { ...PAGE, contentType: 'application/pdf' }, report: EMPTY })} />);
    await waitFor(() => $('.empty'));
    expect($('.empty')!.textContent).toContain("ActorLens cannot read a PDF shown in the browser's viewer");
    expect($('.empty')!.textContent).not.toContain('No known actors');
  });

  it('a page still being read: the names found so far, and a line saying more may follow', async () => {
    const backend = fakeBackend({ report: { ...DEMO_REPORT, done: false } });
    mount(<App backend={backend} />);
    await waitFor(() => listed().length > 0);
    expect($('.on-page [role=status]')!.textContent).toBe('Still reading the page: more names may follow.');
    backend.spotted.mockResolvedValue(DEMO_REPORT);
    await waitFor(() => !$('.on-page [role=status]'), 3000);
    expect(listed()).toContain('Lazarus Group');
  });
});
