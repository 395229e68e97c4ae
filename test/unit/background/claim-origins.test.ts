/**
 * The list of origins with claims, which spares a page of any other origin a database read after every load, must
 * hold every origin a claim was recorded on as soon as the background can know of it: a missing one would leave that
 * page's passages unmarked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { store, writes } from './storage-stub';

vi.mock('../../../src/platform/browser', async () => (await import('./storage-stub')).browserModule);

const { publishDictionary, repo } = await import('../../../src/background/knowledge');
const { handlers } = await import('../../../src/background/handlers');
const { CLAIM_ORIGINS_KEY } = await import('../../../src/platform/storage-keys');

const claimOn = (pageUrl: string) =>
  repo.addClaim({ from: 'emotet', relation: 'uses', to: 'kimsuky', stance: 'supports', source: { title: 'note' }, pageUrl, quote: { type: 'TextQuoteSelector', exact: 'a passage' } });
const sender = (url: string) => ({ url, tab: { id: 1 }, frameId: 0 }) as never;

describe('claim origins', () => {
  beforeEach(() => {
    writes.length = 0;
  });

  it('are written on a wake, once, and again after the popup changed a claim', async () => {
    await publishDictionary();
    expect(store.get(CLAIM_ORIGINS_KEY)).toEqual([]);
    const first = writes.filter((w) => w.includes(CLAIM_ORIGINS_KEY)).length;
    expect(first).toBe(1);
    await publishDictionary();
    expect(writes.filter((w) => w.includes(CLAIM_ORIGINS_KEY)).length).toBe(first);

    await claimOn('https://news.example/story#part-2');
    await claimOn('https://news.example/other');
    await claimOn('file:///home/reader/report.html');
    await handlers['actorlens:claimsChanged']();
    // a file: page's origin is opaque, "null", as its frames see their own
    expect(store.get(CLAIM_ORIGINS_KEY)).toEqual(['https://news.example', 'null']);
  });

  it('are brought up to date when a page asks for its passages', async () => {
    await claimOn('https://blog.example/post');
    expect(store.get(CLAIM_ORIGINS_KEY)).not.toContain('https://blog.example');
    const quotes = await handlers['actorlens:pageQuotes']({ type: 'actorlens:pageQuotes' }, sender('https://blog.example/post'));
    expect(quotes.map((q) => q.exact)).toEqual(['a passage']);
    await vi.waitFor(() => expect(store.get(CLAIM_ORIGINS_KEY)).toContain('https://blog.example'));
  });
});
