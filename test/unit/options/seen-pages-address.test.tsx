// @vitest-environment happy-dom
/**
 * The local history lists the pages an entity was seen on, each a link to its address. Only a web page or a file is
 * linked: the history is written by the background from the page's address, but the list never trusts what a row
 * holds (an address that would run script is shown as its title, not a link).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendContext } from '../../../src/options/backend';
import { EntityDetail } from '../../../src/options/components/EntityDetail';
import { fakeBackend } from './fake-backend';
import { $$, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

describe('entity details: pages seen', () => {
  it('links web pages and shows any other address as plain text', async () => {
    const backend = fakeBackend({ settings: { history: true } });
    await backend.ready;
    await backend.repo.db.sightings.bulkAdd([
      { entityId: 'lazarus-group', url: 'https://news.example/a', title: 'Heist report', at: '2026-11-19T10:00:00.000Z' },
      { entityId: 'lazarus-group', url: 'javascript:alert(document.domain)', title: 'Odd row', at: '2026-11-18T10:00:00.000Z' },
    ]);
    mount(
      <BackendContext.Provider value={backend}>
        <EntityDetail id="lazarus-group" settings={backend.settings()} dataVersion={0} onOpen={() => undefined} />
      </BackendContext.Provider>,
    );
    const items = await waitFor(() => ($$('.seen-pages li').length === 2 ? $$('.seen-pages li') : undefined));
    expect($$('.seen-pages a').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Heist report', 'https://news.example/a']]);
    expect(items[1]!.textContent).toContain('Odd row');
    expect(items[1]!.querySelector('a')).toBeNull();
  });
});
