// @vitest-environment happy-dom
/**
 * The claim form's entity picker searches the same knowledge base as the popup's search box; when more names match
 * than it lists it says so, as the search box does, instead of stopping without a word.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { Entity } from '../../../src/core/model/entity';
import { fakeBackend } from './fixtures';
import { $, $$, button, click, cleanup, mount, type, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const spiders = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const entity: Entity = { id: `spider-${i}`, kind: 'actor', name: `Spider Crew ${i}`, aliases: [], provenance: ['bundled'] };
    return { entity, matched: entity.name };
  });

async function typeInPicker(matches: number) {
  const backend = fakeBackend();
  mount(<App backend={backend} />);
  await click(await waitFor(() => button('Record a claim from this page')));
  const from = await waitFor(() => $<HTMLInputElement>('#claim-from'));
  backend.search.mockResolvedValue(spiders(matches));
  await type(from, 'spider');
  await waitFor(() => $$('#claim-from-list [role=option]').length > 0 && $('#claim-from-list [role=option]')!.textContent!.startsWith('Spider'));
  return from;
}

describe('claim form: entity picker with more matches than it lists', () => {
  it('lists twelve and says that more names match, read with the box', async () => {
    const from = await typeInPicker(13);
    expect($$('#claim-from-list [role=option]')).toHaveLength(12);
    const note = $('#claim-from-more')!;
    expect(note.textContent).toBe('More names match than these 12: type more of the name to find the others.');
    expect(from.getAttribute('aria-describedby')).toBe('claim-from-more');
    // Not inside the listbox, where only options belong.
    expect(note.closest('[role=listbox]')).toBeNull();
  });

  it('says nothing more when every match is listed', async () => {
    const from = await typeInPicker(12);
    expect($$('#claim-from-list [role=option]')).toHaveLength(12);
    expect($('#claim-from-more')).toBeNull();
    expect(from.hasAttribute('aria-describedby')).toBe(false);
  });
});
