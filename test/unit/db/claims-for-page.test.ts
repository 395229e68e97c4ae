/** The claims recorded on a page, which the content script marks when the page is opened again. */
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';

const dbs: ActorLensDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('claims for a page', () => {
  it('match the page with or without a fragment on either side, and no other page', async () => {
    const db = new ActorLensDb(`t-${Math.random()}`);
    dbs.push(db);
    const repo = new Repository(db);
    await repo.seed(bundledDataset(), BUNDLED_VERSION);
    const add = (pageUrl: string) => repo.addClaim({ from: 'emotet', relation: 'uses', to: 'kimsuky', stance: 'supports', source: { title: 'note' }, pageUrl, quote: { type: 'TextQuoteSelector', exact: `passage on ${pageUrl}` } });
    await add('https://news.example/a#section-2');
    await add('https://news.example/a');
    await add('https://news.example/ab');
    await add('https://news.example/b');
    const quotes = async (url: string) => (await repo.claimsForPage(url)).map((c) => c.quote?.exact).sort();
    expect(await quotes('https://news.example/a')).toEqual(['passage on https://news.example/a', 'passage on https://news.example/a#section-2']);
    expect(await quotes('https://news.example/a#top')).toEqual(['passage on https://news.example/a', 'passage on https://news.example/a#section-2']);
    expect(await quotes('https://news.example/c')).toEqual([]);
    // with their two entities and relation, for the popup's list
    const listed = await repo.pageClaims('https://news.example/b');
    expect(listed.map((p) => [p.from.name, p.relation, p.to.name])).toEqual([['Emotet', 'uses', 'Kimsuky']]);
  });
});
