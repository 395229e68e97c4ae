// @vitest-environment happy-dom
/** The claim being written survives the popup closing (it closes whenever the reader clicks the page) and Escape. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { StoredDraft } from '../../../src/popup/backend';
import { fakeBackend, PAGE } from './fixtures';
import { $, button, click, key, mount, type, waitFor, cleanup } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

/** The fake backend with an in-memory draft store, shared by successive "openings" of the popup. */
function withStore(opts: Parameters<typeof fakeBackend>[0] = {}) {
  const store: { value?: StoredDraft | undefined } = {};
  const draft = {
    get: vi.fn(async () => store.value && structuredClone(store.value)),
    set: vi.fn(async (v: StoredDraft) => void (store.value = structuredClone(v))),
    remove: vi.fn(async () => void (store.value = undefined)),
  };
  return { backend: { ...fakeBackend(opts), draft }, store };
}

const val = (id: string) => $<HTMLInputElement>(`#${id}`)!.value;

async function startWriting(backend: ReturnType<typeof withStore>['backend']) {
  mount(<App backend={backend} />);
  await click(await waitFor(() => button('Record a claim from this page')));
  await waitFor(() => $('form.claim-form'));
  await type($('#claim-title'), 'My own title for this report');
  await type($('#claim-publisher'), 'Harbor Notes');
}

describe('popup: an unsaved claim is not lost', () => {
  it('reopening the popup on the same page brings back the form as it was left', async () => {
    const { backend, store } = withStore();
    await startWriting(backend);
    expect(store.value?.pageUrl).toBe(PAGE.url);
    cleanup(); // the popup closes
    mount(<App backend={backend} />);
    await waitFor(() => $('form.claim-form'));
    expect(val('claim-title')).toBe('My own title for this report');
    expect(val('claim-publisher')).toBe('Harbor Notes');
  });

  it('Escape (or Back) keeps it for the next "Record a claim"; Cancel discards it', async () => {
    const { backend, store } = withStore();
    await startWriting(backend);
    await key($('#claim-title'), 'Escape');
    await waitFor(() => $('.home-view'));
    await click(button('Record a claim from this page'));
    await waitFor(() => $('form.claim-form'));
    expect(val('claim-title')).toBe('My own title for this report');
    await click(button('Cancel'));
    await waitFor(() => $('.home-view'));
    expect(store.value).toBeUndefined();
    await click(button('Record a claim from this page'));
    await waitFor(() => $('form.claim-form'));
    expect(val('claim-title')).toBe(PAGE.title);
  });

  it('is forgotten once saved, and never restored on another page', async () => {
    const { backend, store } = withStore();
    await startWriting(backend);
    await click(button('Save claim'));
    await waitFor(() => $('.entity-view'));
    expect(store.value).toBeUndefined();

    await startWriting(backend);
    cleanup();
    const elsewhere = { ...backend, tab: vi.fn(async () => ({ id: 8, url: 'https://other.example/', title: 'Other', page: { ...PAGE, url: 'https://other.example/', title: 'Other' } })) };
    mount(<App backend={elsewhere} />);
    await waitFor(() => button('Record a claim from this page'));
    expect($('form.claim-form')).toBeNull();
    await click(button('Record a claim from this page'));
    await waitFor(() => $('form.claim-form'));
    expect(val('claim-title')).toBe('Other');
  });
});
