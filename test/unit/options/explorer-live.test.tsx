// @vitest-environment happy-dom
/**
 * The explorer's table and graph follow the database while the options page is open: a claim recorded in the popup
 * (another connection to the same database) changes the link counts and the graph without a reload, and only the
 * links are read again for it, not every entity.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';
import { BackendContext } from '../../../src/options/backend';
import { ExplorerPanel } from '../../../src/options/components/ExplorerPanel';
import type { Indexed } from '../../../src/options/explorer/filter';
import { withLinkStats } from '../../../src/options/explorer/live';
import type { Neighborhood } from '../../../src/options/explorer/neighborhood';
import { fakeBackend } from './fake-backend';
import { $, $$, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));
// The graph's drawing (cytoscape) is not what is tested here: what it is given to draw, as a list, and each new
// neighbourhood it is given (each one is laid out and drawn again).
const given = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../src/options/components/LinkGraph', () => ({
  LinkGraph: ({ graph }: { graph: Neighborhood }) => {
    if (given.at(-1) !== graph) given.push(graph);
    return (
      <ul class="drawn-nodes">
        {graph.nodes.map((n) => (
          <li key={n.id}>{n.name}</li>
        ))}
      </ul>
    );
  },
}));

afterEach(cleanup);

const linksOf = (name: string) => {
  const row = $$('table.entities tbody tr').find((tr) => tr.querySelector('.entity-link')?.textContent === name);
  return row ? Number(row.querySelector('td.num')!.textContent) : undefined;
};
const drawn = () => $$('.drawn-nodes li').map((li) => li.textContent);

async function openOn(selected: string) {
  const backend = fakeBackend();
  await backend.ready;
  mount(
    <BackendContext.Provider value={backend}>
      <ExplorerPanel settings={undefined} dataVersion={0} selected={selected} onSelect={() => undefined} />
    </BackendContext.Provider>,
  );
  await waitFor(() => linksOf('Lazarus Group') !== undefined && drawn().length > 0);
  // Another context's own connection to the same database, as the popup has.
  const popup = new Repository(new ActorLensDb(backend.repo.db.name));
  return { backend, popup };
}

describe('explorer follows the database live', () => {
  it('a claim recorded in the popup changes the link count in the table and the graph, reading no entity list', async () => {
    const { backend, popup } = await openOn('lazarus-group');
    const before = linksOf('Lazarus Group')!;
    // An entity not in the graph around Lazarus Group (two hops).
    const far = (await backend.repo.allEntities()).find((e) => !drawn().includes(e.name))!;
    const everyEntity = vi.spyOn(backend.repo, 'allEntities');
    await popup.addClaim({ from: 'lazarus-group', relation: 'uses', to: far.id, stance: 'supports', source: { title: 'Reader note' } });
    await waitFor(() => linksOf('Lazarus Group') === before + 1);
    await waitFor(() => drawn().includes(far.name));
    expect(everyEntity).not.toHaveBeenCalled();
    popup.db.close();
  });

  it('lists an entity the popup added and linked, and keeps the graph when nothing it shows changed', async () => {
    const { popup } = await openOn('lazarus-group');
    const total = () => $('[data-testid=match-count]')!.textContent!;
    const listed = total();
    const added = await popup.addEntity({ name: 'Quiet Heron', kind: 'actor' });
    const claim = await popup.addClaim({ from: 'lazarus-group', relation: 'affiliated-with', to: added.id, stance: 'supports', source: { title: 'Reader note' } });
    await waitFor(() => drawn().includes('Quiet Heron'));
    // Listed too (its count of entities one more), though the table had read the entities before it existed.
    await waitFor(() => total() !== listed);
    expect(total()).toMatch(/\d/);
    // A claim's title edited: the graph's query runs again (it reads that link's claims) and finds the same
    // neighbourhood, which is not given to the graph again.
    const drawings = given.length;
    await popup.updateClaim(claim.id, { source: { title: 'Reader note, edited' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(given.length).toBe(drawings);
    popup.db.close();
  });
});

describe('link counts and reach merged into the rows (pure)', () => {
  const row = (id: string, links: number, reach = links): Indexed => ({ entity: { id, kind: 'actor', name: id, aliases: [], provenance: ['bundled'] } as Entity, search: id, links, reach });

  it('replaces changed figures, keeps unchanged rows as they are, and names linked ids it does not list', () => {
    const rows = [row('a', 2), row('b', 0), row('d', 1)];
    const stats = { links: new Map([['a', 2], ['b', 1], ['c', 1], ['d', 1]]), reach: new Map([['a', 2], ['b', 1], ['c', 1], ['d', 0]]) };
    const { rows: out, missing } = withLinkStats(rows, stats);
    expect(out[0]).toBe(rows[0]);
    expect(out[1]!.links).toBe(1);
    // Same links, less reach (its partner now overlaps with it): the row changes.
    expect(out[2]!.reach).toBe(0);
    expect(missing).toEqual(['c']);
    // A count gone to zero (the last claim of a link deleted) is zero, not the old count.
    expect(withLinkStats(rows, { links: new Map(), reach: new Map() }).rows.map((r) => [r.links, r.reach])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});
