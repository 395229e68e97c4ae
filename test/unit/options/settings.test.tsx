// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/options/App';
import { fakeBackend } from './fake-backend';
import { $, $$, button, cleanup, click, field, mount, submit, type, waitFor } from '../render';
import { act } from 'preact/test-utils';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

beforeEach(() => {
  location.hash = '#settings';
});
afterEach(cleanup);

async function open(settings = {}) {
  const backend = fakeBackend({ settings });
  mount(<App backend={backend} />);
  await waitFor(() => $('#settings-title'));
  return backend;
}

const checkbox = (label: string) => field<HTMLInputElement>(label)!;
async function toggle(input: HTMLInputElement) {
  await act(async () => {
    input.click();
  });
}

describe('options settings', () => {
  it('adds and removes sites where highlighting is off, and switches to on-only mode', async () => {
    const backend = await open();
    const site = field<HTMLInputElement>('Site')!;
    // The button names the site it acts on, as it will be listed: the one typed, not a page's.
    expect(button('Turn off on the site typed')?.disabled).toBe(true);
    await type(site, 'https://www.Example.com/some/page');
    await waitFor(() => button('Turn off on example.com'));
    expect(button('Turn off on example.com')!.disabled).toBe(false);
    await submit(site.form);
    expect(backend.settings().sites).toEqual(['example.com']);
    await waitFor(() => $('.chips')?.textContent?.includes('example.com'));
    expect($('h3.small-heading')!.textContent).toBe('Highlighting is off on');

    await toggle(checkbox('Highlight only on the sites listed'));
    expect(backend.settings().siteMode).toBe('only');
    await waitFor(() => button('Turn on on the site typed'));
    await type(site, 'intel.example.org');
    await waitFor(() => button('Turn on on intel.example.org'));
    await type(site, '');
    expect($('h3.small-heading')!.textContent).toBe('Highlighting is on only on');

    await click(button('Remove example.com'));
    expect(backend.settings().sites).toEqual([]);

    await type(site, '   ');
    await submit(site.form);
    expect(backend.settings().sites).toEqual([]);
  });

  it('chooses kinds to highlight and previews colours live, saving when the picker commits', async () => {
    const backend = await open();
    await toggle(checkbox('Tool'));
    expect(backend.settings().kinds).toEqual(['actor', 'malware', 'ransomware']);
    // A kind that is off is shown unmarked in the preview.
    await waitFor(() => !$('.light-page mark[data-kind="tool"]'));
    expect($('.light-page')!.textContent).toContain('Cobalt Strike');

    const picker = $<HTMLInputElement>('input[type=color]')!;
    expect(field('Colour for Threat actor')).toBe(picker);
    await act(async () => {
      picker.value = '#222266';
      picker.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const mark = $('.light-page mark[data-kind="actor"]')!;
    expect(mark.style.backgroundColor).toMatch(/#222266|rgb\(34, 34, 102\)/);
    expect(mark.style.color).toMatch(/#ffffff|rgb\(255, 255, 255\)/); // readable on a dark colour
    expect(backend.settings().colors.actor).toBe('#ffb3a7'); // not saved while dragging
    await act(async () => {
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(backend.settings().colors.actor).toBe('#222266');

    await click(button('Restore default colours'));
    expect(backend.settings().colors.actor).toBe('#ffb3a7');
  });

  it('suppresses a term everywhere or on one site', async () => {
    const backend = await open();
    const term = field<HTMLInputElement>('Name')!;
    const site = field<HTMLInputElement>('On site (optional)')!;
    await type(term, 'Lazarus');
    await type(site, 'church.example');
    await submit(term.form);
    await type(term, 'Cobalt');
    await submit(term.form);
    expect(backend.settings().suppressed).toEqual([{ term: 'Lazarus', site: 'church.example' }, { term: 'Cobalt' }]);
    await waitFor(() => button('Remove Cobalt (everywhere)'));
    expect($$('.chip span').map((s) => s.textContent)).toContain('Lazarus (on church.example)');
    await click(button('Remove Lazarus (on church.example)'));
    expect(backend.settings().suppressed).toEqual([{ term: 'Cobalt' }]);
  });

  it('switches the confidence scale, pause and possible actors', async () => {
    const backend = await open();
    await toggle(checkbox('Numbers (0–100)'));
    expect(backend.settings().scale).toBe('numbers');
    await waitFor(() => !$('.card .confidence-word'));
    expect($('.confidence-number')!.textContent).toMatch(/^70/);
    await toggle(checkbox('Pause highlighting everywhere'));
    expect(backend.settings().paused).toBe(true);
    await toggle(checkbox('Also mark names not in the knowledge base (possible actors and malware)'));
    expect(backend.settings().possibleActors).toBe(false);
  });

  it('opts in to history, counts it, and erases it after confirmation', async () => {
    const backend = await open();
    await backend.ready;
    await backend.repo.db.sightings.bulkAdd([
      { entityId: 'lazarus-group', url: 'https://a.example/1', title: 'A', at: '2026-11-19T10:00:00.000Z' },
      { entityId: 'trickbot', url: 'https://a.example/1', title: 'A', at: '2026-11-19T10:00:00.000Z' },
      { entityId: 'lazarus-group', url: 'https://b.example/2', title: 'B', at: '2026-11-18T10:00:00.000Z' },
    ]);
    await toggle(checkbox('Remember the pages where entities were spotted'));
    expect(backend.settings().history).toBe(true);
    await waitFor(() => $('[data-testid=history-count]')?.textContent === '2 pages remembered (3 sightings).');
    await click(button('Erase history'));
    const dialog = await waitFor(() => $('dialog[open]'));
    expect(dialog.textContent).toContain('Erase the page history?');
    await click(button('Erase history', dialog));
    await waitFor(() => $('[data-testid=history-count]')?.textContent === '0 pages remembered (0 sightings).');
    expect(await backend.repo.db.sightings.count()).toBe(0);
  });

  it('follows settings changed elsewhere (popup, another tab)', async () => {
    const backend = await open();
    await backend.updateSettings((s) => ({ ...s, sites: ['news.example'] }));
    await waitFor(() => $('.chips')?.textContent?.includes('news.example'));
  });
});
