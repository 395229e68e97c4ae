// @vitest-environment happy-dom
/**
 * A search that matches more names than the popup lists (with the public feeds "bear" matches dozens, Fancy Bear among
 * the ones left out) says so, instead of stopping at twelve without a word.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { Entity } from '../../../src/core/model/entity';
import { fakeBackend } from './fixtures';
import { $, $$, cleanup, mount, type, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const bears = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const entity: Entity = { id: `bear-${i}`, kind: 'actor', name: `Bear Number ${i}`, aliases: [], provenance: ['bundled'] };
    return { entity, matched: entity.name };
  });

describe('popup search with more matches than it lists', () => {
  it('lists twelve and says that more names match', async () => {
    const backend = fakeBackend();
    backend.search.mockResolvedValue(bears(13));
    mount(<App backend={backend} />);
    await type(await waitFor(() => $('input[type=search]')), 'bear');
    await waitFor(() => $$('.search-results [role=option]').length > 0);
    expect($$('.search-results [role=option]')).toHaveLength(12);
    expect($('.search-results + .hint')!.textContent).toBe('More names match than these 12: type more of the name to find the others.');
  });

  it('says nothing more when every match is listed', async () => {
    const backend = fakeBackend();
    backend.search.mockResolvedValue(bears(12));
    mount(<App backend={backend} />);
    await type(await waitFor(() => $('input[type=search]')), 'bear');
    await waitFor(() => $$('.search-results [role=option]').length === 12);
    expect($('.search-results + .hint')).toBeNull();
  });
});
