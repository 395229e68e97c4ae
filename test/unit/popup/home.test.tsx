// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { DEMO_REPORT, fakeBackend } from './fixtures';
import { $, $$, button, click, key, mount, type, waitFor, cleanup } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

describe('popup home: on this page', () => {
  it('lists spotted entities grouped by kind, most mentioned first, with counts', async () => {
    mount(<App backend={fakeBackend()} />);
    await waitFor(() => $('.spotted'));
    const groups = $$('.group').map((g) => ({
      title: $('.group-title', g)!.textContent,
      names: $$('.name', g).map((n) => n.textContent),
      counts: $$('.count [aria-hidden]', g).map((n) => n.textContent),
    }));
    expect(groups).toEqual([
      { title: 'Threat actor2', names: ['Lazarus Group', 'TA505'], counts: ['4', '2'] },
      { title: 'Malware2', names: ['TrickBot', 'Dridex'], counts: ['6', '1'] },
      { title: 'Possible actor1', names: ['UNC9999'], counts: ['1'] },
    ]);
    // Other names the page used are shown; possible actors cannot be opened.
    expect($('.group-actor .sub')!.textContent).toContain('HIDDEN COBRA');
    expect($('.entity-row.possible')!.tagName).toBe('DIV');
    expect(button(/^\s*UNC9999/)).toBeUndefined();
    expect(button('4 mentions on this page')).toBeDefined();
  });

  it('on a page naming dozens of actors, shows eight per kind and the rest on request, focus on the first revealed', async () => {
    const actors = Array.from({ length: 30 }, (_, i) => ({ entityId: `actor-${i}`, name: `Actor ${String(i).padStart(2, '0')}`, text: `Actor ${String(i).padStart(2, '0')}`, count: 40 - i, kind: 'actor' as const }));
    const report = { ...DEMO_REPORT, matches: [...actors, ...DEMO_REPORT.matches] };
    mount(<App backend={fakeBackend({ report })} />);
    await waitFor(() => $('.spotted'));
    const rows = () => $$('.group-actor .entity-list > li');
    expect(rows()).toHaveLength(8);
    // The group heading still counts them all, and what follows is close: other kinds, possible actors, recording.
    expect($('.group-actor .group-count')!.textContent).toBe('32');
    expect($('.group-malware')).not.toBeNull();
    expect(button('Add UNC9999 to the knowledge base as a threat actor')).toBeDefined();
    const more = button('Show all 32', $('.group-actor')!)!;
    expect(more.getAttribute('aria-describedby')).toBe('group-actor');
    more.focus();
    await click(more);
    expect(rows()).toHaveLength(32);
    expect(button('Show all 32')).toBeUndefined();
    expect(document.activeElement).toBe($('button', rows()[8]!));
    // Kinds with eight rows or fewer have no such button.
    expect(button(/Show all/)).toBeUndefined();
    // Opening a revealed row and coming back (Escape) finds the list still open and focus on that row.
    const row = $('button', rows()[20]!)!;
    row.focus();
    await click(row);
    await waitFor(() => $('.entity-view'));
    await key(document.activeElement, 'Escape');
    await waitFor(() => document.activeElement?.getAttribute('data-focus') === 'entity:actor-20');
    expect(rows()).toHaveLength(32);
  });

  it('adds a possible actor to the knowledge base in one step and opens it', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    const add = await waitFor(() => button('Add UNC9999 to the knowledge base as a threat actor'));
    await click(add);
    await waitFor(() => $('h1.entity-name')?.textContent === 'UNC9999');
    expect(backend.addEntity).toHaveBeenCalledWith('UNC9999', 'actor');
    expect(backend.rescan).toHaveBeenCalledWith(7);
  });

  it('lists possible malware in its own group and adds it as malware', async () => {
    // a page about a new family: "a new backdoor dubbed Quillstack… Quillstack…", next to a possible actor of the same page
    const report = { ...DEMO_REPORT, matches: [...DEMO_REPORT.matches, { entityId: null, name: 'Quillstack', text: 'Quillstack', count: 2, kind: 'malware' as const }] };
    const backend = fakeBackend({ report });
    mount(<App backend={backend} />);
    await waitFor(() => $('.group-possible-malware'));
    expect($$('.group-title').map((g) => g.textContent)).toEqual(['Threat actor2', 'Malware2', 'Possible actor1', 'Possible malware1']);
    expect($$('.name', $('.group-possible-malware')!).map((n) => n.textContent)).toEqual(['Quillstack']);
    expect(button('Add Quillstack to the knowledge base as a threat actor')).toBeUndefined();
    await click(button('Add Quillstack to the knowledge base as malware')!);
    await waitFor(() => $('h1.entity-name')?.textContent === 'Quillstack');
    expect(backend.addEntity).toHaveBeenCalledWith('Quillstack', 'malware');
    expect(backend.rescan).toHaveBeenCalledWith(7);
  });

  it('says why a possible actor could not be added', async () => {
    const backend = fakeBackend();
    backend.addEntity.mockRejectedValueOnce(new Error('Names must be plain text; this one contains HTML or script: "x".'));
    mount(<App backend={backend} />);
    await click(await waitFor(() => button('Add UNC9999 to the knowledge base as a threat actor')));
    await waitFor(() => $('.notice-region')?.textContent?.includes('Names must be plain text'));
    expect($('h1.entity-name')).toBeNull();
  });

  it('opens an entity with one click, and Escape goes back with focus on the same row', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    const row = await waitFor(() => button(/Lazarus Group/));
    row.focus();
    await click(row);
    await waitFor(() => $('h1.entity-name')?.textContent === 'Lazarus Group');
    expect(backend.links).toHaveBeenCalledWith('lazarus-group');
    await key(document.activeElement, 'Escape');
    await waitFor(() => $('.spotted'));
    await waitFor(() => document.activeElement === button(/Lazarus Group/));
  });

  it('says so when nothing is spotted and offers search', async () => {
    mount(<App backend={fakeBackend({ report: { done: true, scanMs: 1, matches: [] } })} />);
    const offer = await waitFor(() => button('Search the knowledge base'));
    expect($('.empty')!.textContent).toContain('No known actors or malware on this page.');
    await click(offer);
    expect(document.activeElement).toBe($('input[type=search]'));
  });

  it('says when ActorLens cannot run on the page', async () => {
    mount(<App backend={fakeBackend({ report: null, page: undefined })} />);
    await waitFor(() => $('.empty'));
    expect($('.empty')!.textContent).toContain('ActorLens cannot read this page.');
    // The likely way out for an ordinary page opened before the install.
    expect($('.empty')!.textContent).toContain('read once you reload it');
    expect(button('Record a claim from this page')).toBeUndefined();
  });

  it('searches as you type and shows the alias that matched', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    const input = await waitFor(() => $<HTMLInputElement>('input[type=search]'));
    expect(input.getAttribute('aria-label')).toBe('Search actors and malware');
    await type(input, 'hidden');
    await waitFor(() => $('#results-heading'));
    expect(backend.search).toHaveBeenLastCalledWith('hidden');
    const hit = $('[role=option]')!;
    expect(hit.textContent).toContain('Lazarus Group');
    expect(hit.textContent).toContain('matched “HIDDEN COBRA”');
    await type(input, 'zzz');
    await waitFor(() => $('.muted')?.textContent === 'Nothing matches “zzz”.');
    // Escape in a non-empty search clears it instead of leaving.
    await key(input, 'Escape');
    await waitFor(() => $('.spotted'));
  });

  it('is a combobox: Arrow Down/Up move through the results, Enter opens, Escape goes back to the box, Back returns to the result', async () => {
    mount(<App backend={fakeBackend()} />);
    const input = await waitFor(() => $<HTMLInputElement>('input[type=search]'));
    input.focus();
    await type(input, 'd');
    const list = await waitFor(() => $('#search-results'));
    const options = $$('[role=option]', list);
    expect(options.map((o) => $('.name', o)!.textContent)).toEqual(['Lazarus Group', 'Dridex']);
    expect(list.getAttribute('role')).toBe('listbox');
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe('search-results');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    const activeName = () => {
      const id = $('input[type=search]')!.getAttribute('aria-activedescendant');
      const el = id ? document.getElementById(id) : null;
      if (el) expect(el.getAttribute('aria-selected')).toBe('true');
      return el ? $('.name', el)!.textContent : null;
    };

    await key(input, 'ArrowDown');
    expect(activeName()).toBe('Lazarus Group');
    await key(input, 'ArrowDown');
    expect(activeName()).toBe('Dridex');
    await key(input, 'ArrowDown');
    expect(activeName()).toBe('Dridex');
    await key(input, 'ArrowUp');
    expect(activeName()).toBe('Lazarus Group');
    await key(input, 'ArrowUp');
    expect(activeName()).toBeNull();
    // Escape with a result active goes back to the box, the query and its results kept.
    await key(input, 'ArrowDown');
    await key(input, 'Escape');
    expect(activeName()).toBeNull();
    expect(input.value).toBe('d');
    expect($('#search-results')).not.toBeNull();
    expect(document.activeElement).toBe(input);

    await key(input, 'ArrowDown');
    await key(input, 'ArrowDown');
    await key(input, 'Enter');
    await waitFor(() => $('h1.entity-name')?.textContent === 'Dridex');
    await key(document.body, 'Escape');
    await waitFor(() => $('#search-results'));
    await waitFor(() => document.activeElement === $('input[type=search]'));
    expect(activeName()).toBe('Dridex');
  });

  it('flips the per-site switch and opens the options page', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} />);
    const toggle = await waitFor(() => $<HTMLInputElement>('.switch input[type=checkbox]'));
    expect($('.switch')!.textContent).toContain('Highlight on ledger.example');
    expect(toggle.checked).toBe(true);
    await click(toggle);
    expect(backend.toggleSite).toHaveBeenCalledWith('https://ledger.example/keys');
    await waitFor(() => !$<HTMLInputElement>('.switch input')!.checked);
    await click(button('Data and settings'));
    expect(backend.openOptions).toHaveBeenCalled();
  });

  it('opens ?entity=<id> directly', async () => {
    mount(<App backend={fakeBackend()} initialEntity="lazarus-group" />);
    await waitFor(() => $('h1.entity-name')?.textContent === 'Lazarus Group');
    // Back leads to the page's list.
    await click(button('Back'));
    await waitFor(() => $('.spotted'));
  });
});

