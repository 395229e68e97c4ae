// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { BackendContext } from '../../../src/options/backend';
import { EntityDetail } from '../../../src/options/components/EntityDetail';
import { EntityTable } from '../../../src/options/components/EntityTable';
import { ExplorerPanel, PAGE_SIZE } from '../../../src/options/components/ExplorerPanel';
import { ANY, facets, filterEntities, indexEntities } from '../../../src/options/explorer/filter';
import { linkStats } from '../../../src/options/explorer/reach';
import type { Relation } from '../../../src/core/model/link';

/** Links per entity and reach, for links of one relation unless said. */
const countLinks = (links: { from: string; to: string; relation?: Relation }[]) => linkStats(links.map((l) => ({ relation: 'uses', ...l })));
import { buildNeighborhood } from '../../../src/options/explorer/neighborhood';
import { sourceLabel } from '../../../src/options/explorer/source-label';
import { PresetList } from '../../../src/options/components/PresetList';
import { fakeBackend, NOW } from './fake-backend';
import { bundledDataset, BUNDLED_VERSION } from '../../../src/core/data/index';
import { ActorLensDb } from '../../../src/core/db/database';
import { Repository } from '../../../src/core/db/repository';
import { $, $$, button, choose, cleanup, click, field, key, mount, type, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

const e = (id: string, kind: Entity['kind'], extra: Partial<Entity> = {}): Entity => ({ id, kind, name: id, aliases: [], provenance: ['bundled'], ...extra });

describe('explorer filtering (pure)', () => {
  const entities = [
    e('Lazarus Group', 'actor', { country: 'KP', aliases: [{ name: 'HIDDEN COBRA' }] }),
    e('TrickBot', 'malware', { provenance: ['bundled', 'misp:tool'] }),
    e('Rocket Kitten', 'actor', { country: 'IR', provenance: ['misp:threat-actor'] }),
    e('Lone Tool', 'tool'),
  ];
  const rows = indexEntities(entities, countLinks([{ from: 'Lazarus Group', to: 'TrickBot' }]));

  it('sorts by name and counts links at both ends', () => {
    expect(rows.map((r) => [r.entity.name, r.links])).toEqual([
      ['Lazarus Group', 1],
      ['Lone Tool', 0],
      ['Rocket Kitten', 0],
      ['TrickBot', 1],
    ]);
  });

  it('filters by name or alias, kind, country, links and source', () => {
    const names = (f: Partial<typeof ANY>) => filterEntities(rows, { ...ANY, sort: 'name', ...f }).map((r) => r.entity.name);
    expect(names({ query: 'hidden-cobra' })).toEqual(['Lazarus Group']);
    expect(names({ query: 'kitt' })).toEqual(['Rocket Kitten']);
    expect(names({ kind: 'actor' })).toEqual(['Lazarus Group', 'Rocket Kitten']);
    expect(names({ country: 'IR' })).toEqual(['Rocket Kitten']);
    expect(names({ country: '-' })).toEqual(['Lone Tool', 'TrickBot']);
    expect(names({ links: 'with' })).toEqual(['Lazarus Group', 'TrickBot']);
    expect(names({ links: 'without', kind: 'actor' })).toEqual(['Rocket Kitten']);
    expect(names({ source: 'misp:threat-actor' })).toEqual(['Rocket Kitten']);
    expect(names({ source: 'bundled', links: 'with' })).toEqual(['Lazarus Group', 'TrickBot']);
  });

  it('lists the most linked first by default (ties by name), by name on request', () => {
    const order = (f: Partial<typeof ANY>) => filterEntities(rows, { ...ANY, ...f }).map((r) => r.entity.name);
    const linked = indexEntities(entities, countLinks([{ from: 'TrickBot', to: 'Rocket Kitten' }, { from: 'TrickBot', to: 'Lazarus Group' }]));
    expect(filterEntities(linked, ANY).map((r) => [r.entity.name, r.links])).toEqual([
      ['TrickBot', 2],
      ['Lazarus Group', 1],
      ['Rocket Kitten', 1],
      ['Lone Tool', 0],
    ]);
    expect(order({ sort: 'name' })).toEqual(['Lazarus Group', 'Lone Tool', 'Rocket Kitten', 'TrickBot']);
  });

  it('ranks hubs by reach: a family of variants linked only to each other does not outrank them', () => {
    // Six variants each listed as overlapping every other, both ways (as MISP's "similar" relations import): 5 links
    // each once a pair stated both ways counts once, all inside the family. The hub uses three tools and overlaps one
    // other name for itself.
    const variants = Array.from({ length: 6 }, (_, i) => e(`Variant ${i}`, 'ransomware'));
    const overlaps = variants.flatMap((a) => variants.filter((b) => b !== a).map((b) => ({ from: a.id, to: b.id, relation: 'overlaps-with' as const })));
    const people = [e('Hub Group', 'actor'), e('Hub Alias', 'actor'), e('Tool A', 'tool'), e('Tool B', 'tool'), e('Tool C', 'tool')];
    const stats = countLinks([
      ...overlaps,
      { from: 'Hub Group', to: 'Hub Alias', relation: 'overlaps-with' },
      { from: 'Hub Group', to: 'Tool A' },
      { from: 'Hub Group', to: 'Tool B' },
      { from: 'Hub Group', to: 'Tool C' },
      // The other name of the group uses one of the same tools, and one variant is operated by it.
      { from: 'Hub Alias', to: 'Tool A' },
      { from: 'Hub Alias', to: 'Variant 0', relation: 'operates' },
    ]);
    const rows = indexEntities([...variants, ...people], stats);
    const by = (sort: 'reach' | 'links') => filterEntities(rows, { ...ANY, sort }).map((r) => [r.entity.name, r.reach, r.links]);
    expect(by('links')[0]).toEqual(['Variant 0', 1, 6]);
    expect(by('reach').slice(0, 3)).toEqual([
      ['Hub Group', 3, 4], // its other name is not reach
      ['Hub Alias', 2, 3], // Tool A and the variants' family, counted once
      ['Variant 0', 1, 6], // operated by the group: one; ties on reach go to the more links
    ]);
    expect(rows.find((r) => r.entity.name === 'Tool A')!.reach).toBe(1); // used by both names of one group: one
    expect(by('reach').filter(([name]) => String(name).startsWith('Variant')).map(([, reach]) => reach)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('takes names overlapping through each other as one family', () => {
    const stats = countLinks([
      { from: 'A', to: 'B', relation: 'overlaps-with' },
      { from: 'C', to: 'B', relation: 'overlaps-with' },
      { from: 'A', to: 'Tool' },
      { from: 'C', to: 'Tool' },
    ]);
    expect(stats.reach.get('Tool')).toBe(1);
    expect(stats.reach.get('A')).toBe(1);
    expect(stats.links.get('Tool')).toBe(2);
  });

  it('offers the countries and sources present, most common source first', () => {
    expect(facets(rows)).toEqual({ countries: ['IR', 'KP'], sources: ['bundled', 'misp:threat-actor', 'misp:tool'] });
  });

  it('filters 10,000 entities quickly', () => {
    const many = indexEntities(
      Array.from({ length: 10_000 }, (_, i) => e(`Entity ${i}`, i % 2 ? 'actor' : 'malware', { aliases: [{ name: `Alias ${i}` }] })),
      countLinks([]),
    );
    const started = performance.now();
    const hits = filterEntities(many, { ...ANY, query: 'alias 99', kind: 'actor' });
    expect(hits.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('source labels', () => {
  it('names a MISP galaxy in Sources and the source filter as its feed card does', () => {
    mount(<PresetList log={[]} reminders={{}} now={NOW} disabled={false} onImport={() => undefined} onReminder={() => undefined} />);
    const titles = $$('.preset h4').map((h) => h.textContent);
    for (const galaxy of ['threat-actor', 'ransomware', 'tool']) expect(titles).toContain(sourceLabel(`misp:${galaxy}`));
    expect(sourceLabel('misp:threat-actor')).toBe('MISP galaxy: threat actors');
    // A galaxy with no feed card keeps its type.
    expect(sourceLabel('misp:malpedia')).toBe('MISP galaxy: malpedia');
    expect(sourceLabel('attack')).toBe('MITRE ATT&CK');
  });
});

describe('link neighbourhood for the graph', () => {
  it('walks two hops around an entity, caps the node count and keeps only drawable edges', async () => {
    const backend = fakeBackend();
    await backend.ready;
    const full = (await buildNeighborhood(backend.repo, 'lazarus-group'))!;
    expect(full.nodes[0]).toMatchObject({ id: 'lazarus-group', depth: 0 });
    expect(full.nodes.some((n) => n.id === 'trickbot' && n.depth === 1)).toBe(true);
    const ids = new Set(full.nodes.map((n) => n.id));
    for (const edge of full.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(full.edges.some((x) => x.status === 'refuted')).toBe(true); // Lazarus ~ Dridex is refuted in the bundled data

    const small = (await buildNeighborhood(backend.repo, 'lazarus-group', { maxNodes: 3 }))!;
    expect(small.nodes).toHaveLength(3);
    expect(small.truncated).toBe(true);
    expect(await buildNeighborhood(backend.repo, 'nobody')).toBeUndefined();
  });
});

/** The explorer over `backend`, with `selected` open; returns what it reported selecting. */
function showExplorer(backend: ReturnType<typeof fakeBackend>, selected?: string) {
  const onSelect = vi.fn();
  mount(
    <BackendContext.Provider value={backend}>
      <ExplorerPanel settings={undefined} dataVersion={0} selected={selected} onSelect={onSelect} />
    </BackendContext.Provider>,
  );
  return onSelect;
}

describe('explorer panel', () => {
  it('opens on the widest reach, says what it counts, and orders by links or by name on request', async () => {
    const backend = fakeBackend();
    await backend.ready;
    showExplorer(backend);
    await waitFor(() => $('table.entities'));
    const order = field<HTMLSelectElement>('Order', $('.filters')!)!;
    expect(order.selectedOptions[0]!.textContent).toBe('Widest reach first');
    const column = (name: 'reach' | 'links') => $$(`table.entities tbody td.col-${name}`).map((td) => Number(td.textContent));
    const sorted = () => $$('table.entities th[aria-sort]').map((th) => [th.textContent, th.getAttribute('aria-sort')]);
    expect(column('reach')[0]).toBeGreaterThan(0);
    expect(column('reach')).toEqual([...column('reach')].sort((a, b) => b - a));
    expect(sorted()).toEqual([['Reach', 'descending']]);
    // The table is described by the note saying what Reach counts.
    expect(document.getElementById($('table.entities')!.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Reach: .*counted as one/);

    await choose(order, 'links');
    expect(column('links')).toEqual([...column('links')].sort((a, b) => b - a));
    expect(sorted()).toEqual([['Links', 'descending']]);

    await choose(order, 'name');
    const names = $$('table.entities tbody .entity-link').map((b) => b.textContent!);
    expect($('#reach-note')).not.toBeNull();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    expect(sorted()).toEqual([['Name', 'ascending']]);
  });

  it('with an entity open, says what Reach counts only while the list is ordered by it', async () => {
    const backend = fakeBackend();
    await backend.ready;
    showExplorer(backend, 'lazarus-group');
    await waitFor(() => $('table.entities'));
    expect($('#reach-note')).not.toBeNull();
    await choose(field<HTMLSelectElement>('Order', $('.filters')!)!, 'links');
    expect($('#reach-note')).toBeNull();
    expect($('table.entities')!.hasAttribute('aria-describedby')).toBe(false);
  });

  it('opened on an entity that is not there, says so and leaves no blank graph pane', async () => {
    const backend = fakeBackend();
    await backend.ready;
    showExplorer(backend, 'no-such-entity');
    await waitFor(() => ($('.detail')?.textContent ?? '').includes('no longer in the database'));
    // "Drawing the graph…" first, while the (missing) entity's neighbourhood is read; then what to do instead
    const said = await waitFor(() => ($('.graph-pane')!.textContent === 'Choose an entity in the list to see its links as a graph.' ? 'said' : undefined));
    expect(said).toBe('said');
  });

  it('lists every entity page by page and narrows the list with the filters', async () => {
    const backend = fakeBackend();
    await backend.ready;
    const total = await backend.repo.db.entities.count();
    const onSelect = showExplorer(backend);
    await waitFor(() => $('table.entities'));
    expect($('[data-testid=match-count]')!.textContent).toBe(`${total} of ${total} entities`);
    expect($$('table.entities tbody tr')).toHaveLength(Math.min(PAGE_SIZE, total));
    expect($('.pager')!.textContent).toContain(`1–${PAGE_SIZE} of ${total}`);
    await click(button('Next'));
    expect($('.pager')!.textContent).toContain(`${PAGE_SIZE + 1}–`);

    await choose(field('Kind', $('.filters')!), 'ransomware');
    await waitFor(() => $$('table.entities tbody tr').every((tr) => tr.textContent?.includes('Ransomware')));
    expect($('.pager span')?.textContent ?? '').not.toContain(`${PAGE_SIZE + 1}–`); // back to page one

    await choose(field('Kind', $('.filters')!), '');
    await type(field('Name or alias'), 'Diamond Sleet');
    await waitFor(() => $('[data-testid=match-count]')!.textContent?.startsWith('1 of'));
    await click(button('Lazarus Group'));
    expect(onSelect).toHaveBeenCalledWith('lazarus-group');

    await type(field('Name or alias'), 'zzzz-nothing');
    await waitFor(() => $('.list-pane')!.textContent?.includes('No entity matches these filters.'));
  });

  it('is one Tab stop for the whole table: arrows, Home and End move between names', async () => {
    const backend = fakeBackend();
    await backend.ready;
    const onSelect = showExplorer(backend);
    await waitFor(() => $('table.entities'));
    const names = () => $$<HTMLButtonElement>('table.entities button.entity-link');
    const stops = () => names().filter((b) => b.tabIndex === 0);
    expect(names().length).toBeGreaterThan(2);
    expect(stops()).toEqual([names()[0]]);
    // Past the table, Tab reaches the pager.
    expect(button('Next')!.tabIndex).toBe(0);
    names()[0]!.focus();
    await key(document.activeElement, 'ArrowDown');
    expect(document.activeElement).toBe(names()[1]);
    expect(stops()).toEqual([names()[1]]);
    await key(document.activeElement, 'End');
    expect(document.activeElement).toBe(names().at(-1));
    await key(document.activeElement, 'ArrowDown');
    expect(document.activeElement).toBe(names().at(-1));
    await key(document.activeElement, 'Home');
    expect(document.activeElement).toBe(names()[0]);
    await key(document.activeElement, 'ArrowUp');
    expect(document.activeElement).toBe(names()[0]);
    expect(stops()).toHaveLength(1);
    await key(document.activeElement, 'End');
    await click(document.activeElement);
    expect(onSelect).toHaveBeenCalledWith(names().at(-1)!.dataset.id);
  });

  it('makes the selected entity the table\'s Tab stop', () => {
    const rows = indexEntities([e('Dridex', 'malware'), e('TrickBot', 'malware'), e('Wizard Spider', 'actor')], countLinks([]));
    mount(<EntityTable rows={rows} selected="TrickBot" onOpen={() => undefined} />);
    const stops = $$<HTMLButtonElement>('table.entities button.entity-link').filter((b) => b.tabIndex === 0);
    expect(stops.map((b) => b.textContent)).toEqual(['TrickBot']);
  });

  it('shows entity details, links as keyboard-reachable buttons, and local history when opted in', async () => {
    const backend = fakeBackend({ settings: { history: true } });
    await backend.ready;
    await backend.repo.db.sightings.bulkAdd([
      { entityId: 'lazarus-group', url: 'https://news.example/a', title: 'Heist report', at: '2026-11-19T10:00:00.000Z' },
      { entityId: 'lazarus-group', url: 'https://news.example/a', title: 'Heist report', at: '2026-11-19T11:00:00.000Z' },
      { entityId: 'lazarus-group', url: 'https://news.example/b', title: 'Crypto theft', at: '2026-11-02T10:00:00.000Z' },
      { entityId: 'lazarus-group', url: 'https://news.example/old', title: 'Old', at: '2026-08-01T10:00:00.000Z' },
    ]);
    const onOpen = vi.fn();
    mount(
      <BackendContext.Provider value={backend}>
        <EntityDetail id="lazarus-group" settings={backend.settings()} dataVersion={0} onOpen={onOpen} />
      </BackendContext.Provider>,
    );
    await waitFor(() => $('#detail-title'));
    expect($('#detail-title')!.textContent).toBe('Lazarus Group');
    expect($('.aliases')!.textContent).toContain('HIDDEN COBRA');
    await waitFor(() => $('[data-testid=seen-month]'));
    expect(NOW.toISOString().slice(0, 7)).toBe('2026-11');
    expect($('[data-testid=seen-month]')!.textContent).toBe('Seen in 2 articles this month');
    expect($$('.seen-pages a').map((a) => a.textContent)).toEqual(['Heist report', 'Crypto theft', 'Old']);
    const trickbot = button(/TrickBot/, $('.detail-links')!)!;
    expect(trickbot).toBeDefined();
    await click(trickbot);
    expect(onOpen).toHaveBeenCalledWith('trickbot');
    expect($('.detail-links .status-refuted')).not.toBeNull();
  });

  it('opened on an entity while a fresh profile is still being seeded, waits for the data instead of saying "not found"', async () => {
    // The page seeds too (realBackend): its details read the database once that is done, not before.
    let seeded!: () => void;
    const gate = new Promise<void>((resolve) => (seeded = resolve));
    const base = fakeBackend({ seed: false });
    const backend = { ...base, ready: gate.then(() => base.repo.seed(bundledDataset(), BUNDLED_VERSION)) };
    mount(
      <BackendContext.Provider value={backend}>
        <EntityDetail id="lazarus-group" settings={backend.settings()} dataVersion={0} onOpen={() => undefined} />
      </BackendContext.Provider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($('.detail')?.textContent ?? '').not.toContain('no longer in the database');
    seeded();
    await waitFor(() => $('#detail-title'));
    expect($('#detail-title')!.textContent).toBe('Lazarus Group');
  });

  it('follows a claim recorded elsewhere (the popup, another tab) while it is open', async () => {
    const backend = fakeBackend();
    await backend.ready;
    mount(
      <BackendContext.Provider value={backend}>
        <EntityDetail id="lazarus-group" settings={backend.settings()} dataVersion={0} onOpen={() => undefined} />
      </BackendContext.Provider>,
    );
    await waitFor(() => $('#detail-title'));
    expect($('.detail-links')!.textContent).not.toContain('Emotet');
    // Another context's own connection to the same database, as the popup has.
    const popup = new Repository(new ActorLensDb(backend.repo.db.name));
    await popup.addClaim({ from: 'lazarus-group', relation: 'uses', to: 'emotet', stance: 'supports', source: { title: 'Reader note' } });
    await waitFor(() => $('.detail-links')!.textContent!.includes('Emotet'));
    popup.db.close();
  });

  it('names countries in words, as the popup does, in the table, the detail and the country filter', async () => {
    const backend = fakeBackend();
    await backend.ready;
    showExplorer(backend, 'lazarus-group');
    await waitFor(() => $('#detail-title'));
    const facts = $$('.detail .facts dt').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(facts).toContainEqual(['Country', 'North Korea']);
    const country = field<HTMLSelectElement>('Country', $('.filters')!)!;
    const option = [...country.options].find((o) => o.value === 'KP');
    expect(option?.textContent).toBe('North Korea');
    const names = [...country.options].slice(2).map((o) => o.textContent ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await choose(country, 'KP');
    await waitFor(() => $$('table.entities tbody tr').length > 0 && $$('table.entities .col-country').slice(1).every((td) => td.textContent === 'North Korea'));
  });

  it('says "No known links." instead of drawing a lone node, and counts one source as "1 source"', async () => {
    const backend = fakeBackend();
    await backend.ready;
    const lone = await backend.repo.addEntity({ name: 'Lonely Spider', kind: 'actor' });
    showExplorer(backend, lone.id);
    await waitFor(() => $('.graph-pane .graph-empty'));
    expect($('.graph-pane')!.textContent).toBe('No known links.');
    expect($('.graph-figure')).toBeNull();
    expect($('.graph-pane')!.textContent).not.toMatch(/1 entities/);

    cleanup();
    mount(
      <BackendContext.Provider value={backend}>
        <EntityDetail id="lazarus-group" settings={backend.settings()} dataVersion={0} onOpen={() => undefined} />
      </BackendContext.Provider>,
    );
    await waitFor(() => $('.detail-links'));
    const counts = $$('.detail-links .link-meta > .muted').map((m) => m.textContent);
    expect(counts).toContain('1 source');
    expect(counts).not.toContain('1 sources');
  });

  it('following a link from the detail panel puts focus on the new entity\'s name', async () => {
    const backend = fakeBackend();
    await backend.ready;
    function Host() {
      const [id, setId] = useState('lazarus-group');
      return <EntityDetail id={id} settings={backend.settings()} dataVersion={0} onOpen={setId} />;
    }
    mount(
      <BackendContext.Provider value={backend}>
        <Host />
      </BackendContext.Provider>,
    );
    await waitFor(() => $('#detail-title')?.textContent === 'Lazarus Group');
    const trickbot = button(/TrickBot/, $('.detail-links')!)!;
    trickbot.focus();
    await click(trickbot);
    await waitFor(() => $('#detail-title')?.textContent === 'TrickBot');
    await waitFor(() => document.activeElement === $('#detail-title'));
  });

  it('keeps history out of sight when the reader has not opted in', async () => {
    const backend = fakeBackend();
    await backend.ready;
    await backend.repo.db.sightings.add({ entityId: 'lazarus-group', url: 'https://x.example/', title: 'X', at: '2026-11-19T10:00:00.000Z' });
    mount(
      <BackendContext.Provider value={backend}>
        <EntityDetail id="lazarus-group" settings={backend.settings()} dataVersion={0} onOpen={() => undefined} />
      </BackendContext.Provider>,
    );
    await waitFor(() => $('#detail-title'));
    expect($('[data-testid=seen-month]')).toBeNull();
  });
});
