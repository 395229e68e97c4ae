// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { fakeBackend, lazarusLinks } from './fixtures';
import { $, $$, button, click, mount, waitFor, cleanup } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const row = (name: string) => $$('.link-row').find((r) => $('.link-other', r)?.textContent === name)!;

async function openLazarus(opts: Parameters<typeof fakeBackend>[0] = {}) {
  const backend = fakeBackend(opts);
  mount(<App backend={backend} initialEntity="lazarus-group" />);
  await waitFor(() => $('.link-row'));
  return backend;
}

describe('popup entity view', () => {
  it('shows name, kind, aliases with who uses them, sponsor, first/last seen and description', async () => {
    await openLazarus();
    expect($('.entity-name')!.textContent).toBe('Lazarus Group');
    expect($('.kind-label')!.textContent).toBe('Threat actor');
    expect($$('.aliases li').map((l) => l.textContent)).toEqual(['HIDDEN COBRAby US government', 'Diamond Sleetby Microsoft']);
    const facts = $('.facts')!.textContent!;
    expect(facts).toContain('North Korea');
    expect(facts).toContain('first seen 2009');
    expect(facts).toContain('last seen');
    expect($('.description')!.textContent).toBe('A North Korean state cluster.');
  });

  it('says so when an imported file gave a first seen date later than the last seen one', async () => {
    const backend = fakeBackend();
    const lazarus = (await backend.entity('lazarus-group'))!;
    backend.entity.mockImplementation(async () => ({ ...lazarus, firstSeen: '2022', lastSeen: '2019-06' }));
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await waitFor(() => $('.link-row'));
    expect($('.facts')!.textContent).toContain('first seen 2022 · last seen Jun 2019 (out of order in the source)');
  });

  it('adds nothing to dates in order, even of different precision', async () => {
    const backend = fakeBackend();
    const lazarus = (await backend.entity('lazarus-group'))!;
    backend.entity.mockImplementation(async () => ({ ...lazarus, firstSeen: '2019-06', lastSeen: '2019' }));
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await waitFor(() => $('.link-row'));
    expect($('.facts')!.textContent).toContain('first seen Jun 2019 · last seen 2019');
    expect($('.facts')!.textContent).not.toContain('out of order');
  });

  it('lists one writing per name, none repeating the canonical name, with the first "used by" any writing has', async () => {
    const backend = fakeBackend();
    const lazarus = (await backend.entity('lazarus-group'))!;
    const aliases = [{ name: 'HIDDEN COBRA' }, { name: 'LAZARUS GROUP' }, { name: 'Hidden Cobra', usedBy: 'US government' }, { name: 'Diamond Sleet' }, { name: 'DiamondSleet' }];
    backend.entity.mockImplementation(async () => ({ ...lazarus, aliases }));
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await waitFor(() => $('.link-row'));
    expect($$('.aliases li').map((l) => l.textContent)).toEqual(['HIDDEN COBRAby US government', 'Diamond Sleet']);
  });

  it('shows twelve names of a much-tracked actor and the rest on request, focus staying in the list', async () => {
    const backend = fakeBackend();
    const lazarus = (await backend.entity('lazarus-group'))!;
    const aliases = Array.from({ length: 36 }, (_, i) => ({ name: `Alias ${i}` }));
    backend.entity.mockImplementation(async () => ({ ...lazarus, aliases }));
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await waitFor(() => $('.link-row'));
    expect($$('.aliases li')).toHaveLength(12);
    const more = button('Show all 36')!;
    expect(more.getAttribute('aria-describedby')).toBe('aliases-label');
    more.focus();
    await click(more);
    expect($$('.aliases li')).toHaveLength(36);
    expect(button('Show all 36')).toBeUndefined();
    await waitFor(() => document.activeElement === $('ul.aliases'));
    expect($('ul.aliases')!.getAttribute('aria-labelledby')).toBe('aliases-label');
  });

  it('groups links by relation, with confidence, status and sources; refuted and historical styled, never hidden', async () => {
    await openLazarus();
    expect($$('.relation-title').map((h) => h.textContent)).toEqual(['obtains access from', 'affiliated with']);
    const trick = row('TrickBot');
    expect(trick.className).toContain('status-active');
    expect($('.confidence-word', trick)!.textContent).toBe('very likely');
    expect($('.confidence-number', trick)!.textContent).toBe('86/100');
    expect($$('.confidence-scale .on', trick)).toHaveLength(5);
    expect($('.sources-count', trick)!.textContent).toBe('2 sources');
    expect(row('Dridex').className).toContain('status-refuted');
    expect($('.status-badge', row('Dridex'))!.textContent).toBe('refuted');
    expect($('.sources-count', row('Dridex'))!.textContent).toContain('1 refuting');
    expect(row('TA505').className).toContain('status-historical');
    expect($('.status-badge', row('TA505'))!.getAttribute('title')).toBe('historical (no longer active)');
    // Current links before historical, refuted last, within the group.
    expect($$('.link-group')[1]!.querySelectorAll('.link-other')[0]!.textContent).toBe('TA505');
    // The row's accessible text reads as a sentence.
    expect($('.link-head', trick)!.textContent).toContain('Lazarus Group obtains access from TrickBot');
  });

  it('opens a link to show its evidence: publisher, date, title in a new tab, reliability, stance, quote', async () => {
    await openLazarus();
    const head = $<HTMLButtonElement>('.link-head', row('TrickBot'))!;
    expect(head.getAttribute('aria-expanded')).toBe('false');
    await click(head);
    expect(head.getAttribute('aria-expanded')).toBe('true');
    const items = $$('.evidence', row('TrickBot'));
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect($('.publisher', first)!.textContent).toBe('Dark Reading');
    expect($('time', first)!.getAttribute('datetime')).toBe('2020-07-14');
    const a = $<HTMLAnchorElement>('a.evidence-title', first)!;
    expect(a.href).toBe('https://example.org/c1');
    expect(a.target).toBe('_blank');
    expect(a.rel).toContain('noopener');
    expect($('.reliability', first)!.textContent).toContain('B usually reliable');
    expect($('.stance-badge', first)!.textContent).toBe('supports');
    expect($('.quote', first)!.textContent).toBe('very likely selling access');
    expect($('.link-note', row('TrickBot'))!.textContent).toBe('Incident responders saw TrickBot first.');
    // Only the reader's own claims can be edited or deleted.
    expect(button('Edit', first)).toBeUndefined();
    expect(button('Edit your claim from My article', items[1])).toBeDefined();
    expect($('.evidence.stance-refutes', row('Dridex'))).toBeNull();
    await click($('.link-head', row('Dridex')));
    expect($('.evidence.stance-refutes .stance-badge', row('Dridex'))!.textContent).toBe('refutes');
  });

  it('lists two-hop pivots with the path confidence and opens them', async () => {
    const backend = await openLazarus();
    await waitFor(() => $('.pivots'));
    expect($('#pivots-heading')!.textContent).toBe('Also investigate');
    const pivot = button(/Wizard Spider/, $('.pivots')!)!;
    expect(pivot.textContent).toContain('via TrickBot');
    expect(pivot.textContent).toContain('roughly even chance');
    await click(pivot);
    await waitFor(() => $('h1.entity-name')?.textContent === 'Wizard Spider');
    expect(backend.links).toHaveBeenLastCalledWith('wizard-spider');
  });

  it('respects the confidence scale setting', async () => {
    await openLazarus({ settings: { scale: 'words' } });
    expect($('.confidence-number')).toBeNull();
    expect($('.confidence-word')).not.toBeNull();
    document.body.replaceChildren();
    await openLazarus({ settings: { scale: 'numbers' } });
    await waitFor(() => $('.confidence-number'));
    expect($('.confidence-word', row('TrickBot'))).toBeNull();
  });

  it('shows a long group of links in part, and "Show all" hands focus to the first link it revealed', async () => {
    const [base] = lazarusLinks();
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...base!,
      link: { ...base!.link, id: `lazarus-group~obtains-access-from~tool-${i}`, to: `tool-${i}` },
      other: { ...base!.other, id: `tool-${i}`, name: `Tool ${i}` },
    }));
    await openLazarus({ links: () => many });
    expect($$('.link-row')).toHaveLength(8);
    const more = button('Show all 12')!;
    expect(more.getAttribute('aria-describedby')).toBe($('.relation-title')!.id);
    more.focus();
    await click(more);
    expect($$('.link-row')).toHaveLength(12);
    expect(document.activeElement).toBe($('.link-head', $$('.link-row')[8]!));
  });

  it('never builds HTML from data', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const backend = fakeBackend();
    backend.entity.mockImplementation(async (id: string) => ({ id, kind: 'actor', name: evil, aliases: [{ name: evil }], description: evil, provenance: [] }));
    mount(<App backend={backend} initialEntity="x" />);
    await waitFor(() => $('.entity-name'));
    expect($('.entity-name')!.textContent).toBe(evil);
    expect($('img[src=x]')).toBeNull();
  });
});