describe('popup home: names as the page wrote them', () => {
  const odd = {
    done: true,
    scanMs: 1,
    matches: [
      { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'Lazarus Group', count: 2, kind: 'actor' as const },
      { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'Lazarus\u00a0Group', count: 1, kind: 'actor' as const },
      { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'HIDDEN\u00a0COBRA', count: 1, kind: 'actor' as const },
      { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'HIDDEN COBRA', count: 1, kind: 'actor' as const },
      { entityId: 'ta505', name: 'TA505', text: 'TA\u200b505', count: 1, kind: 'actor' as const },
      { entityId: 'trickbot', name: 'TrickBot', text: 'Trick\u00adBot', count: 1, kind: 'malware' as const },
      { entityId: 'trickbot', name: 'TrickBot', text: 'Trick\u2060Bot\ufeff', count: 1, kind: 'malware' as const },
      { entityId: null, name: 'UNC\u200d4841', text: 'UNC\u200d4841', count: 1 },
      { entityId: null, name: 'UNC4841', text: 'UNC4841', count: 2 },
    ],
  };

  it('does not say "also written Lazarus Group" for a no-break space, zero-width space or soft hyphen', async () => {
    mount(<App backend={fakeBackend({ report: odd })} />);
    await waitFor(() => $('.spotted'));
    const rows = $$('.entity-row').map((r) => [$('.name', r)!.textContent, $('.sub', r)?.textContent ?? '', $('.count [aria-hidden]', r)!.textContent]);
    expect(rows).toEqual([
      ['Lazarus Group', 'also written HIDDEN COBRA', '5'],
      ['TA505', '', '1'],
      ['TrickBot', '', '2'],
      ['UNC4841', '', '3'],
    ]);
  });

  it('lets a long possible-actor name be read in full: tooltip and text for screen readers', async () => {
    const long = 'Supercalifragilisticexpialidociousbrigadeofhackersfromnowhere';
    mount(<App backend={fakeBackend({ report: { done: true, scanMs: 1, matches: [{ entityId: null, name: long, text: long, count: 2 }] } })} />);
    const name = await waitFor(() => $('.entity-row.possible .name'));
    expect(name.getAttribute('title')).toBe(long);
    expect(name.textContent).toBe(long);
    expect(name.closest('[aria-hidden="true"]')).toBeNull();
  });

  it('says "1 mention on this page" for one and "2 mentions" for two', async () => {
    mount(<App backend={fakeBackend()} />);
    await waitFor(() => $('.spotted'));
    const dridex = $$('.entity-row').find((r) => $('.name', r)!.textContent === 'Dridex')!;
    expect($('.count .sr-only', dridex)!.textContent).toBe('1 mention on this page');
    expect($('.count', dridex)!.getAttribute('title')).toBe('1 mention on this page');
    const ta505 = $$('.entity-row').find((r) => $('.name', r)!.textContent === 'TA505')!;
    expect($('.count .sr-only', ta505)!.textContent).toBe('2 mentions on this page');
  });
});
