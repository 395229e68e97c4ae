// @vitest-environment happy-dom
/** The reader's own claims recorded on the page, listed under what is on it, each opening its link. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { fakeBackend, lazarus, PAGE, trickbot, TRICKBOT_LINK, USER_CLAIM } from './fixtures';
import { $, $$, click, mount, waitFor, cleanup } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const mine = { claim: { ...USER_CLAIM, pageUrl: PAGE.url, quote: { type: 'TextQuoteSelector' as const, exact: 'the loader crew sold access to them' } }, from: lazarus, to: trickbot, relation: TRICKBOT_LINK.relation };

describe('popup home: your claims on this page', () => {
  it('lists each claim as its link sentence with its passage, and opens the link in the entity view', async () => {
    const backend = fakeBackend({ pageClaims: [mine] });
    mount(<App backend={backend} />);
    const section = await waitFor(() => $('.page-claims'));
    expect($('h2', section)!.textContent).toBe('Your claims on this page 1');
    expect($$('.page-claim .name', section).map((n) => n.textContent)).toEqual(['Lazarus Group obtains access from TrickBot']);
    expect($('.page-claim .quote', section)!.textContent).toBe('the loader crew sold access to them');
    expect(backend.pageClaims).toHaveBeenCalledWith(PAGE.url);
    await click($<HTMLButtonElement>('.page-claim', section)!);
    await waitFor(() => $('h1.entity-name'));
    expect($('h1.entity-name')!.textContent).toContain('Lazarus Group');
    await waitFor(() => $('.link-row.open'));
  });
  it('opened from a passage’s card on the page (?entity=…&link=…), the entity view shows that link open', async () => {
    mount(<App backend={fakeBackend()} initialEntity="lazarus-group" initialLink={TRICKBOT_LINK.id} />);
    const open = await waitFor(() => $('.link-row.open'));
    expect($('.link-other', open)!.textContent).toBe('TrickBot');
    expect($$('.link-row.open')).toHaveLength(1);
  });
  it('no section on a page without claims', async () => {
    mount(<App backend={fakeBackend()} />);
    await waitFor(() => $('.spotted'));
    expect($('.page-claims')).toBeNull();
  });
});
